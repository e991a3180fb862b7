/**
 * Blank templates with Chinese headers: the monthly report (docs/contract.md §3), whose columns are the
 * items of the plan's catalogue (a unit's template only those it reports), and the case ledger
 * (§4). A note row above the header marks each column 本月数 or 期末数 with its unit of count,
 * so a clerk knows what to type; the ingest skips rows above the header, so the template is read
 * back as it is. The last column, 备注, is optional: the unit's explanation (情况说明) of a yellow
 * or red target that month, cause and remedy, which the ingest keeps as the unit-month's note. In xlsx each header cell also carries the item's description as a cell note.
 * CSV comes as UTF-8 with a BOM and CRLF so Excel on Windows opens it right; xlsx has the note
 * and header rows frozen, columns wide enough, and the unit and month pre-filled when given.
 */
import ExcelJS from "exceljs";
import { type Catalogue, type Indicator, itemsOf } from "../core/catalogue.ts";

export type TemplateKind = "monthly" | "cases";

interface TemplateOptions {
  kind?: TemplateKind;
  /** The items of the monthly report: the catalogue of the plan the month belongs to. */
  catalogue?: Catalogue;
  /** Pre-fill: the unit (code and kind, to keep only its items) and month. */
  unit?: { code: string; name_zh: string; kind: string };
  month?: string;
}

export const CASE_HEADERS = ["单位", "编号", "类别", "认定日期", "就业日期", "就业渠道"];

/** The first cell of the note row; the rest of it marks each column. */
export const NOTE_LABEL = "填报口径：本月数＝当月发生数，期末数＝月末时点数";

/** The optional explanation column's header, and its mark in the note row. */
export const NOTE_HEADER = "备注";
const NOTE_MARK = "选填：黄灯/红灯指标的原因与整改措施（情况说明）";

/** A column's mark in the note row: 本月数（人） or 期末数（个）. */
function columnMark(indicator: Indicator): string {
  return `${indicator.flow === "flow" ? "本月数" : "期末数"}（${indicator.unit}）`;
}

function monthlyItems(options: TemplateOptions): Indicator[] {
  const catalogue = options.catalogue;
  if (!catalogue) return [];
  return options.unit ? itemsOf(catalogue, options.unit) : [...catalogue.items];
}

/** The rows of a template: for the monthly report the note row, the header and, when pre-filled, one data row. */
export function templateRows(options: TemplateOptions = {}): string[][] {
  if ((options.kind ?? "monthly") === "cases") {
    return options.unit ? [CASE_HEADERS, [options.unit.name_zh, "", "", "", "", ""]] : [CASE_HEADERS];
  }
  const items = monthlyItems(options);
  const note = [NOTE_LABEL, "", ...items.map(columnMark), NOTE_MARK];
  const header = ["单位", "报告月份", ...items.map((i) => i.zh), NOTE_HEADER];
  if (!options.unit && !options.month) return [note, header];
  return [note, header, [options.unit?.name_zh ?? "", options.month ?? "", ...items.map(() => ""), ""]];
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
  const headerRow = kind === "cases" ? 1 : 2;
  const sheet = workbook.addWorksheet(kind === "cases" ? "台账" : "月报", {
    views: [{ state: "frozen", ySplit: headerRow }],
  });
  for (const row of templateRows(options)) sheet.addRow(row);
  sheet.getRow(headerRow).font = { bold: true };
  if (kind === "monthly") {
    sheet.getRow(1).font = { italic: true, color: { argb: "FF666666" } };
    monthlyItems(options).forEach((item, i) => {
      const words = item.description ? `${item.description.zh}\n` : "";
      sheet.getRow(headerRow).getCell(i + 3).note = `${words}${columnMark(item)}`;
    });
  }
  const last = sheet.columns.length - 1;
  sheet.columns.forEach((column, i) => {
    column.width = i < 2 ? 14 : kind === "monthly" && i === last ? 40 : 18;
    column.numFmt = "@";
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
