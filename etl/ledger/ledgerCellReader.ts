/**
 * Reads the cells of a case ledger's data rows from the screened table as dictionary codes: the
 * reading of a repeated text (a unit, a category, a date) runs once per distinct text. A cell that
 * held a personal number reads as REDACTED text and as no unit, category or date, so no later
 * finding can quote it. Pure.
 */
import type { CaseCategory } from "../../core/caseDeadline.ts";
import { toHalfWidth } from "../normalize/halfWidth.ts";
import { REDACTED } from "../normalize/redacted.ts";
import { type Unit, unitResolver } from "../normalize/unit.ts";
import type { CellTable } from "../read/cellTable.ts";
import type { ScreenedTable } from "../validate/screenTable.ts";
import { isTotalRow } from "../validate/totalRow.ts";
import { parseCaseDate } from "./caseDate.ts";

const CATEGORIES = new Map<string, CaseCategory>([
  ["zero_family", "zero_family"],
  ["零就业家庭", "zero_family"],
  ["零就业", "zero_family"],
  ["hardship", "hardship"],
  ["就业困难人员", "hardship"],
  ["就业困难", "hardship"],
]);

/** Per distinct text (dictionary code), a value computed once. */
function perCode<T>(texts: readonly string[], compute: (text: string) => T): (code: number) => T {
  const done = new Uint8Array(texts.length);
  const values = new Array<T>(texts.length);
  return (code) => {
    if (done[code]) return values[code];
    done[code] = 1;
    const value = compute(texts[code]);
    values[code] = value;
    return value;
  };
}

export class LedgerCellReader {
  readonly #table: CellTable;
  readonly #redacted: (code: number) => boolean;
  readonly #trimmed: (code: number) => string;
  readonly #unit: (code: number) => Unit | null;
  readonly #total: (code: number) => boolean;
  readonly #category: (code: number) => CaseCategory | null;
  readonly #date: (code: number) => string | null;

  constructor(screened: ScreenedTable, units: Unit[]) {
    this.#table = screened.table;
    this.#redacted = screened.isRedacted;
    const texts = this.#table.texts;
    const resolve = unitResolver(units);
    this.#trimmed = perCode(texts, (text) => text.trim());
    this.#unit = perCode(texts, (text) => resolve(text.trim()));
    this.#total = perCode(texts, (text) => isTotalRow(text.trim()));
    this.#category = perCode(texts, (raw) => {
      const text = raw.trim();
      return CATEGORIES.get(text) ?? CATEGORIES.get(text.replace(/\s+/g, "").toLowerCase()) ?? null;
    });
    this.#date = perCode(texts, (text) => parseCaseDate(text.trim()));
  }

  /** A cell's trimmed text (REDACTED for a screened cell); "" for a column the file lacks (-1). */
  text(r: number, c: number): string {
    if (c < 0) return "";
    const code = this.#table.code(r, c);
    return this.#redacted(code) ? REDACTED : this.#trimmed(code);
  }

  /** Whether every cell of the row is blank. */
  blankRow(r: number): boolean {
    const table = this.#table;
    const start = table.rowStart(r);
    for (let c = 0; c < table.rowLength(r); c++) if (!table.isBlank(table.codeAt(start + c))) return false;
    return true;
  }

  /** Whether the unit cell labels a total row (合计 …), which is skipped. */
  totalRow(r: number, unitAt: number): boolean {
    const code = unitAt < 0 ? 0 : this.#table.code(r, unitAt);
    return !this.#redacted(code) && this.#total(code);
  }

  /** The registry unit the cell names, or null. */
  unit(r: number, unitAt: number): Unit | null {
    const code = unitAt < 0 ? 0 : this.#table.code(r, unitAt);
    return this.#redacted(code) ? null : this.#unit(code);
  }

  /**
   * The case id, half-width. Not cached by code: equal texts of a column that seldom repeats need
   * not share one (cellDictionary.ts).
   */
  caseId(r: number, caseAt: number): string {
    return toHalfWidth(this.text(r, caseAt));
  }

  category(r: number, categoryAt: number): CaseCategory | null {
    const code = this.#table.code(r, categoryAt);
    return this.#redacted(code) ? null : this.#category(code);
  }

  /** The date a cell holds (YYYY-MM-DD), or null when it holds none. */
  date(r: number, c: number): string | null {
    return this.#date(this.#table.code(r, c));
  }
}
