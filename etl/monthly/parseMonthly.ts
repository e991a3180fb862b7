/**
 * A monthly template's grid → values and findings (docs/contract.md §3). Pure: the registry, the plans'
 * periods and the current month come in through the context. Every cell is checked and every
 * problem is collected, so a user sees all of them at once; the file is accepted only when
 * `errors` is empty. Rows are Excel's: grid index + 1.
 */
import type { Catalogue } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { fileCatalogue } from "../catalogue/fileCatalogue.ts";
import type { PlanSpan } from "../catalogue/planSpan.ts";
import { type ColumnSpec, mapHeader } from "../normalize/header.ts";
import type { CellTable } from "../read/cellTable.ts";
import { FindingCollector } from "../validate/findingCollector.ts";
import { cleanNoteText, NOTE_MAX_CHARS, noteLength, noteTooLongFinding } from "../validate/noteText.ts";
import type { ScreenedTable } from "../validate/screenTable.ts";
import { totalRowWarning } from "../validate/totalRow.ts";
import { CellReader, type MonthEntry, TOTAL, type UnitEntry } from "./cellReader.ts";
import { LongRowChecks } from "./longRowChecks.ts";
import { MONTH_SLOTS, MonthlyValues } from "./monthlyValues.ts";
import { type IndicatorColumn, WideRowChecks } from "./wideRowChecks.ts";

export interface MonthlyContext {
  units: { code: string; name_zh: string; name_en: string; kind: string }[];
  /**
   * A month is accepted when some plan covers it: inside [first,last] of some period, or the
   * baseline month just before a period; the file is read with its months' plan's catalogue.
   */
  periods: readonly PlanSpan[];
  /** YYYY-MM; months after it are refused. */
  currentMonth: string;
}

export interface ParsedValue {
  unit: string;
  month: string;
  indicator: string;
  /** null: the cell was blank, i.e. not reported (a revision may blank a cell). */
  value: number | null;
  ytd: boolean;
  /** The row as Excel numbers it. */
  row: number;
  /** The column header as written (the value column in the long layout). */
  column: string;
}

/**
 * A unit's explanation (情况说明) of its month, from the optional 备注 column: one per unit-month
 * (the distinct texts of its rows, in row order), kept as a note, never as a figure.
 */
export interface FileNote {
  unit: string;
  month: string;
  text: string;
  /** The first row it was written in, as Excel numbers it. */
  row: number;
}

export interface ParsedMonthly {
  /** The catalogue the file was read with (its months' plan's). */
  catalogue: Catalogue;
  /** The values kept, as objects; built from `list` on first use. */
  readonly values: ParsedValue[];
  /** The same values column by column, which is what large files are loaded from. */
  readonly list: MonthlyValues;
  errors: Finding[];
  warnings: Finding[];
  /** Unit codes and months of the file's data rows, sorted. */
  units: string[];
  months: string[];
  /** Every known unit a data row names (even in a row refused for other reasons), sorted. */
  namedUnits: string[];
  /** Data rows counted: not blank, not a total row, not a repeat of an identical row. */
  rows: number;
  /** The 备注 column's explanations, one per unit-month that has any. */
  notes: FileNote[];
}

/**
 * Rows read per call of a row loop: a loop the engine optimizes while it runs (on-stack
 * replacement) gets slower code than a method it optimizes between calls.
 */
const ROW_BLOCK = 4096;

interface LongColumns {
  unit: ColumnSpec;
  month: ColumnSpec;
  note: ColumnSpec | undefined;
  indicator: ColumnSpec;
  value: ColumnSpec;
  checks: LongRowChecks;
}

interface WideColumns {
  unit: ColumnSpec;
  month: ColumnSpec;
  note: ColumnSpec | undefined;
  indicators: IndicatorColumn[];
  checks: WideRowChecks;
}

/**
 * Parses and checks every row of a monthly template, given as its screened table of cells
 * (screenUpload.ts): the privacy findings come first, and redacted cells give no other finding.
 */
export function parseMonthly(screened: ScreenedTable, ctx: MonthlyContext): ParsedMonthly {
  return new MonthlyParse(screened, ctx).run();
}

