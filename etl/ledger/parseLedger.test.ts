import { describe, expect, it } from "vitest";
import { plainCsvTable } from "../read/plainCsv.ts";
import { screened } from "../testdata/parse.ts";
import { parseLedger } from "./parseLedger.ts";

const units = [
  { code: "310118002", name_zh: "盈浦街道", name_en: "Yingpu Subdistrict", kind: "subdistrict" },
  { code: "310118102", name_zh: "朱家角镇", name_en: "Zhujiajiao Town", kind: "town" },
];
const ctx = { units, today: "2022-09-10" };
const HEADER = ["单位", "编号", "类别", "认定日期", "就业日期", "就业渠道"];
const codes = (grid: string[][]) =>
  parseLedger(screened(grid), ctx).errors.map((f) => `${f.row}:${f.column}:${f.code}`);

describe("parseLedger", () => {
  it("reads Chinese headers, every date spelling and both categories", () => {
    const parsed = parseLedger(
      screened([
        HEADER,
        ["盈浦", "YP-001", "零就业家庭", "2022/1/31", "2022年2月28日", "公益性岗位"],
        ["盈浦街道", "YP-002", "就业困难人员", "2022-03-05", "", ""],
        ["310118002", "YP-003", "hardship", "２０２２.４.１", "2022-08-01", "=SUM(A1)"],
      ]),
      ctx,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.unit).toBe("310118002");
    expect(parsed.cases).toEqual([
      {
        unit: "310118002",
        case_id: "YP-001",
        category: "zero_family",
        identified_on: "2022-01-31",
        employed_on: "2022-02-28",
        channel: "公益性岗位",
      },
      {
        unit: "310118002",
        case_id: "YP-002",
        category: "hardship",
        identified_on: "2022-03-05",
        employed_on: null,
        channel: null,
      },
      {
        unit: "310118002",
        case_id: "YP-003",
        category: "hardship",
        identified_on: "2022-04-01",
        employed_on: "2022-08-01",
        channel: "=SUM(A1)",
      },
    ]);
  });

  it("accepts English keys in another order below a title row", () => {
    const parsed = parseLedger(
      screened([
        ["朱家角镇就业困难人员台账（2022年）"],
        ["case_id", "unit", "identified_on", "category", "employed_on"],
        ["ZJJ-1", "朱家角", "2022-05-01", "zero_family", "2022-05-20"],
      ]),
      ctx,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.cases[0]).toMatchObject({ unit: "310118102", case_id: "ZJJ-1", employed_on: "2022-05-20" });
  });

  it("refuses employed before identified, future dates, unknown category, long ids and conflicting repeats, all at once", () => {
    expect(
      codes([
        HEADER,
        ["盈浦", "A1", "零就业家庭", "2022-03-05", "2022-03-01", ""],
        ["盈浦", "A2", "就业困难人员", "2022-10-01", "", ""],
        ["盈浦", "A3", "低保", "2022-03-05", "", ""],
        ["盈浦", "X".repeat(33), "就业困难人员", "2022-03-05", "", ""],
        ["盈浦", "A5", "就业困难人员", "2022-03-05", "", ""],
        ["盈浦", "A5", "就业困难人员", "2022-03-06", "", ""],
        ["盈浦", "A7", "就业困难人员", "2022-02-30", "", ""],
      ]),
    ).toEqual([
      "2:就业日期:employed_before_identified",
      "3:认定日期:future_date",
      "4:类别:unknown_category",
      "5:编号:case_id_too_long",
      "7:编号:conflicting_case",
      "8:认定日期:bad_date",
    ]);
  });

  it("keeps an identical repeated row once, with a warning", () => {
    const parsed = parseLedger(
      screened([
        HEADER,
        ["盈浦", "A1", "零就业家庭", "2022-03-05", "", ""],
        ["盈浦", "A1", "零就业家庭", "2022-03-05", "", ""],
      ]),
      ctx,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.cases).toHaveLength(1);
    expect(parsed.warnings.map((w) => w.code)).toEqual(["duplicate_case"]);
  });

  it("takes a case_id typed in full-width forms or with spaces as the same case", () => {
    const parsed = parseLedger(
      screened([
        HEADER,
        ["盈浦", "A1", "零就业家庭", "2022-03-05", "", ""],
        ["盈浦", " Ａ１ ", "零就业家庭", "2022-03-05", "", ""],
        ["盈浦", "Ａ２", "零就业家庭", "2022-03-05", "", ""],
        ["盈浦", "A2", "就业困难人员", "2022-03-05", "", ""],
      ]),
      ctx,
    );
    expect(parsed.cases.map((c) => c.case_id)).toEqual(["A1", "A2"]);
    expect(parsed.warnings.map((w) => `${w.row}:${w.code}`)).toEqual(["3:duplicate_case"]);
    expect(parsed.errors.map((f) => `${f.row}:${f.code}:${f.en}`)).toEqual([
      "5:conflicting_case:Same case_id as row 4, with different data.",
    ]);
  });

  it("refuses a ledger with two units", () => {
    expect(
      codes([
        HEADER,
        ["盈浦", "A1", "零就业家庭", "2022-03-05", "", ""],
        ["朱家角", "B1", "零就业家庭", "2022-03-05", "", ""],
      ]),
    ).toEqual(["null:单位:several_units"]);
  });

  it("refuses ID numbers in the case_id column without ever repeating them", () => {
    const id = "110101199003074514";
    const phone = "13800138000";
    const parsed = parseLedger(
      screened([
        HEADER,
        ["盈浦", id, "零就业家庭", "2022-03-05", "", ""],
        ["盈浦", "A2", "就业困难人员", "2022-03-05", "", phone],
      ]),
      ctx,
    );
    expect(parsed.errors.map((f) => `${f.row}:${f.column}:${f.code}`)).toEqual([
      "2:编号:pii_resident_id",
      "3:就业渠道:pii_mobile",
    ]);
    const text = JSON.stringify(parsed);
    expect(text).not.toContain(id);
    expect(text).not.toContain("1990030745");
    expect(text).not.toContain(phone);
  });

  it("names missing columns and an empty ledger", () => {
    expect(
      codes([
        ["单位", "编号", "类别"],
        ["盈浦", "A1", "零就业家庭"],
      ]),
    ).toEqual(["null:identified_on:missing_column", "null:employed_on:missing_column"]);
    expect(codes([HEADER])).toEqual(["null:null:no_data"]);
  });

  it("finds a repeated case_id in a CSV whose case_ids are otherwise all distinct", () => {
    const lines = [HEADER.join(",")];
    for (let i = 1; i <= 3000; i++) lines.push(`盈浦,C${String(i).padStart(5, "0")},零就业家庭,2022-01-05,,`);
    lines.push("盈浦,C00007,零就业家庭,2022-01-05,,", "盈浦,C00008,就业困难人员,2022-01-05,,");
    const parsed = parseLedger(screened(plainCsvTable(Buffer.from(lines.join("\n")), ",")), ctx);
    expect(parsed.cases).toHaveLength(3000);
    expect(parsed.warnings.map((w) => `${w.row}:${w.code}`)).toEqual(["3002:duplicate_case"]);
    expect(parsed.errors.map((f) => `${f.row}:${f.code}`)).toEqual(["3003:conflicting_case"]);
  });
});
