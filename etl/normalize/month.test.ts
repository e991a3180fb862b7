import { describe, expect, it } from "vitest";
import { monthIndex, monthsBetween, nextMonth, parseMonth, previousMonth } from "./month.ts";

describe("parseMonth", () => {
  const spellings: [string, string][] = [
    ["2022-08", "2022-08"],
    ["2022-8", "2022-08"],
    ["2022/8", "2022-08"],
    ["2022/08", "2022-08"],
    ["2022.8", "2022-08"],
    ["2022年8月", "2022-08"],
    ["2022年08月", "2022-08"],
    ["2022年8月份", "2022-08"],
    ["202208", "2022-08"],
    ["２０２２年８月", "2022-08"],
    ["２０２２－０８", "2022-08"],
    ["  2022-08 ", "2022-08"],
    ["\u30002022/8\u3000", "2022-08"],
    ["2022-08-01", "2022-08"],
    ["2022/8/31", "2022-08"],
    ["2022年8月1日", "2022-08"],
    ["2022-08-01 00:00:00", "2022-08"],
    ["2022-12", "2022-12"],
    ["2021年12月", "2021-12"],
  ];
  for (const [text, month] of spellings) {
    it(`parseMonth('${text}') is ${month}`, () => {
      expect(parseMonth(text)).toBe(month);
    });
  }

  const notMonths = [
    "",
    "  ",
    "2022-13",
    "2022-0",
    "2022年13月",
    "202213",
    "22-08",
    "8月",
    "2022",
    "20228",
    "2022-08-32",
    "八月",
    "abc",
  ];
  for (const text of notMonths) {
    it(`parseMonth('${text}') is null`, () => {
      expect(parseMonth(text)).toBeNull();
    });
  }
});

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
