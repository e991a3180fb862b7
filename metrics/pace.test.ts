import { describe, expect, it } from "vitest";
import { monthsElapsed, paceFraction } from "./pace.ts";

const period = { first: "2022-01", last: "2022-12" };

describe("pace", () => {
  it("linear is m/n: as of 2022-08 it is 8/12", () => {
    expect(paceFraction({ kind: "linear" }, period, "2022-08")).toBeCloseTo(8 / 12, 12);
    expect(paceFraction({ kind: "linear" }, period, "2022-01")).toBeCloseTo(1 / 12, 12);
    expect(paceFraction({ kind: "linear" }, period, "2022-12")).toBe(1);
  });
  it("is 0 before the period and 1 after it", () => {
    expect(paceFraction({ kind: "linear" }, period, "2021-12")).toBe(0);
    expect(monthsElapsed(period, "2023-03")).toBe(12);
  });
  it("a profile gives the cumulative share month by month", () => {
    const points = Object.fromEntries(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m, i) => [
        `2022-${m}`,
        i < 6 ? 0.05 * (i + 1) : 0.3 + (0.7 * (i - 5)) / 6,
      ]),
    );
    expect(paceFraction({ kind: "profile", points }, period, "2022-03")).toBeCloseTo(0.15, 12);
  });
  it("checkpoints interpolate linearly: 30% by June, 100% by December", () => {
    const pace = { kind: "checkpoints" as const, points: { "2022-06": 0.3, "2022-12": 1 } };
    expect(paceFraction(pace, period, "2022-03")).toBeCloseTo(0.15, 12);
    expect(paceFraction(pace, period, "2022-06")).toBeCloseTo(0.3, 12);
    expect(paceFraction(pace, period, "2022-09")).toBeCloseTo(0.65, 12);
    expect(paceFraction(pace, period, "2022-12")).toBe(1);
  });
  it("checkpoints end at 1 in the last month even when not listed", () => {
    const pace = { kind: "checkpoints" as const, points: { "2022-03": 0.1, "2022-06": 0.4 } };
    expect(paceFraction(pace, period, "2022-09")).toBeCloseTo(0.7, 12);
  });
});
