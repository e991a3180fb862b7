/**
 * Query results as CSV for download: RFC 4180 quoting, UTF-8 with a BOM so Excel opens Chinese
 * text right, and text cells beginning with = + - @ (or tab/CR) neutralised with a leading
 * apostrophe so a spreadsheet never evaluates them as formulas.
 */
import type { Value } from "./db.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Value): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: string[], rows: Value[][], options: { bom?: boolean } = {}): string {
  const lines = [columns.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))];
  return `${options.bom === false ? "" : "\uFEFF"}${lines.join("\r\n")}\r\n`;
}
