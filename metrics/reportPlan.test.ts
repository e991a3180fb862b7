import { describe, expect, it } from "vitest";
import type { Plan } from "./plan.ts";
import { reportPlan } from "./reportPlan.ts";

const plan = (id: string, first: string, last: string) => ({ id, period: { first, last } }) as Plan;
const p2022 = plan("qingpu-2022", "2022-01", "2022-12");
const p2023 = plan("qingpu-2023", "2023-01", "2023-12");
const plans = [p2023, p2022];

describe("reportPlan", () => {
  it("reportPlan(plans, '2022-08') is the plan covering August 2022", () => {
    expect(reportPlan(plans, "2022-08")).toBe(p2022);
    expect(reportPlan(plans, "2023-01")).toBe(p2023);
  });

  it("a month after every period takes the plan begun last, one before every period the earliest", () => {
    expect(reportPlan(plans, "2024-03")).toBe(p2023);
    expect(reportPlan(plans, "2021-06")).toBe(p2022);
  });

  it("a month between two periods takes the plan begun by then", () => {
    const gap = [plan("a", "2022-01", "2022-06"), plan("b", "2022-09", "2022-12")];
    expect(reportPlan(gap, "2022-07")?.id).toBe("a");
  });

  it("without a month it is the plan begun last; without plans there is none", () => {
    expect(reportPlan(plans, null)).toBe(p2023);
    expect(reportPlan([], "2022-08")).toBeNull();
  });
});
