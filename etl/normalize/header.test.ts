import { describe, expect, it } from "vitest";
import { QINGPU_2022_CATALOGUE } from "../testdata/catalogue.ts";
import { columnLetter } from "./columnName.ts";
import { mapHeader } from "./header.ts";

const summary = (grid: string[][]) => {
  const h = mapHeader(grid, QINGPU_2022_CATALOGUE);
  return {
    headerRow: h.headerRow,
    layout: h.layout,
    columns: h.columns.map((c) =>
      c.role === "indicator" ? `${c.index}:${c.indicator.key}${c.ytd ? "+ytd" : ""}` : `${c.index}:${c.role}`,
    ),
    findings: h.findings.map((f) => `${f.code}@${f.row}:${f.column}`),
  };
};

describe("mapHeader", () => {
  it("mapHeader(English keys) is a wide layout on row 0", () => {
    expect(
      summary([
        ["unit", "month", "formal_employment", "new_jobs"],
        ["盈浦", "2022-08", "1", "2"],
      ]),
    ).toEqual({
      headerRow: 0,
      layout: "wide",
      columns: ["0:unit", "1:month", "2:formal_employment", "3:new_jobs"],
      findings: [],
    });
  });

  it("mapHeader(Chinese headers in any order) maps each column", () => {
    const grid = [["正规就业人数", "报告月份", "街镇", "新增就业岗位数(累计)"]];
    expect(summary(grid).columns).toEqual(["0:formal_employment", "1:month", "2:unit", "3:new_jobs+ytd"]);
  });

  it("mapHeader(a title row above the header) skips it", () => {
    const grid = [
      ["青浦区稳就业月报（2022年8月）"],
      ["单位", "报告月份", "正规就业人数"],
      ["盈浦", "2022-08", "1"],
    ];
    expect(summary(grid)).toMatchObject({ headerRow: 1, layout: "wide", findings: [] });
  });

  it("mapHeader(a title row and a 单位：人 note) still finds the header on row 2", () => {
    const grid = [["青浦区稳就业月报"], ["填报单位：盈浦街道", "单位：人"], ["单位", "报告月份"]];
    expect(summary(grid).headerRow).toBe(2);
  });

  for (const unitHeader of ["unit", "单位", "街镇", "街镇代码", " Unit ", "单 位"]) {
    it(`mapHeader accepts '${unitHeader}' as the unit column`, () => {
      expect(summary([[unitHeader, "报告月份"]]).columns).toEqual(["0:unit", "1:month"]);
    });
  }

  it("mapHeader(headers with line breaks and full-width parentheses) matches them", () => {
    const grid = [["单位", "报告\n月份", "其中面向高校毕业生岗位数（新城）", "其中面向高校毕业生岗位数"]];
    expect(summary(grid).columns).toEqual([
      "0:unit",
      "1:month",
      "2:pi_newcity_posts_grads",
      "3:pi_posts_grads",
    ]);
  });

  it("mapHeader(unit, month, indicator, value) is the long layout", () => {
    expect(summary([["unit", "month", "indicator", "value"]])).toMatchObject({
      layout: "long",
      columns: ["0:unit", "1:month", "2:indicator_name", "3:value"],
      findings: [],
    });
  });

  it("mapHeader(单位, 报告月份, 统计项, 数值) is the long layout", () => {
    expect(summary([["单位", "报告月份", "统计项", "数值"]]).layout).toBe("long");
    expect(summary([["单位", "报告月份", "指标", "数值"]]).layout).toBe("long");
  });

  it("mapHeader(long layout without value) is missing_column value", () => {
    expect(summary([["unit", "month", "indicator"]]).findings).toEqual(["missing_column@null:null"]);
  });

  it("mapHeader(an unknown column with data) is unknown_column at the header row, named as written", () => {
    const grid = [["标题"], ["unit", "month", "核对人", "new_jobs"], ["盈浦", "2022-08", "已核对", "3"]];
    expect(summary(grid).findings).toEqual(["unknown_column@2:核对人"]);
  });

  it("mapHeader(备注 or 情况说明) is the note column, in the wide and the long layout", () => {
    expect(summary([["单位", "报告月份", "新增就业人数", "备注"]]).columns).toEqual([
      "0:unit",
      "1:month",
      "2:new_jobs",
      "3:note",
    ]);
    expect(summary([["unit", "month", "indicator", "value", "情况说明"]])).toMatchObject({
      layout: "long",
      columns: ["0:unit", "1:month", "2:indicator_name", "3:value", "4:note"],
      findings: [],
    });
  });

  it("mapHeader(an unknown column that is empty below the header) ignores it", () => {
    const grid = [
      ["unit", "month", "核对人", "new_jobs"],
      ["盈浦", "2022-08", " ", "3"],
    ];
    expect(summary(grid)).toMatchObject({ columns: ["0:unit", "1:month", "3:new_jobs"], findings: [] });
  });

  it("mapHeader(data under a blank header cell) is unknown_column named by its letter", () => {
    expect(
      summary([
        ["unit", "month"],
        ["盈浦", "2022-08", "5"],
      ]).findings,
    ).toEqual(["unknown_column@1:C"]);
  });

  it("mapHeader(the same column twice) is duplicate_column at the second", () => {
    const grid = [["unit", "month", "new_jobs", "新增就业岗位数"]];
    expect(summary(grid)).toMatchObject({
      columns: ["0:unit", "1:month", "2:new_jobs"],
      findings: ["duplicate_column@1:新增就业岗位数"],
    });
  });

  it("mapHeader(单位 and 街镇代码) is duplicate_column", () => {
    expect(summary([["单位", "街镇代码", "报告月份"]]).findings).toEqual(["duplicate_column@1:街镇代码"]);
  });

  it("mapHeader(new_jobs and new_jobs_ytd) keeps both", () => {
    expect(summary([["unit", "month", "new_jobs", "new_jobs_ytd"]]).columns).toEqual([
      "0:unit",
      "1:month",
      "2:new_jobs",
      "3:new_jobs+ytd",
    ]);
  });

  it("mapHeader(no month column) is missing_column month, file-level", () => {
    const h = mapHeader(
      [
        ["单位", "正规就业人数"],
        ["盈浦", "5"],
      ],
      QINGPU_2022_CATALOGUE,
    );
    expect(h.findings.map((f) => [f.code, f.row, f.column])).toEqual([["missing_column", null, null]]);
    expect(h.findings[0].en).toContain("month");
    expect(h.findings[0].zh).toContain("报告月份");
  });

  it("mapHeader(nothing like a header) is missing unit and month, nothing else", () => {
    expect(
      summary([
        ["a", "b"],
        ["1", "2"],
      ]).findings,
    ).toEqual(["missing_column@null:null", "missing_column@null:null"]);
  });

  it("mapHeader(header below row 10) is not found", () => {
    const grid = [...Array.from({ length: 10 }, () => ["说明"]), ["unit", "month"]];
    expect(summary(grid).findings).toHaveLength(2);
  });

  it("mapHeader(an indicator column in the long layout) is unknown_column", () => {
    const grid = [
      ["unit", "month", "indicator", "value", "new_jobs"],
      ["盈浦", "2022-08", "new_jobs", "1", "2"],
    ];
    expect(summary(grid).findings).toEqual(["unknown_column@1:new_jobs"]);
  });
});

describe("columnLetter", () => {
  it("columnLetter(0, 25, 26, 701) is A, Z, AA, ZZ", () => {
    expect([0, 25, 26, 701].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ"]);
  });
});
