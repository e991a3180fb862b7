import { describe, expect, it } from "vitest";
import { isTotalRow, totalRowWarning } from "./totalRow.ts";

describe("isTotalRow", () => {
  for (const text of ["合计", "总计", "小计", "全区合计", " 合 计 ", "合计：", "合计（11个街镇）", "Total"]) {
    it(`isTotalRow('${text}') is true`, () => {
      expect(isTotalRow(text)).toBe(true);
    });
  }
  for (const text of ["盈浦街道", "310118002", "", "计划科", "Zhujiajiao Town", "统计局"]) {
    it(`isTotalRow('${text}') is false`, () => {
      expect(isTotalRow(text)).toBe(false);
    });
  }

  it("totalRowWarning names the row in both languages", () => {
    const f = totalRowWarning(14, "单位", "合计");
    expect(f).toMatchObject({ row: 14, column: "单位", code: "total_row" });
    expect(f.en).toContain("Row 14 is a total row");
  });
});
