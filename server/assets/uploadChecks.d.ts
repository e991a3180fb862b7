/** Types of uploadChecks.js, the upload page's light checks (browser code, also run by the tests). */

export interface CheckHints {
  unit: string[];
  month: string[];
  indicator: string[];
  value: string[];
  numeric: string[];
  ledger: string[];
}

export interface CheckProblem {
  /** As Excel numbers rows (first row = 1); null for the whole file. */
  row: number | null;
  /** 0-based column index; null for the whole row or file. */
  col: number | null;
  column: string | null;
  code: string;
  zh: string;
  en: string;
}

export interface GridCheck {
  kind: "monthly" | "cases" | null;
  /** 0-based grid index of the header; -1 when none was found. */
  headerRow: number;
  columns: { index: number; name: string; role: "unit" | "month" | "number" | "text" | "unknown" }[];
  problems: CheckProblem[];
  dataRows: number;
  /** Total rows (合计/总计) left out. */
  skipped: number;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" };
export function headerKey(text: string): string;
export function looksLikePersonal(text: string): "resident_id" | "mobile" | null;
export function readNumber(text: string): { blank: true } | { blank: false; number: number | null };
export function checkGrid(grid: string[][], hints: CheckHints, limit?: number): GridCheck;
