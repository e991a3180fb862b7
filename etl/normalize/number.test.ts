import { describe, expect, it } from "vitest";
import { parseNumber } from "./number.ts";

describe("parseNumber", () => {
  const numbers: [string, number | null][] = [
    ["0", 0],
    ["50", 50],
    ["393848", 393848],
    ["007", 7],
    ["1,234", 1234],
    ["1,234,567", 1234567],
    ["1，234", 1234],
    ["１２３", 123],
    ["１，２３４", 1234],
    ["１．５", 1.5],
    ["－３", -3],
    ["-3", -3],
    ["\u22123", -3],
    ["1.5", 1.5],
    ["12.25", 12.25],
    ["1,234.5", 1234.5],
    [" 50 ", 50],
    ["\u00a050\u00a0", 50],
    ["\u300050\u3000", 50],
    ["\t50\r\n", 50],
    ["-0", 0],
    ["", null],
    ["   ", null],
    ["\u3000", null],
  ];
  for (const [text, value] of numbers) {
    it(`parseNumber(${JSON.stringify(text)}) is ${value}`, () => {
      expect(parseNumber(text)).toEqual({ value });
    });
  }

  const notNumbers = [
    "约50",
    "50人",
    "5O",
    "1,23",
    "12,34",
    "1,2345",
    ",123",
    "1.",
    ".5",
    "1.2.3",
    "1e5",
    "+5",
    "--3",
    "50%",
    "- 3",
    "1 234",
    "N/A",
    "—",
    "五十",
  ];
  for (const text of notNumbers) {
    it(`parseNumber(${JSON.stringify(text)}) is not_a_number`, () => {
      expect(parseNumber(text)).toEqual({ error: "not_a_number" });
    });
  }

  it("parseNumber('123456789012345678') is the nearest double (range is a rule, not a parse error)", () => {
    expect(parseNumber("123456789012345678")).toEqual({ value: 123456789012345680 });
  });
});
