import { describe, expect, it } from "vitest";
import { QINGPU_2022_CATALOGUE } from "../testdata/catalogue.ts";
import { monthsOwed, planMonthsOf, receivedByMonth } from "./monthsOwed.ts";

const PLAN = planMonthsOf({
  id: "qingpu-2022",
  period: { first: "2022-01", last: "2022-12" },
  catalogue: QINGPU_2022_CATALOGUE,
});
const YINGPU = { code: "310118002", kind: "subdistrict" };

describe("monthsOwed", () => {
  it("planMonthsOf: the period and every kind or unit that reports an item", () => {
    expect(PLAN).toMatchObject({ plan: "qingpu-2022", first: "2022-01", last: "2022-12" });
    // the three western towns are named by code: they alone pay the 西劳外输 subsidy
    expect([...PLAN.reporters].sort()).toEqual([
      "310118102",
      "310118103",
      "310118104",
      "D-FB",
      "D-FIN",
      "D-HRSS",
      "D-SASAC",
      "subdistrict",
      "town",
    ]);
  });

  it("on 15 September: August and older gaps first, newest first, then September (not yet due), then what came in", () => {
    const received = receivedByMonth([
      { kind: "monthly", status: "superseded", months: ["2022-07"] },
      { kind: "monthly", status: "accepted", months: ["2022-07"] },
      {
        kind: "monthly",
        status: "accepted",
        months: ["2022-01", "2022-02", "2022-03", "2022-04", "2022-06"],
      },
      { kind: "monthly", status: "rejected", months: ["2022-05"] },
      { kind: "monthly", status: "rejected", months: [] },
      { kind: "cases", status: "accepted", months: ["2022-08"] },
    ]);
    const owed = monthsOwed([PLAN], YINGPU, "2022-09", received);
    expect(owed.map((m) => [m.month, m.revision, m.refused, m.due])).toEqual([
      ["2022-08", 0, 0, true],
      ["2022-05", 0, 1, true],
      ["2022-09", 0, 0, false],
      ["2022-07", 2, 0, true],
      ["2022-06", 1, 0, true],
      ["2022-04", 1, 0, true],
      ["2022-03", 1, 0, true],
      ["2022-02", 1, 0, true],
      ["2022-01", 1, 0, true],
    ]);
  });

  it("long after the plan: its twelve months, never the current one outside it", () => {
    const owed = monthsOwed([PLAN], YINGPU, "2026-11");
    expect(owed.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2022-${String(12 - i).padStart(2, "0")}`),
    );
    expect(owed.every((m) => m.due && m.plan === "qingpu-2022")).toBe(true);
  });

  it("before the plan starts, and for a unit that reports none of its items: nothing", () => {
    expect(monthsOwed([PLAN], YINGPU, "2021-11")).toEqual([]);
    expect(monthsOwed([PLAN], { code: "X-1", kind: "other" }, "2022-09")).toEqual([]);
  });

  it("two plans: each month once, from the plan that starts first", () => {
    const next = { ...PLAN, plan: "qingpu-2023", first: "2023-01", last: "2023-12" };
    const owed = monthsOwed([next, PLAN], YINGPU, "2023-02");
    expect(owed.slice(0, 3).map((m) => [m.month, m.plan, m.due])).toEqual([
      ["2023-01", "qingpu-2023", true],
      ["2022-12", "qingpu-2022", true],
      ["2022-11", "qingpu-2022", true],
    ]);
    expect(owed.at(-1)?.month).toBe("2023-02");
    expect(owed).toHaveLength(14);
  });
});
