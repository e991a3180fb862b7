import { describe, expect, it } from "vitest";
import { epochDay, parseCaseDate } from "./caseDate.ts";

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
