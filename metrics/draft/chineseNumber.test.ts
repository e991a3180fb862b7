import { describe, expect, it } from "vitest";
import { countValue, numberValue, shareValue } from "./chineseNumber.ts";

describe("numbers as policies write them", () => {
  it.each([
    ["5000", 5000],
    ["18,000", 18000],
    ["2 000", 2000],
    ["5.5", 5.5],
    ["一千一百", 1100],
    ["一千零五", 1005],
    ["两万", 20000],
    ["十二", 12],
    ["一万二千", 12000],
    ["四千八百", 4800],
    ["三点五", 3.5],
  ])("numberValue('%s') is %d", (text, value) => {
    expect(numberValue(text)).toBe(value);
  });

  it("numberValue refuses what is not a number", () => {
    expect(numberValue("一二")).toBeNull();
    expect(numberValue("约50")).toBeNull();
  });

  it("countValue applies the magnitude: 4万 → 40000, 1.2万 → 12000, 40万 → 400000, 四千八百万 → 48,000,000", () => {
    expect(countValue("4", "万")).toBe(40000);
    expect(countValue("1.2", "万")).toBe(12000);
    expect(countValue("40", "万")).toBe(400000);
    expect(countValue("四千八百", "万")).toBe(48_000_000);
    expect(countValue("910", undefined)).toBe(910);
  });

  it("shareValue: 80% → 0.8, 5.5% → 0.055, 百分之八十 → 0.8, 八成 → 0.8", () => {
    expect(shareValue("80%")).toBe(0.8);
    expect(shareValue("5.5%")).toBe(0.055);
    expect(shareValue("百分之八十")).toBe(0.8);
    expect(shareValue("八成")).toBe(0.8);
    expect(shareValue("70 %")).toBe(0.7);
  });
});
