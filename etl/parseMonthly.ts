/**
 * A monthly template's grid → values and findings (CONTRACT §3). Pure: the registry, the plans'
 * periods and the current month come in through the context. Every cell is checked and every
 * problem is collected, so a user sees all of them at once; the file is accepted only when
 * `errors` is empty. Rows are Excel's: grid index + 1.
 */
import { type Finding, finding } from "./finding.ts";
import { type ColumnSpec, mapHeader } from "./normalize/header.ts";
import { CellReader, TOTAL, type UnitEntry } from "./validate/cellReader.ts";
import { FindingCollector } from "./validate/findingCollector.ts";
import { LongRowChecks } from "./validate/longRowChecks.ts";
import { totalRowWarning } from "./validate/totalRow.ts";
import { type IndicatorColumn, WideRowChecks } from "./validate/wideRowChecks.ts";

export interface MonthlyContext {
  units: { code: string; name_zh: string; name_en: string; kind: string }[];
  /** A month is accepted when some plan covers it: inside [first,last] of some period, or the baseline month just before a period. */
  periods: { first: string; last: string }[];
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

export interface ParsedMonthly {
  values: ParsedValue[];
  errors: Finding[];
  warnings: Finding[];
  /** Unit codes and months of the file's data rows, sorted. */
  units: string[];
  months: string[];
  /** Data rows counted: not blank, not a total row, not a repeat of an identical row. */
  rows: number;
}

/** Parses and checks every row of a monthly template. */
export function parseMonthly(grid: string[][], ctx: MonthlyContext): ParsedMonthly {
  return new MonthlyParse(grid, ctx).run();
}

class MonthlyParse {
  readonly errors = new FindingCollector();
  readonly warnings = new FindingCollector();
  readonly values: ParsedValue[] = [];
  rows = 0;
  readonly #grid: string[][];
  readonly #ctx: MonthlyContext;
  #cells!: CellReader;
  /** The data row being read: its unit, month, and unit-month key (-1 unless both are good). */
  #unit: UnitEntry | null = null;
  #month = "";
  #key = -1;

  constructor(grid: string[][], ctx: MonthlyContext) {
    this.#grid = grid;
    this.#ctx = ctx;
  }

  run(): ParsedMonthly {
    const grid = this.#grid;
    const header = mapHeader(grid);
    for (const f of header.findings) this.errors.add(f);
    const unitCol = header.columns.find((c) => c.role === "unit");
    const monthCol = header.columns.find((c) => c.role === "month");
    if (!unitCol || !monthCol || header.findings.some((f) => f.code === "missing_column")) {
      // no header found: only the privacy check, with columns named by their letters
      this.#cells = new CellReader(this.#ctx.units, this.#ctx, this.errors, []);
      for (let r = 0; r < grid.length; r++) this.#cells.scanRow(grid[r], r);
      return this.#result();
    }
    this.#cells = new CellReader(this.#ctx.units, this.#ctx, this.errors, grid[header.headerRow]);
    for (let r = 0; r <= header.headerRow; r++) this.#cells.scanRow(grid[r], r);
    const expectedRows = grid.length - header.headerRow;
    const indicatorCol = header.columns.find((c) => c.role === "indicator_name");
    const valueCol = header.columns.find((c) => c.role === "value");
    if (header.layout === "long" && indicatorCol && valueCol) {
      const checks = new LongRowChecks(this.values, this.errors, this.warnings, expectedRows);
      for (let r = header.headerRow + 1; r < grid.length; r++) {
        if (!this.#startRow(r, unitCol, monthCol)) continue;
        const row = grid[r];
        const named = this.#cells.indicatorOf(row[indicatorCol.index] ?? "", r, indicatorCol);
        const value = this.#cells.valueOf(row, r, valueCol, named, this.#unit);
        if (this.#key < 0 || named === null || value === undefined) continue;
        if (!checks.cell(this.#key, this.#unit!, this.#month, named, value, r, valueCol.header)) this.rows--;
      }
    } else {
      const wide = header.columns.filter((c): c is IndicatorColumn => c.role === "indicator");
      const checks = new WideRowChecks(this.values, this.errors, this.warnings, wide, expectedRows);
      for (let r = header.headerRow + 1; r < grid.length; r++) {
        if (!this.#startRow(r, unitCol, monthCol)) continue;
        const row = grid[r];
        checks.startRow();
        for (let i = 0; i < wide.length; i++) {
          const value = this.#cells.valueOf(row, r, wide[i], wide[i], this.#unit);
          if (value !== undefined) checks.stage(i, value);
        }
        if (this.#key >= 0 && !checks.endRow(this.#key, this.#unit!, this.#month, r)) this.rows--;
      }
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

  /**
   * The start of every data row: the PII check, then the unit and the month. False for a blank
   * row or a total row, which are not counted; otherwise the row is counted and #unit, #month
   * and #key (-1 unless both are good) describe it.
   */
  #startRow(r: number, unitCol: ColumnSpec, monthCol: ColumnSpec): boolean {
    const cells = this.#cells;
    if (!cells.scanRow(this.#grid[r], r)) return false;
    const row = this.#grid[r];
    const unitText = row[unitCol.index] ?? "";
    const unitCell = cells.unitCell(unitText);
    if (unitCell === TOTAL) {
      const shown = cells.isPii(unitCol.index) ? "合计" : unitText;
      this.warnings.add(totalRowWarning(r + 1, unitCol.header, shown));
      return false;
    }
    this.rows++;
    const unit = cells.unitOf(unitCell, unitText, r, unitCol);
    const month = cells.monthOf(row[monthCol.index] ?? "", r, monthCol);
    this.#unit = unit;
    this.#month = month ? month.verdict.month! : "";
    if (unit && month) {
      unit.used = true;
      month.used = true;
      this.#key = unit.index * 4096 + month.index;
    } else this.#key = -1;
    return true;
  }

  #result(): ParsedMonthly {
    return {
      values: this.values,
      errors: this.errors.list(),
      warnings: this.warnings.list(),
      ...this.#cells.used(),
      rows: this.rows,
    };
  }
}