class MonthlyParse {
  readonly errors = new FindingCollector();
  readonly warnings = new FindingCollector();
  values!: MonthlyValues;
  rows = 0;
  readonly #table: CellTable;
  readonly #isRedacted: (code: number) => boolean;
  readonly #ctx: MonthlyContext;
  #cells!: CellReader;
  #catalogue!: Catalogue;
  /** The data row being read: its unit, month, and unit-month key (-1 unless both are good). */
  #unit: UnitEntry | null = null;
  #month: MonthEntry | null = null;
  #key = -1;
  /** The 备注 of each unit-month by its key, and the distinct texts it joins, in row order. */
  readonly #notes = new Map<number, FileNote>();
  readonly #noteTexts = new Map<number, string[]>();

  constructor(screened: ScreenedTable, ctx: MonthlyContext) {
    this.#table = screened.table;
    this.#isRedacted = screened.isRedacted;
    this.#ctx = ctx;
    this.errors.absorb(screened.findings);
  }

  run(): ParsedMonthly {
    const table = this.#table;
    const chosen = fileCatalogue(table, this.#ctx.periods);
    const catalogue = chosen.catalogue;
    this.#catalogue = catalogue;
    if (chosen.finding) this.errors.add(chosen.finding);
    const header = mapHeader(table, catalogue);
    for (const f of header.findings) this.errors.add(f);
    const unitCol = header.columns.find((c) => c.role === "unit");
    const monthCol = header.columns.find((c) => c.role === "month");
    if (!unitCol || !monthCol || header.findings.some((f) => f.code === "missing_column")) {
      // no header found: no row can be read
      this.values = new MonthlyValues(catalogue, this.#ctx.units, []);
      this.#cells = new CellReader(
        table,
        this.#isRedacted,
        catalogue,
        this.#ctx.units,
        this.#ctx,
        this.errors,
      );
      return this.#result();
    }
    const headers: string[] = [];
    for (const c of header.columns) headers[c.index] = c.header;
    this.#cells = new CellReader(table, this.#isRedacted, catalogue, this.#ctx.units, this.#ctx, this.errors);
    const expectedRows = table.rowCount - header.headerRow;
    const noteCol = header.columns.find((c) => c.role === "note");
    const indicatorCol = header.columns.find((c) => c.role === "indicator_name");
    const valueCol = header.columns.find((c) => c.role === "value");
    const first = header.headerRow + 1;
    if (header.layout === "long" && indicatorCol && valueCol) {
      this.values = new MonthlyValues(catalogue, this.#ctx.units, headers, expectedRows);
      const long: LongColumns = {
        unit: unitCol,
        month: monthCol,
        note: noteCol,
        indicator: indicatorCol,
        value: valueCol,
        checks: new LongRowChecks(catalogue, this.values, this.errors, this.warnings, expectedRows),
      };
      for (let r = first; r < table.rowCount; r += ROW_BLOCK)
        this.#longRows(r, Math.min(table.rowCount, r + ROW_BLOCK), long);
    } else {
      const indicators = header.columns.filter((c): c is IndicatorColumn => c.role === "indicator");
      this.values = new MonthlyValues(catalogue, this.#ctx.units, headers, expectedRows * indicators.length);
      const wide: WideColumns = {
        unit: unitCol,
        month: monthCol,
        note: noteCol,
        indicators,
        checks: new WideRowChecks(
          catalogue,
          this.values,
          this.errors,
          this.warnings,
          indicators,
          expectedRows,
        ),
      };
      for (let r = first; r < table.rowCount; r += ROW_BLOCK)
        this.#wideRows(r, Math.min(table.rowCount, r + ROW_BLOCK), wide);
    }
    if (this.rows === 0) {
      this.errors.add(
        finding(
          null,
          null,
          "no_data",
          "文件中表头以下没有数据行。",
          "The file has no data rows below the header.",
        ),
      );
    }
    return this.#result();
  }

  /** Data rows [from, to) of the long layout. */
  #longRows(from: number, to: number, long: LongColumns): void {
    const table = this.#table;
    const cells = this.#cells;
    for (let r = from; r < to; r++) {
      if (!this.#startRow(r, long.unit, long.month)) continue;
      if (long.note) this.#noteOf(r, long.note);
      const named = cells.indicatorOf(table.code(r, long.indicator.index), r, long.indicator);
      const value = cells.valueOf(table.code(r, long.value.index), r, long.value, named, this.#unit);
      if (this.#key < 0 || named === null || value === undefined) continue;
      if (!long.checks.cell(this.#key, this.#unit!, this.#month!, named, value, r, long.value)) this.rows--;
    }
  }

  /** Data rows [from, to) of the wide layout. */
  #wideRows(from: number, to: number, wide: WideColumns): void {
    const table = this.#table;
    const cells = this.#cells;
    const { indicators, checks } = wide;
    for (let r = from; r < to; r++) {
      if (!this.#startRow(r, wide.unit, wide.month)) continue;
      if (wide.note) this.#noteOf(r, wide.note);
      checks.startRow();
      for (let i = 0; i < indicators.length; i++) {
        const column = indicators[i];
        const value = cells.valueOf(table.code(r, column.index), r, column, column, this.#unit);
        if (value !== undefined) checks.stage(i, value);
      }
      if (this.#key >= 0 && !checks.endRow(this.#key, this.#unit!, this.#month!, r)) this.rows--;
    }
  }

  /**
   * The start of every data row: its redacted cells, then the unit and the month. False for a blank
   * row or a total row, which are not counted; otherwise the row is counted and #unit, #month
   * and #key (-1 unless both are good) describe it.
   */
  #startRow(r: number, unitCol: ColumnSpec, monthCol: ColumnSpec): boolean {
    const cells = this.#cells;
    if (!cells.scanRow(r)) return false;
    const unitCode = this.#table.code(r, unitCol.index);
    const unitCell = cells.unitCell(unitCode);
    if (unitCell === TOTAL) {
      this.warnings.add(totalRowWarning(r + 1, unitCol.header, this.#table.texts[unitCode]));
      return false;
    }
    this.rows++;
    const unit = cells.unitOf(unitCell, unitCode, r, unitCol);
    const month = cells.monthOf(this.#table.code(r, monthCol.index), r, monthCol);
    this.#unit = unit;
    this.#month = month;
    if (unit && month) {
      unit.used = true;
      month.used = true;
      this.#key = unit.index * MONTH_SLOTS + month.index;
    } else this.#key = -1;
    return true;
  }

  /**
   * The 备注 cell of the row just started: kept for its unit-month when the row's unit and month
   * are good and the cell says something within the limit. A cell the privacy screen redacted has
   * its finding already and gives nothing.
   */
  #noteOf(r: number, col: ColumnSpec): void {
    const code = this.#table.code(r, col.index);
    if (code === 0 || this.#cells.isPii(col.index)) return;
    const text = cleanNoteText(this.#table.texts[code]);
    if (text === "") return;
    const chars = noteLength(text);
    if (chars > NOTE_MAX_CHARS) {
      this.errors.add(noteTooLongFinding(r + 1, col.header, chars));
      return;
    }
    if (this.#key < 0) return;
    const seen = this.#notes.get(this.#key);
    if (!seen) {
      this.#notes.set(this.#key, {
        unit: this.#unit!.unit.code,
        month: this.#month!.verdict.month as string,
        text,
        row: r + 1,
      });
      this.#noteTexts.set(this.#key, [text]);
      return;
    }
    const texts = this.#noteTexts.get(this.#key) as string[];
    if (texts.includes(text)) return;
    const joined = `${seen.text}\n${text}`;
    const length = noteLength(joined);
    if (length > NOTE_MAX_CHARS) {
      this.errors.add(noteTooLongFinding(r + 1, col.header, length));
      return;
    }
    texts.push(text);
    seen.text = joined;
  }

  #result(): ParsedMonthly {
    const list = this.values;
    let objects: ParsedValue[] | null = null;
    return {
      catalogue: this.#catalogue,
      get values() {
        objects ??= list.toArray();
        return objects;
      },
      list,
      errors: this.errors.list(),
      warnings: this.warnings.list(),
      ...this.#cells.used(),
      rows: this.rows,
      notes: [...this.#notes.values()],
    };
  }
}
