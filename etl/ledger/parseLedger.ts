/**
 * A case ledger upload → cases + findings (pure). One unit per file; the upload is the unit's
 * whole current ledger. Refused: unknown unit or several units, a case_id missing, repeated with
 * different data or over 32 characters, an unknown category, a bad or future date, employed
 * before identified, and any cell that holds an ID number or a phone number (never echoed).
 * Text beginning with = + - @ is kept as text; exports neutralise it.
 */

import { type Finding, finding } from "../../core/finding.ts";
import type { Unit } from "../normalize/unit.ts";
import type { ScreenedTable } from "../validate/screenTable.ts";
import { type Case, CaseRowChecks } from "./caseRowChecks.ts";
import { LedgerCellReader } from "./ledgerCellReader.ts";
import { ledgerColumns } from "./ledgerColumns.ts";
import { LEDGER_HEADER_ROWS, ledgerHeaderRow } from "./ledgerHeader.ts";

interface ParsedLedger {
  unit: string | null;
  /** Every known unit a data row names, sorted. */
  namedUnits: string[];
  cases: Case[];
  errors: Finding[];
  warnings: Finding[];
  rows: number;
}

/**
 * Reads the ledger from its screened cells (screenUpload.ts): the header (ledgerColumns.ts), then
 * every data row through the cell reader (ledgerCellReader.ts) and the row checks
 * (caseRowChecks.ts), then the file as a whole (one unit, some data). The privacy findings come
 * first; a redacted cell gives no other finding that could quote it.
 */
export function parseLedger(screened: ScreenedTable, ctx: { units: Unit[]; today: string }): ParsedLedger {
  const table = screened.table;
  const errors: Finding[] = screened.findings.list();
  const warnings: Finding[] = [];
  const out: ParsedLedger = { unit: null, namedUnits: [], cases: [], errors, warnings, rows: 0 };
  const firstRows = table.rows(0, LEDGER_HEADER_ROWS);
  const headerRow = ledgerHeaderRow(firstRows);
  if (headerRow < 0) {
    errors.push(
      finding(
        null,
        null,
        "missing_column",
        "找不到台账表头（需要“编号”“类别”“认定日期”等列）。",
        "No ledger header found (needs columns such as case_id, category, identified_on).",
      ),
    );
    return out;
  }
  const header = firstRows[headerRow];
  const columns = ledgerColumns(table, header, headerRow, errors);
  if (!columns.complete) return out;
  const cells = new LedgerCellReader(screened, ctx.units);
  const rows = new CaseRowChecks(cells, columns.at, header, { today: ctx.today, errors, warnings });
  const unitAt = columns.at.get("unit") ?? -1;
  for (let r = headerRow + 1; r < table.rowCount; r++) {
    if (cells.blankRow(r) || cells.totalRow(r, unitAt)) continue;
    out.rows++;
    rows.check(r);
  }
  if (rows.units.size > 1) {
    errors.push(
      finding(
        null,
        rows.name("unit"),
        "several_units",
        `一份台账只能包含一个单位（本文件有 ${rows.units.size} 个）。`,
        `A ledger holds one unit only (this file has ${rows.units.size}).`,
      ),
    );
  }
  if (out.rows === 0)
    errors.push(finding(null, null, "no_data", "文件没有数据行。", "The file has no data rows."));
  out.cases = rows.cases;
  out.unit = rows.units.size === 1 ? [...rows.units][0] : null;
  out.namedUnits = [...rows.units].sort();
  return out;
}
