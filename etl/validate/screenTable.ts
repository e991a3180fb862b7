/**
 * The privacy screen of an upload's cells, run once on the table before anything else reads it
 * (before the monthly or ledger rules, before any message is written): every distinct text is
 * folded and scanned (pii.ts), each cell holding a resident ID or mobile number becomes a
 * finding naming its row and column only, and its text is replaced in the table handed on, so no
 * later rule, message, log or table can repeat it. Pure.
 */
import { columnName } from "../normalize/columnName.ts";
import { REDACTED } from "../normalize/redacted.ts";
import type { CellTable } from "../read/cellTable.ts";
import { FindingCollector } from "./findingCollector.ts";
import { looksLikePii, type PiiKind, piiFinding } from "./pii.ts";

export interface ScreenedTable {
  /** The cells, with the text of every cell holding a personal number replaced by REDACTED. */
  readonly table: CellTable;
  /** One finding per cell that held a personal number (a few hundred of each kind, then a count). */
  readonly findings: FindingCollector;
  /** Whether a cell code's text was replaced. */
  isRedacted(code: number): boolean;
}

const KINDS: readonly PiiKind[] = ["resident_id", "mobile"];

/**
 * Screens the table; `headerCells` (the header row as written, or none) name the columns in the
 * findings, by their letter where a header is blank or itself holds a personal number.
 */
export function screenTable(table: CellTable, headerCells: readonly string[]): ScreenedTable {
  const texts = table.texts;
  const findings = new FindingCollector();
  // by code: 0 clean, else 1 + index in KINDS
  const kinds = new Uint8Array(texts.length);
  const flagged = new Set<string>();
  for (let code = 1; code < texts.length; code++) {
    const kind = looksLikePii(texts[code]);
    if (kind) {
      kinds[code] = 1 + KINDS.indexOf(kind);
      flagged.add(texts[code]);
    }
  }
  if (flagged.size === 0) return { table, findings, isRedacted: () => false };
  // a header that itself held a personal number names its column by letter
  const header = headerCells.map((text) => (flagged.has(text) ? REDACTED : text));
  for (let r = 0; r < table.rowCount; r++) {
    const start = table.rowStart(r);
    const length = table.rowLength(r);
    for (let c = 0; c < length; c++) {
      const kind = kinds[table.codeAt(start + c)];
      if (kind === 0) continue;
      const code = kind === 1 ? "pii_resident_id" : "pii_mobile";
      if (!findings.over(code)) findings.add(piiFinding(KINDS[kind - 1], r + 1, columnName(header, c)));
    }
  }
  const screened = texts.map((text, code) => (kinds[code] === 0 ? text : REDACTED));
  return { table: table.withTexts(screened), findings, isRedacted: (code) => kinds[code] !== 0 };
}
