/**
 * The case ledger's header (docs/contract.md §4): English keys or Chinese headers in any order, found
 * among the first rows (a title row above it is allowed).
 */
import { toHalfWidth } from "../normalize/halfWidth.ts";

export type LedgerColumn = "unit" | "case_id" | "category" | "identified_on" | "employed_on" | "channel";

/** The headers each ledger column may have (the browser's precheck reads the same list). */
export const LEDGER_HEADER_NAMES: Record<LedgerColumn, readonly string[]> = {
  unit: ["unit", "单位", "街镇", "街镇代码"],
  case_id: ["case_id", "编号", "个案编号", "对象编号"],
  category: ["category", "类别", "对象类别"],
  identified_on: ["identified_on", "认定日期"],
  employed_on: ["employed_on", "就业日期"],
  channel: ["channel", "就业渠道"],
};

const LOOKUP = new Map<string, LedgerColumn>();
for (const [key, names] of Object.entries(LEDGER_HEADER_NAMES) as [LedgerColumn, string[]][]) {
  for (const name of names) LOOKUP.set(name.toLowerCase(), key);
}

export function ledgerColumnOf(header: string): LedgerColumn | null {
  return LOOKUP.get(toHalfWidth(header).replace(/\s+/g, "").toLowerCase()) ?? null;
}

/** How many rows from the top may hold the header (title rows above it are allowed). */
export const LEDGER_HEADER_ROWS = 10;

/** The grid index of the ledger's header row (the first of the first rows naming case_id), or -1. */
export function ledgerHeaderRow(grid: string[][]): number {
  const limit = Math.min(grid.length, LEDGER_HEADER_ROWS);
  for (let r = 0; r < limit; r++) {
    const keys = new Set(grid[r].map(ledgerColumnOf));
    if (keys.has("case_id") && (keys.has("identified_on") || keys.has("category"))) return r;
  }
  return -1;
}

/** Whether an upload is a case ledger rather than a monthly report. */
export function isLedger(grid: string[][]): boolean {
  return ledgerHeaderRow(grid) >= 0;
}
