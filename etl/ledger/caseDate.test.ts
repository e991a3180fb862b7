import { describe, expect, it } from "vitest";
import { addCalendarMonths, deadlineOf, epochDay, parseCaseDate } from "./caseDate.ts";

describe("parseCaseDate", () => {
  it.each([
    ["2022-03-05", "2022-03-05"],
    ["2022/3/5", "2022-03-05"],
    ["2022.3.5", "2022-03-05"],
    ["2022年3月5日", "2022-03-05"],
    ["２０２２年３月５日", "2022-03-05"],
    [" 2022-3-5 ", "2022-03-05"],
    ["20220305", "2022-03-05"],
    ["2022-03-05T00:00:00.000Z", "2022-03-05"],
  ])("parseCaseDate(%j) is %s", (text, date) => {
    expect(parseCaseDate(text)).toBe(date);
  });

  it.each(["2022-02-30", "2022-13-01", "2022-3", "三月五日", "", "2021-02-29"])(
    "parseCaseDate(%j) is null",
    (text) => {
      expect(parseCaseDate(text)).toBeNull();
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(parseCaseDate("2024/2/29")).toBe("2024-02-29");
  });
});

describe("deadlines", () => {
  it("01-31 + 1 month is 02-28 in 2022 and 02-29 in 2024", () => {
    expect(addCalendarMonths("2022-01-31", 1)).toBe("2022-02-28");
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("a hardship person identified on 2022-11-30 is due 2023-02-28", () => {
    expect(deadlineOf("hardship", "2022-11-30")).toBe("2023-02-28");
  });

  it("a zero-employment family identified on 2022-12-15 is due 2023-01-15", () => {
    expect(deadlineOf("zero_family", "2022-12-15")).toBe("2023-01-15");
  });

  it("a hardship person identified on 2022-08-31 is due 2022-11-30", () => {
    expect(deadlineOf("hardship", "2022-08-31")).toBe("2022-11-30");
  });

  it("a zero-employment family identified on 2023-12-31 is due 2024-01-31", () => {
    expect(deadlineOf("zero_family", "2023-12-31")).toBe("2024-01-31");
  });
});

describe("epochDay", () => {
  it.each([
    ["1970-01-01", 0],
    ["2022-03-05", 19056],
    ["2024-02-29", 19782],
    ["1969-12-31", -1],
  ])("epochDay(%s) is %i", (date, days) => {
    expect(epochDay(date)).toBe(days);
    expect(epochDay(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  });
});
