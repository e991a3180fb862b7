import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatDateTime,
  formatInteger,
  formatMonth,
  formatMonthShort,
  formatPercent,
  formatPoints,
  formatTick,
  formatValue,
  groupThousands,
  roundTo,
} from "./format.ts";

describe("numbers", () => {
  it("formatValue(393848, persons, zh) is 39.38万人", () => {
    expect(formatValue(393_848, "persons", "zh")).toBe("39.38万人");
  });
  it("formatValue(400000, persons, zh) is 40万人 (no trailing zeros)", () => {
    expect(formatValue(400_000, "persons", "zh")).toBe("40万人");
  });
  it("formatValue(3205, persons, zh) is 3,205人", () => {
    expect(formatValue(3205, "persons", "zh")).toBe("3,205人");
  });
  it("formatValue(99999, persons, zh) stays in 人 below 100,000", () => {
    expect(formatValue(99_999, "persons", "zh")).toBe("99,999人");
  });
  it("formatValue(393848, persons, en) is 393,848", () => {
    expect(formatValue(393_848, "persons", "en")).toBe("393,848");
  });
  it("formatValue(910, posts, zh) is 910个", () => {
    expect(formatValue(910, "posts", "zh")).toBe("910个");
  });
  it("formatValue(0.623, share) is 62.3% in both languages", () => {
    expect(formatValue(0.623, "share", "zh")).toBe("62.3%");
    expect(formatValue(0.623, "share", "en")).toBe("62.3%");
  });
  it("formatValue(60, 100m_cny) is 60亿元 / CNY 6.00bn", () => {
    expect(formatValue(60, "100m_cny", "zh")).toBe("60亿元");
    expect(formatValue(6.5, "100m_cny", "zh")).toBe("6.5亿元");
    expect(formatValue(60, "100m_cny", "en")).toBe("CNY 6.00bn");
  });
  it("formatValue(null) is a dash", () => {
    expect(formatValue(null, "persons", "zh")).toBe("—");
  });
  it("formatPercent keeps one decimal, drops .0", () => {
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.6667)).toBe("66.7%");
    expect(formatPercent(1.029)).toBe("102.9%");
  });
  it("formatPoints(0.032) is 3.2个百分点 / 3.2 points", () => {
    expect(formatPoints(0.032, "zh")).toBe("3.2个百分点");
    expect(formatPoints(-0.032, "en")).toBe("3.2 points");
    expect(formatPoints(0.01, "en")).toBe("1 point");
  });
  it("formatInteger and groupThousands group by three and round half away from zero", () => {
    expect(formatInteger(1234567.5)).toBe("1,234,568");
    expect(groupThousands(-1234.5)).toBe("-1,235");
    expect(groupThousands(999.995, 2)).toBe("1,000.00");
  });
  it("roundTo avoids float noise: 5.235 → 5.24, 1.005 → 1.01", () => {
    expect(roundTo(5.235, 2)).toBe(5.24);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(1e-7, 2)).toBe(0);
  });
  it("formatChange signs counts and shares; zero is 持平 / no change", () => {
    expect(formatChange(412, "persons", "zh")).toBe("+412人");
    expect(formatChange(-250, "persons", "en")).toBe("−250");
    expect(formatChange(-0.012, "share", "zh")).toBe("−1.2个百分点");
    expect(formatChange(0, "share", "zh")).toBe("持平");
    expect(formatChange(0.0001, "persons", "en")).toBe("no change");
  });
  it("formatTick shortens axis numbers", () => {
    expect(formatTick(390_000, "persons", "zh")).toBe("39万");
    expect(formatTick(395_000, "persons", "en")).toBe("395k");
    expect(formatTick(5000, "persons", "zh")).toBe("5,000");
    expect(formatTick(0.5, "share", "en")).toBe("50%");
  });
});

describe("months and times", () => {
  it("formatMonth('2022-08') is 2022年8月 / Aug 2022", () => {
    expect(formatMonth("2022-08", "zh")).toBe("2022年8月");
    expect(formatMonth("2022-08", "en")).toBe("Aug 2022");
  });
  it("formatMonthShort('2022-12') is 12月 / Dec", () => {
    expect(formatMonthShort("2022-12", "zh")).toBe("12月");
    expect(formatMonthShort("2022-12", "en")).toBe("Dec");
  });
  it("formatDateTime shows Beijing time whatever the machine's zone", () => {
    expect(formatDateTime("2022-09-06T03:15:00.000Z", "zh")).toBe("2022年9月6日 11:15");
    expect(formatDateTime("2022-09-05T18:30:00Z", "en")).toBe("6 Sep 2022, 02:30");
  });
});
