/**
 * The columns of a case ledger, from its header row (found by ledgerHeader.ts): where each
 * column is, and the header's problems — an unknown column that holds data, a column named twice,
 * a required column missing. Pure.
 */
import { type Finding, finding } from "../../core/finding.ts";
import type { CellTable } from "../read/cellTable.ts";
import { excerpt } from "../validate/findingCollector.ts";
import { type LedgerColumn, ledgerColumnOf } from "./ledgerHeader.ts";

/** The columns every ledger has; `channel` may be left out. */
const REQUIRED: LedgerColumn[] = ["unit", "case_id", "category", "identified_on", "employed_on"];

interface LedgerColumns {
  /** The 0-based index of each column found. */
  at: Map<LedgerColumn, number>;
  /** Whether every required column is there, so the rows can be read. */
  complete: boolean;
}

export function ledgerColumns(
  table: CellTable,
  header: readonly string[],
  headerRow: number,
  errors: Finding[],
): LedgerColumns {
  const at = new Map<LedgerColumn, number>();
  header.forEach((text, c) => {
    if (!text.trim()) return;
    const key = ledgerColumnOf(text);
    if (!key) {
      if (!table.columnIsBlank(headerRow + 1, c))
        errors.push(
          finding(
            headerRow + 1,
            text,
            "unknown_column",
            `未知的列“${excerpt(text)}”。`,
            `Unknown column "${excerpt(text)}".`,
          ),
        );
    } else if (at.has(key)) {
      errors.push(
        finding(
          headerRow + 1,
          text,
          "duplicate_column",
          `列“${text}”出现了两次。`,
          `Column "${text}" appears twice.`,
        ),
      );
    } else at.set(key, c);
  });
  for (const key of REQUIRED) {
    if (!at.has(key)) {
      errors.push(
        finding(null, key, "missing_column", `缺少必需的列：${key}。`, `Missing required column: ${key}.`),
      );
    }
  }
  return { at, complete: REQUIRED.every((k) => at.has(k)) };
}
