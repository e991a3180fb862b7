/**
 * The first step after reading an upload's cells, shared by the monthly report and the case
 * ledger: which of the two the file is (from its header), and the privacy screen of every cell
 * (validate/screenTable.ts), with the findings naming columns by the header the rules will read.
 * Both parsers read only the screened table, so the scan runs once, in this one place. Pure.
 */
import { isLedger, LEDGER_HEADER_ROWS, ledgerHeaderRow } from "./ledger/ledgerHeader.ts";
import { headerRowOf } from "./normalize/header.ts";
import type { CellTable } from "./read/cellTable.ts";
import { type ScreenedTable, screenTable } from "./validate/screenTable.ts";

interface ScreenedUpload {
  kind: "monthly" | "cases";
  screened: ScreenedTable;
}

/** The header row as written, the way the file's parser will find it; none when there is none. */
function headerCells(table: CellTable, ledger: boolean): readonly string[] {
  if (ledger) {
    const row = ledgerHeaderRow(table.rows(0, LEDGER_HEADER_ROWS));
    return row < table.rowCount ? table.row(Math.max(0, row)) : [];
  }
  const header = headerRowOf(table);
  return header ? table.row(header.row) : [];
}

export function screenUpload(table: CellTable): ScreenedUpload {
  const ledger = isLedger(table.rows(0, LEDGER_HEADER_ROWS));
  return {
    kind: ledger ? "cases" : "monthly",
    screened: screenTable(table, headerCells(table, ledger)),
  };
}
