import { describe, expect, it } from "vitest";
import { at, parse, TOWN_HEADER } from "../testdata/parse.ts";

describe("parseMonthly: rejections (docs/contract.md §3), each with row, column and code", () => {
  it("negative, non-integer, text and implausible counts", () => {
    const p = parse(`${TOWN_HEADER}\n盈浦,2022-08,-3,1.5,约50\n朱家角,2022-08,10000001,50人,5O\n`);
    expect(at(p.errors)).toEqual([
      "negative@2:正规就业人数",
      "not_integer@2:新增就业岗位数",
      "not_a_number@2:失业人员实现再就业人数",
      "implausible@3:正规就业人数",
      "not_a_number@3:新增就业岗位数",
      "not_a_number@3:失业人员实现再就业人数",
    ]);
    for (const f of p.errors) {
      expect(f.zh).not.toBe("");
      expect(f.en).not.toBe("");
    }
  });

  it("unknown unit, blank unit", () => {
    const p = parse("unit,month,new_jobs\n青浦工业园,2022-08,1\n,2022-08,2\n");
    expect(at(p.errors)).toEqual(["unknown_unit@2:unit", "unknown_unit@3:unit"]);
    expect(p.errors[0].en).toContain('"青浦工业园" is not in the unit registry');
    expect(p.errors[1].en).toContain("blank");
  });

  it("bad, uncovered and future months say which", () => {
    const p = parse(
      "unit,month,new_jobs\n盈浦,2022-13,1\n盈浦,2021-11,1\n盈浦,2022-10,1\n盈浦,,1\n盈浦,2021-12,1\n",
    );
    expect(at(p.errors)).toEqual([
      "bad_month@2:month",
      "month_not_in_plan@3:month",
      "future_month@4:month",
      "bad_month@5:month",
    ]);
    expect(p.months).toEqual(["2021-12"]);
  });

  it("an indicator the unit's kind does not report", () => {
    const p = parse(
      "unit,month,new_jobs,soe_posts,relief_financing\n盈浦,2022-08,1,2,\nD-SASAC,2022-08,3,4,\n",
    );
    expect(at(p.errors)).toEqual(["not_reported_by_unit@2:soe_posts", "not_reported_by_unit@3:new_jobs"]);
    expect(p.errors[0].en).toBe(
      "Yingpu Subdistrict does not report District SOE posts (soe_posts); leave the cell blank.",
    );
  });

  it("a part above its total (grads, ui_reemployed, villages_staffed, *_grads)", () => {
    const p = parse(
      "unit,month,grads_unemployed,grads_employed,ui_stopped,ui_reemployed,villages_total,villages_staffed\n" +
        "盈浦,2022-08,10,11,5,5,20,21\n",
    );
    expect(at(p.errors)).toEqual(["exceeds_total@2:grads_employed", "exceeds_total@2:villages_staffed"]);
    const d = parse(
      "unit,month,pi_posts,pi_posts_grads,pi_newcity_posts,pi_newcity_posts_grads\nD-HRSS,2022-08,10,10,3,4\n",
    );
    expect(at(d.errors)).toEqual(["exceeds_total@2:pi_newcity_posts_grads"]);
    expect(d.errors[0].en).toContain("is above its total");
  });

  it("a ytd part is compared with the ytd total, not the month's total", () => {
    const p = parse("unit,month,ui_stopped,ui_reemployed_ytd,ui_stopped_ytd\n盈浦,2022-08,5,30,40\n");
    expect(at(p.errors)).toEqual([]);
    const q = parse("unit,month,ui_stopped,ui_reemployed_ytd,ui_stopped_ytd\n盈浦,2022-08,50,30,20\n");
    expect(at(q.errors)).toEqual(["exceeds_total@2:ui_reemployed_ytd"]);
  });

  it("the same unit-month twice with different values names both rows", () => {
    const p = parse("unit,month,new_jobs\n盈浦,2022-08,5\n朱家角,2022-08,5\n310118002,2022/8,6\n");
    expect(at(p.errors)).toEqual(["conflicting_row@4:new_jobs"]);
    expect(p.errors[0].zh).toContain("第 2 行和第 4 行");
    expect(p.errors[0].en).toContain("Rows 2 and 4");
  });

  it("an unknown column with data, and a column named twice", () => {
    const p = parse("unit,month,核对人,new_jobs,新增就业岗位数\n盈浦,2022-08,已核,1,1\n");
    expect(at(p.errors)).toEqual(["unknown_column@1:核对人", "duplicate_column@1:新增就业岗位数"]);
  });

  it("missing unit or month column is file-level", () => {
    expect(at(parse("单位,正规就业人数\n盈浦,5\n").errors)).toEqual(["missing_column@null:null"]);
    expect(at(parse("报告月份,正规就业人数\n2022-08,5\n").errors)).toEqual(["missing_column@null:null"]);
  });

  it("a file with a header and no data rows is no_data", () => {
    expect(at(parse("unit,month,new_jobs\n").errors)).toEqual(["no_data@null:null"]);
    expect(at(parse("unit,month,new_jobs\n合计,2022-08,5\n").errors)).toEqual(["no_data@null:null"]);
  });

  it("many problems at once are all listed", () => {
    const p = parse(
      "青浦区月报\n" +
        "单位,报告月份,新增就业岗位数,核对人\n" +
        "盈浦,2022-08,-1,\n" +
        "未知镇,2023-01,abc,\n" +
        "朱家角,2022-08,5,联系人13800138000\n",
    );
    expect(at(p.errors)).toEqual([
      "unknown_column@2:核对人",
      "negative@3:新增就业岗位数",
      "unknown_unit@4:单位",
      "future_month@4:报告月份",
      "not_a_number@4:新增就业岗位数",
      "pii_mobile@5:核对人",
    ]);
  });

  it("a problem on 300 rows lists 200 findings and one summary", () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `${i % 2 ? "盈浦" : "朱家角"},2022-0${(i % 8) + 1},-${i + 1}`,
    );
    const p = parse(`unit,month,new_jobs\n${rows.join("\n")}\n`);
    expect(p.errors.filter((f) => f.code === "negative")).toHaveLength(201);
    expect(p.errors.at(-1)).toMatchObject({ row: null, column: null, code: "negative" });
    expect(p.errors.at(-1)?.en).toContain("300 findings");
  });
});

