/**
 * Blank templates with Chinese headers: the monthly report (CONTRACT §3) and the case ledger
 * (§4). CSV comes as UTF-8 with a BOM and CRLF so Excel on Windows opens it right; xlsx has the
 * header row frozen, columns wide enough, and the unit and month pre-filled when given.
 */
import ExcelJS from "exceljs";
import { INDICATORS, reports } from "./indicators.ts";

export type TemplateKind = "monthly" | "cases";

export interface TemplateOptions {
  kind?: TemplateKind;
  /** Pre-fill: the unit (code and kind, to keep only its indicators) and month. */
  unit?: { code: string; name_zh: string; kind: string };
  month?: string;
}

export const CASE_HEADERS = ["单位", "编号", "类别", "认定日期", "就业日期", "就业渠道"];

/** The header row and, when pre-filled, one data row. */
export function templateRows(options: TemplateOptions = {}): string[][] {
  if ((options.kind ?? "monthly") === "cases") {
    return options.unit ? [CASE_HEADERS, [options.unit.name_zh, "", "", "", "", ""]] : [CASE_HEADERS];
  }
  const indicators = options.unit ? INDICATORS.filter((i) => reports(i, options.unit!)) : INDICATORS;
  const header = ["单位", "报告月份", ...indicators.map((i) => i.zh)];
  if (!options.unit && !options.month) return [header];
  return [header, [options.unit?.name_zh ?? "", options.month ?? "", ...indicators.map(() => "")]];
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function templateCsv(options: TemplateOptions = {}): Uint8Array {
  const text = `\uFEFF${templateRows(options)
    .map((r) => r.map(csvCell).join(","))
    .join("\r\n")}\r\n`;
  return new TextEncoder().encode(text);
}

export async function templateXlsx(options: TemplateOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "jobtrack";
  workbook.created = new Date(Date.UTC(2022, 0, 1));
  workbook.modified = workbook.created;
  const kind = options.kind ?? "monthly";
  const sheet = workbook.addWorksheet(kind === "cases" ? "台账" : "月报", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  for (const row of templateRows(options)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i < 2 ? 14 : 18;
    column.numFmt = "@";
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
