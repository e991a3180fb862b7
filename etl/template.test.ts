/**
 * The monthly template follows its plan's catalogue, and the ingest reads back what the template
 * writes: a town's template filled in (CSV and xlsx) is accepted with every value where it was typed.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { itemsOf } from "../core/catalogue.ts";
import { parseMonthly } from "./monthly/parseMonthly.ts";
import { readUploadTable } from "./read/readUpload.ts";
import { screenUpload } from "./screenUpload.ts";
import {
  CASE_HEADERS,
  NOTE_HEADER,
  NOTE_LABEL,
  templateCsv,
  templateRows,
  templateXlsx,
} from "./template.ts";
import { PERIODS_2022, QINGPU_2022_CATALOGUE as Q } from "./testdata/catalogue.ts";
import { UNITS } from "./testdata/units.ts";

const YINGPU = UNITS[1];
const FIN = UNITS.find((u) => u.code === "D-FIN")!;
const HRSS = UNITS.find((u) => u.code === "D-HRSS")!;

/** A value every item takes: 1 for a count (so no part exceeds its total), 0.25 for an amount. */
const typed = (key: string) => (Q.byKey.get(key)!.decimals > 0 ? "0.25" : "1");

async function parseBytes(bytes: Uint8Array, name: string) {
  const read = await readUploadTable(bytes, name);
  expect(read.findings).toEqual([]);
  const { screened } = screenUpload(read.table!);
  return parseMonthly(screened, { units: UNITS, periods: PERIODS_2022, currentMonth: "2022-09" });
}

describe("templateRows", () => {
  it("a note row marks each column 本月数 or 期末数 with its unit of count, above the Chinese headers", () => {
    const [note, header] = templateRows({ catalogue: Q, unit: FIN, month: "2022-08" });
    expect(note).toEqual([
      NOTE_LABEL,
      "",
      "本月数（亿元）",
      "选填：黄灯/红灯指标的原因与整改措施（情况说明）",
    ]);
    expect(header).toEqual(["单位", "报告月份", "纾困融资额度落地金额(亿元)", "备注"]);
  });

  it("a unit's template holds only the items it reports: 区人力资源社会保障局 its posts and the subsidies it pays", () => {
    const [, header] = templateRows({ catalogue: Q, unit: HRSS });
    expect(header.slice(2, 4)).toEqual(["事业单位公开招聘岗位数", "其中面向高校毕业生岗位数"]);
    expect(header).toContain("社会保险补贴人数");
    expect(header).toContain("社会保险补贴金额(万元)");
    expect(header).not.toContain("正规就业人数");
    expect(header).not.toContain("一次性吸纳就业补贴（2022届高校毕业生）人数");
    expect(header).toHaveLength(3 + itemsOf(Q, HRSS).length);
    expect(header.at(-1)).toBe(NOTE_HEADER);
  });

  it("the blank template holds every item; the case ledger's template has no note row", () => {
    expect(templateRows({ catalogue: Q })[1]).toHaveLength(3 + Q.items.length);
    expect(templateRows({ kind: "cases" })).toEqual([CASE_HEADERS]);
  });

  it("wording follows the plan's year: the 2022 catalogue says 2022届", () => {
    const [, header] = templateRows({ catalogue: Q, unit: YINGPU });
    expect(header.filter((h) => /届/.test(h))).toEqual([
      "2022届离校未就业高校毕业生人数",
      "一次性吸纳就业补贴（2022届高校毕业生）人数",
      "一次性吸纳就业补贴（2022届高校毕业生）金额(万元)",
    ]);
  });
});

describe("the ingest reads the template it writes", () => {
  it("CSV: 盈浦街道's template, filled in, is accepted with each value in its item", async () => {
    const text = new TextDecoder().decode(templateCsv({ catalogue: Q, unit: YINGPU, month: "2022-08" }));
    const lines = text.split("\r\n");
    expect(lines).toHaveLength(4);
    const header = lines[1].split(",");
    const keys = itemsOf(Q, YINGPU).map((i) => i.key);
    lines[2] = ["盈浦街道", "2022-08", ...keys.map(typed), "原因：汛期；整改：专场招聘"].join(",");
    const parsed = await parseBytes(new TextEncoder().encode(lines.join("\r\n")), "盈浦.csv");
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toBe(1);
    expect(parsed.notes).toEqual([
      { unit: "310118002", month: "2022-08", text: "原因：汛期；整改：专场招聘", row: 3 },
    ]);
    expect(parsed.values.map((v) => [v.indicator, v.value, v.column])).toEqual(
      keys.map((k, i) => [k, Number(typed(k)), header[i + 2]]),
    );
  });

  it("xlsx: 区人力资源社会保障局's template, filled in Excel, is accepted", async () => {
    const bytes = await templateXlsx({ catalogue: Q, unit: HRSS, month: "2022-08" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(3).value).toBe("本月数（个）");
    expect(String(sheet.getRow(2).getCell(3).note)).toContain("本月事业单位公开招聘的岗位数");
    const keys = itemsOf(Q, HRSS).map((i) => i.key);
    keys.forEach((k, i) => {
      sheet.getRow(3).getCell(i + 3).value = Number(typed(k));
    });
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseBytes(filled, "人社局.xlsx");
    expect(parsed.errors).toEqual([]);
    expect(parsed.values.map((v) => [v.unit, v.month, v.indicator, v.value])).toEqual(
      keys.map((k) => ["D-HRSS", "2022-08", k, Number(typed(k))]),
    );
  });

  it("the template as written, with no figures, is a file with no data rows: refused, nothing else wrong", async () => {
    const parsed = await parseBytes(templateCsv({ catalogue: Q }), "blank.csv");
    expect(parsed.errors.map((f) => f.code)).toEqual(["no_data"]);
  });
});
