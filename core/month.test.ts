import { describe, expect, it } from "vitest";
import { monthIndex, monthsBetween, nextMonth, previousMonth } from "./month.ts";

describe("month arithmetic", () => {
  it("previousMonth('2022-01') is 2021-12", () => {
    expect(previousMonth("2022-01")).toBe("2021-12");
  });

  it("previousMonth('2022-08') is 2022-07", () => {
    expect(previousMonth("2022-08")).toBe("2022-07");
  });

  it("nextMonth('2022-12') is 2023-01", () => {
    expect(nextMonth("2022-12")).toBe("2023-01");
  });

  it("monthsBetween('2021-11', '2022-02') lists four months", () => {
    expect(monthsBetween("2021-11", "2022-02")).toEqual(["2021-11", "2021-12", "2022-01", "2022-02"]);
  });

  it("monthsBetween('2022-08', '2022-08') is that month", () => {
    expect(monthsBetween("2022-08", "2022-08")).toEqual(["2022-08"]);
  });

  it("monthsBetween('2022-09', '2022-08') is empty", () => {
    expect(monthsBetween("2022-09", "2022-08")).toEqual([]);
  });

  it("monthIndex orders months", () => {
    expect(monthIndex("2022-01") - monthIndex("2021-12")).toBe(1);
  });
});