describe("parseMonthly: personal data", () => {
  const ID = "110101199003074514";
  const MOBILE = "13800138000";

  it("a resident ID anywhere (title row, unknown column, unit cell, value cell) is refused by row and column", () => {
    const p = parse(
      `填表人身份证${ID}\n` +
        "unit,month,new_jobs,核对人\n" +
        `盈浦,2022-08,1,身份证${ID}\n` +
        `${ID},2022-08,2,\n` +
        `朱家角,2022-08,${ID},\n`,
    );
    expect(at(p.errors)).toEqual([
      "pii_resident_id@1:unit",
      "unknown_column@2:核对人",
      "pii_resident_id@3:核对人",
      "pii_resident_id@4:unit",
      "pii_resident_id@5:new_jobs",
    ]);
  });

  it("a mobile number in a value cell is pii_mobile only, not also implausible", () => {
    const p = parse(`unit,month,new_jobs\n盈浦,2022-08,${MOBILE}\n朱家角,2022-08,138-0013-8000\n`);
    expect(at(p.errors)).toEqual(["pii_mobile@2:new_jobs", "pii_mobile@3:new_jobs"]);
  });

  it("no finding, warning or value ever holds the personal number", () => {
    const p = parse(
      `unit,month,indicator,value\n${ID},2022-08,new_jobs,1\n盈浦,${MOBILE},new_jobs,1\n盈浦,2022-08,${ID},2\n盈浦,2022-08,new_jobs,${MOBILE}\n`,
    );
    expect(p.errors.map((f) => f.code)).toEqual([
      "pii_resident_id",
      "pii_mobile",
      "pii_resident_id",
      "pii_mobile",
    ]);
    const all = JSON.stringify(p);
    expect(all).not.toContain(ID);
    expect(all).not.toContain(MOBILE);
    expect(all).not.toContain("13800138");
  });

  it("personal data in a header cell or a 合计 row is never quoted either", () => {
    const p = parse(`unit,month,${MOBILE}\n盈浦,2022-08,1\n合计${MOBILE},2022-08,\n`);
    // the privacy findings of a row come first; a redacted 合计 cell is no longer read as a label
    expect(at(p.errors)).toEqual(["pii_mobile@1:C", "unknown_column@1:C", "pii_mobile@3:unit"]);
    expect(at(p.warnings)).toEqual([]);
    expect(JSON.stringify(p)).not.toContain("13800138");
  });

  it("a resident ID with an invalid checksum is not personal data (it is then just not a number)", () => {
    const p = parse("unit,month,new_jobs\n盈浦,2022-08,110101199003074515\n");
    expect(at(p.errors)).toEqual(["implausible@2:new_jobs"]);
  });

  it("PII is found even when the header is missing", () => {
    expect(at(parse(`a,b\n${MOBILE},1\n`).errors)).toEqual([
      "missing_column@null:null",
      "missing_column@null:null",
      "pii_mobile@2:A",
    ]);
  });
});
