/**
 * An .xlsx workbook → the grid of its first worksheet, every cell as the string a user reads in
 * Excel: numbers in plain digits, a formula as its cached result, rich text and hyperlinks as
 * their text, dates as YYYY-MM-DD, error values as their code (#N/A). Grid row i is Excel row
 * i + 1 (blank rows are kept) and column c is Excel column c + 1, so findings point at the cell
 * the user sees.
 */
import ExcelJS from "exceljs";
import { trimGrid } from "./trimGrid.ts";

type Scalar = number | string | boolean | Date | null | undefined;

/** Plain decimal digits: no exponent, no binary float noise (0.1 + 0.2 → "0.3"). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes("e")) return text;
  return rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Excel stores dates as local wall-clock serials; exceljs hands them over as UTC instants. */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

function scalarText(value: Scalar): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return plainNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  return "";
}

/** The displayed text of any exceljs cell value. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || value instanceof Date) return scalarText(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result !== null && typeof result === "object" && !(result instanceof Date)) return result.error;
    return scalarText(result);
  }
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    if (text !== null && typeof text === "object" && "richText" in text) {
      return cellText(text as ExcelJS.CellRichTextValue);
    }
    return typeof text === "string" ? text : "";
  }
  return "";
}

/**
 * Reads the first worksheet of an .xlsx file. Throws when the bytes are not a workbook (a ZIP of
 * something else, a damaged file) or the workbook has no worksheet; the caller turns that into a
 * finding. Cells covered by a merge, other than its top-left cell, are empty, as Excel shows them.
 */
export async function readXlsxGrid(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the workbook has no worksheet");
  const grid: string[][] = [];
  const rowCount = sheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const cells: string[] = [];
    const row = sheet.findRow(r);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        while (cells.length < col - 1) cells.push("");
        cells[col - 1] = cellText(cell.value);
      });
    }
    grid.push(cells);
  }
  return trimGrid(grid);
}
