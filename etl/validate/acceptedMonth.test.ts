import { describe, expect, it } from "vitest";
import { acceptedMonth, monthFinding, planCovers } from "./acceptedMonth.ts";

const window = { periods: [{ first: "2022-01", last: "2022-12" }], currentMonth: "2022-09" };

describe("acceptedMonth", () => {
  it("acceptedMonth('2022年8月') is 2022-08, accepted", () => {
    expect(acceptedMonth("2022年8月", window)).toEqual({ month: "2022-08", problem: null });
  });

  it("acceptedMonth('2021-12') is accepted as the baseline month before the period", () => {
    expect(acceptedMonth("2021-12", window)).toEqual({ month: "2021-12", problem: null });
  });

  it("acceptedMonth('2021-11') is month_not_in_plan", () => {
    expect(acceptedMonth("2021-11", window)).toEqual({ month: "2021-11", problem: "month_not_in_plan" });
  });

  it("acceptedMonth('2022-10') is future_month as of 2022-09", () => {
    expect(acceptedMonth("2022-10", window)).toEqual({ month: "2022-10", problem: "future_month" });
  });

  it("acceptedMonth('2022-13') is bad_month", () => {
    expect(acceptedMonth("2022-13", window)).toEqual({ month: null, problem: "bad_month" });
  });

  it("planCovers with no periods is false", () => {
    expect(planCovers([], "2022-08")).toBe(false);
  });

  it("monthFinding says which problem in both languages", () => {
    const future = monthFinding(acceptedMonth("2022-10", window), 3, "报告月份", "2022-10", window);
    expect(future).toMatchObject({ row: 3, column: "报告月份", code: "future_month" });
    expect(future.en).toContain("after the current month (2022-09)");
    expect(future.zh).toContain("晚于当前月份 2022-09");
    const outside = monthFinding(acceptedMonth("2020-05", window), 4, "month", "2020-05", window);
    expect(outside.en).toBe(
      "No plan covers the month 2020-05 (a plan's period or the baseline month just before it: 2021-12–2022-12).",
    );
    const bad = monthFinding(acceptedMonth("八月", window), 5, "month", "八月", window);
    expect(bad.en).toBe('The month "八月" cannot be read; write it as 2022-08, 2022/8 or 2022年8月.');
    expect(monthFinding(acceptedMonth("", window), 6, "month", "", window).en).toBe("The month is blank.");
  });
});
