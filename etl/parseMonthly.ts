/**
 * A monthly template's grid → values and findings (CONTRACT §3). Pure: the registry, the plans'
 * periods and the current month come in through the context. Every cell is checked and every
 * problem is collected, so a user sees all of them at once; the file is accepted only when
 * `errors` is empty. Rows are Excel's: grid index + 1.
 */
import { type Finding, finding } from "./finding.ts";
import { INDICATORS, reports } from "./indicators.ts";
import { type ColumnSpec, columnName, mapHeader } from "./normalize/header.ts";
import { type IndicatorName, indicatorByName } from "./normalize/indicatorName.ts";
import { monthIndex } from "./normalize/month.ts";
import { parseNumber } from "./normalize/number.ts";
import { type Unit, unitResolver } from "./normalize/unit.ts";
import { acceptedMonth, type MonthVerdict, monthFinding } from "./validate/acceptedMonth.ts";
import { FindingCollector } from "./validate/findingCollector.ts";
import { looksLikePii, piiFinding } from "./validate/pii.ts";
import { type IndicatorColumn, RowChecks } from "./validate/rowChecks.ts";
import { notReportedFinding, unknownIndicatorFinding, unknownUnitFinding } from "./validate/rowRules.ts";
import { isTotalRow, totalRowWarning } from "./validate/totalRow.ts";
import { valueFinding, valueProblem } from "./validate/valueRule.ts";

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

/** A resolved unit cell, cached per distinct text. */
export interface UnitEntry {
  unit: Unit;
  /** Position in the registry; part of the numeric keys of unit-months. */
  index: number;
  /** By indicator ordinal (INDICATORS order): whether the unit's kind reports it. */
  reports: boolean[];
  used: boolean;
}

interface MonthEntry {
  verdict: MonthVerdict;
  /** Months since 1900-01. */
  index: number;
  used: boolean;
}

const MONTH_BASE = 1900 * 12;
const TOTAL = "total";

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
  readonly #resolve: (text: string) => Unit | null;
  readonly #unitIndex: Map<Unit, number>;
  /** Per distinct unit cell: the unit, null when unknown, or TOTAL for a 合计 label. */
  readonly #units = new Map<string, UnitEntry | null | typeof TOTAL>();
  readonly #months = new Map<string, MonthEntry>();
  readonly #indicators = new Map<string, IndicatorName | null>();
  #headerCells: string[] = [];
  /** Columns of the current row that hold PII; `#piiCount` of them are valid. */
  readonly #piiCols: number[] = [];
  #piiCount = 0;

  constructor(grid: string[][], ctx: MonthlyContext) {
    this.#grid = grid;
    this.#ctx = ctx;
    this.#resolve = unitResolver(ctx.units);
    this.#unitIndex = new Map(ctx.units.map((u, i) => [u, i]));
  }

  run(): ParsedMonthly {
    const grid = this.#grid;
    const header = mapHeader(grid);
    this.#headerCells = grid[header.headerRow] ?? [];
    for (const f of header.findings) this.errors.add(f);
    const unitCol = header.columns.find((c) => c.role === "unit");
    const monthCol = header.columns.find((c) => c.role === "month");
    if (!unitCol || !monthCol || header.findings.some((f) => f.code === "missing_column")) {
      this.#headerCells = []; // no header found: columns are named by their letters
      for (let r = 0; r < grid.length; r++) this.#scanRow(r);
      return this.#result();
    }
    for (let r = 0; r <= header.headerRow; r++) this.#scanRow(r);
    const long = header.layout === "long";
    const indicatorCol = header.columns.find((c) => c.role === "indicator_name");
    const valueCol = header.columns.find((c) => c.role === "value");
    const wide = header.columns.filter((c): c is IndicatorColumn => c.role === "indicator");
    const checks = new RowChecks(
      this.values,
      this.errors,
      this.warnings,
      wide,
      grid.length - header.headerRow,
    );
    for (let r = header.headerRow + 1; r < grid.length; r++) {
      if (!this.#scanRow(r)) continue;
      const row = grid[r];
      const unitText = row[unitCol.index] ?? "";
      const unitCell = this.#unitCell(unitText);
      if (unitCell === TOTAL) {
        this.warnings.add(totalRowWarning(r + 1, unitCol.header, unitText));
        continue;
      }
      this.rows++;
      const unit = this.#unitOf(unitCell, unitText, r, unitCol);
      const month = this.#monthOf(row[monthCol.index] ?? "", r, monthCol);
      if (unit && month) {
        unit.used = true;
        month.used = true;
      }
      const key = unit && month ? unit.index * 4096 + month.index : -1;
      const monthText = month ? month.verdict.month! : "";
      if (long && indicatorCol && valueCol) {
        const named = this.#indicatorOf(row[indicatorCol.index] ?? "", r, indicatorCol);
        const value = this.#valueOf(row, r, valueCol, named, unit);
        if (key >= 0 && named && value !== undefined) {
          if (!checks.cell(key, unit!, monthText, named, value, r, valueCol.header)) this.rows--;
        }
      } else {
        checks.startRow();
        for (let i = 0; i < wide.length; i++) {
          const value = this.#valueOf(row, r, wide[i], wide[i], unit);
          if (value !== undefined) checks.stage(i, value);
        }
        if (key >= 0 && !checks.endRow(key, unit!, monthText, r)) this.rows--;
      }
    }
    if (long) {
      const byCode = new Map(this.#ctx.units.map((u) => [u.code, u]));
      checks.subsetAcrossRows((code) => byCode.get(code));
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

  /** PII check of every cell of a row; whether the row has any content. */
  #scanRow(r: number): boolean {
    const row = this.#grid[r];
    let filled = false;
    this.#piiCount = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined || cell.length === 0) continue;
      if (cell.length >= 11) {
        const kind = looksLikePii(cell);
        if (kind) {
          const code = kind === "resident_id" ? "pii_resident_id" : "pii_mobile";
          if (!this.errors.over(code))
            this.errors.add(piiFinding(kind, r + 1, columnName(this.#headerCells, c)));
          this.#piiCols[this.#piiCount++] = c;
        }
      }
      if (!filled) {
        const c0 = cell.charCodeAt(0);
        filled = (c0 > 32 && c0 < 127) || cell.trim() !== "";
      }
    }
    return filled;
  }

  #isPii(c: number): boolean {
    for (let i = 0; i < this.#piiCount; i++) if (this.#piiCols[i] === c) return true;
    return false;
  }

  /** What a unit cell names, cached per distinct text. */
  #unitCell(text: string): UnitEntry | null | typeof TOTAL {
    let entry = this.#units.get(text);
    if (entry === undefined) {
      const total = isTotalRow(text);
      const unit = total ? null : this.#resolve(text);
      entry = unit
        ? {
            unit,
            index: this.#unitIndex.get(unit)!,
            reports: INDICATORS.map((ind) => reports(ind, unit)),
            used: false,
          }
        : total
          ? TOTAL
          : null;
      this.#units.set(text, entry);
    }
    return entry;
  }

  /** The row's unit, or null after reporting an unknown one (a cell holding PII is not repeated). */
  #unitOf(entry: UnitEntry | null, text: string, r: number, col: ColumnSpec): UnitEntry | null {
    if (this.#isPii(col.index)) return null;
    if (entry === null && !this.errors.over("unknown_unit")) {
      this.errors.add(unknownUnitFinding(r + 1, col.header, text));
    }
    return entry;
  }

  #monthOf(text: string, r: number, col: ColumnSpec): MonthEntry | null {
    if (this.#isPii(col.index)) return null;
    let entry = this.#months.get(text);
    if (entry === undefined) {
      const verdict = acceptedMonth(text, this.#ctx);
      const index = verdict.month === null ? -1 : monthIndex(verdict.month) - MONTH_BASE;
      entry = { verdict, index, used: false };
      this.#months.set(text, entry);
    }
    if (entry.verdict.problem === null) return entry;
    if (!this.errors.over(entry.verdict.problem)) {
      this.errors.add(monthFinding(entry.verdict, r + 1, col.header, text, this.#ctx));
    }
    return null;
  }

  #indicatorOf(text: string, r: number, col: ColumnSpec): IndicatorName | null {
    if (this.#isPii(col.index)) return null;
    let named = this.#indicators.get(text);
    if (named === undefined) {
      named = indicatorByName(text);
      this.#indicators.set(text, named);
    }
    if (named === null && !this.errors.over("unknown_indicator")) {
      this.errors.add(unknownIndicatorFinding(r + 1, col.header, text));
    }
    return named;
  }

  /**
   * The value of a cell: a number, null (blank), or undefined when the cell yields no value (PII,
   * a finding, or an indicator the unit does not report).
   */
  #valueOf(
    row: string[],
    r: number,
    col: ColumnSpec,
    named: IndicatorName | null,
    unit: UnitEntry | null,
  ): number | null | undefined {
    const text = row[col.index] ?? "";
    if (text.length > 0 && this.#isPii(col.index)) return undefined;
    const parsed = parseNumber(text);
    if (named === null) {
      // the indicator is unknown, so only the rule that holds for every indicator applies
      if (!("error" in parsed)) return parsed.value;
      if (!this.errors.over("not_a_number"))
        this.errors.add(valueFinding("not_a_number", r + 1, col.header, text, null));
      return undefined;
    }
    const indicator = named.indicator;
    const problem = valueProblem(parsed, indicator);
    if (problem !== null) {
      if (!this.errors.over(problem))
        this.errors.add(valueFinding(problem, r + 1, col.header, text, indicator));
      return undefined;
    }
    const value = (parsed as { value: number | null }).value;
    if (unit && !unit.reports[named.ordinal]) {
      if (value !== null && !this.errors.over("not_reported_by_unit")) {
        this.errors.add(notReportedFinding(r + 1, col.header, unit.unit, indicator));
      }
      return undefined;
    }
    return value;
  }

  #result(): ParsedMonthly {
    const units = new Set<string>();
    for (const e of this.#units.values()) if (e !== null && e !== TOTAL && e.used) units.add(e.unit.code);
    const months = new Set<string>();
    for (const e of this.#months.values()) if (e.used) months.add(e.verdict.month!);
    return {
      values: this.values,
      errors: this.errors.list(),
      warnings: this.warnings.list(),
      units: [...units].sort(),
      months: [...months].sort(),
      rows: this.rows,
    };
  }
}
