/**
 * Reads the cells of a monthly template's data rows: the PII check of every cell, then the unit,
 * month, indicator and value cells, each resolved once per distinct text and checked, with every
 * problem added to the findings. Pure: the registry, the plans' periods and the current month
 * come in through the context.
 */
import { INDICATORS, reports } from "../indicators.ts";
import { type ColumnSpec, columnName } from "../normalize/header.ts";
import { type IndicatorName, indicatorByName } from "../normalize/indicatorName.ts";
import { monthIndex } from "../normalize/month.ts";
import { parseNumber } from "../normalize/number.ts";
import { type Unit, unitResolver } from "../normalize/unit.ts";
import { acceptedMonth, type MonthVerdict, type MonthWindow, monthFinding } from "./acceptedMonth.ts";
import type { FindingCollector } from "./findingCollector.ts";
import { looksLikePii, piiFinding } from "./pii.ts";
import { notReportedFinding, unknownIndicatorFinding, unknownUnitFinding } from "./rowRules.ts";
import { isTotalRow } from "./totalRow.ts";
import { valueFinding, valueProblem } from "./valueRule.ts";

/** A resolved unit cell, cached per distinct text. */
export interface UnitEntry {
  unit: Unit;
  /** Position in the registry; part of the numeric keys of unit-months. */
  index: number;
  /** By indicator ordinal (INDICATORS order): whether the unit's kind reports it. */
  reports: boolean[];
  used: boolean;
}

export interface MonthEntry {
  verdict: MonthVerdict;
  /** Months since 1900-01; part of the numeric keys of unit-months. */
  index: number;
  used: boolean;
}

/** What a unit cell holding 合计, 总计 or the like reads as. */
export const TOTAL = "total";

const MONTH_BASE = 1900 * 12;

/** Unit codes some indicator lists by code (departments); other units report by their kind. */
const NAMED_REPORTERS: ReadonlySet<string> = new Set(INDICATORS.flatMap((ind) => ind.reporters));

export class CellReader {
  readonly #errors: FindingCollector;
  readonly #window: MonthWindow;
  readonly #headerCells: readonly string[];
  readonly #resolve: (text: string) => Unit | null;
  readonly #unitIndex: Map<Unit, number>;
  /** Per distinct unit cell: the unit, null when unknown, or TOTAL for a 合计 label. */
  readonly #units = new Map<string, UnitEntry | null | typeof TOTAL>();
  readonly #months = new Map<string, MonthEntry>();
  readonly #indicators = new Map<string, IndicatorName | null>();
  readonly #reportsByKind = new Map<string, boolean[]>();
  #lastUnitText: string | null = null;
  #lastUnit: UnitEntry | null | typeof TOTAL = null;
  #lastMonthText: string | null = null;
  #lastMonth: MonthEntry | undefined = undefined;
  /** Columns of the current row that hold PII; `#piiCount` of them are valid. */
  readonly #piiCols: number[] = [];
  #piiCount = 0;

  /** `headerCells` name the columns in findings (empty: by their letters). */
  constructor(
    units: readonly Unit[],
    window: MonthWindow,
    errors: FindingCollector,
    headerCells: readonly string[],
  ) {
    this.#errors = errors;
    this.#window = window;
    this.#headerCells = headerCells;
    this.#resolve = unitResolver(units);
    this.#unitIndex = new Map(units.map((u, i) => [u, i]));
  }

  /** PII check of every cell of a row; whether the row has any content. */
  scanRow(row: readonly string[], r: number): boolean {
    let filled = false;
    this.#piiCount = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === undefined || cell.length === 0) continue;
      if (cell.length >= 11) {
        const kind = looksLikePii(cell);
        if (kind) {
          const code = kind === "resident_id" ? "pii_resident_id" : "pii_mobile";
          if (!this.#errors.over(code))
            this.#errors.add(piiFinding(kind, r + 1, columnName(this.#headerCells, c)));
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

  /** Whether the row last scanned holds PII in column c. */
  isPii(c: number): boolean {
    for (let i = 0; i < this.#piiCount; i++) if (this.#piiCols[i] === c) return true;
    return false;
  }

  /** What a unit cell names, cached per distinct text. */
  unitCell(text: string): UnitEntry | null | typeof TOTAL {
    // rows mostly come grouped by unit: the previous row's answer is the likely one
    if (text === this.#lastUnitText) return this.#lastUnit;
    let entry = this.#units.get(text);
    if (entry === undefined) {
      const total = isTotalRow(text);
      const unit = total ? null : this.#resolve(text);
      entry = unit
        ? { unit, index: this.#unitIndex.get(unit)!, reports: this.#reportsOf(unit), used: false }
        : total
          ? TOTAL
          : null;
      this.#units.set(text, entry);
    }
    this.#lastUnitText = text;
    this.#lastUnit = entry;
    return entry;
  }

  /** Which indicators a unit reports, shared by units of a kind that no indicator names by code. */
  #reportsOf(unit: Unit): boolean[] {
    const key = NAMED_REPORTERS.has(unit.code) ? `code:${unit.code}` : `kind:${unit.kind}`;
    let list = this.#reportsByKind.get(key);
    if (!list) {
      list = INDICATORS.map((ind) => reports(ind, unit));
      this.#reportsByKind.set(key, list);
    }
    return list;
  }

  /** The row's unit, or null after reporting an unknown one (a cell holding PII is not repeated). */
  unitOf(entry: UnitEntry | null, text: string, r: number, col: ColumnSpec): UnitEntry | null {
    if (this.isPii(col.index)) return null;
    if (entry === null && !this.#errors.over("unknown_unit")) {
      this.#errors.add(unknownUnitFinding(r + 1, col.header, text));
    }
    return entry;
  }

  /** The row's month when accepted, else null after reporting why (bad, uncovered, future). */
  monthOf(text: string, r: number, col: ColumnSpec): MonthEntry | null {
    if (this.isPii(col.index)) return null;
    let entry = text === this.#lastMonthText ? this.#lastMonth : this.#months.get(text);
    if (entry === undefined) {
      const verdict = acceptedMonth(text, this.#window);
      const index = verdict.month === null ? -1 : monthIndex(verdict.month) - MONTH_BASE;
      entry = { verdict, index, used: false };
      this.#months.set(text, entry);
    }
    this.#lastMonthText = text;
    this.#lastMonth = entry;
    if (entry.verdict.problem === null) return entry;
    if (!this.#errors.over(entry.verdict.problem)) {
      this.#errors.add(monthFinding(entry.verdict, r + 1, col.header, text, this.#window));
    }
    return null;
  }

  /** The indicator a long-layout cell names, or null after reporting an unknown one. */
  indicatorOf(text: string, r: number, col: ColumnSpec): IndicatorName | null {
    if (this.isPii(col.index)) return null;
    let named = this.#indicators.get(text);
    if (named === undefined) {
      named = indicatorByName(text);
      this.#indicators.set(text, named);
    }
    if (named === null && !this.#errors.over("unknown_indicator")) {
      this.#errors.add(unknownIndicatorFinding(r + 1, col.header, text));
    }
    return named;
  }

  /**
   * The value of a cell: a number, null (blank), or undefined when the cell yields no value (PII,
   * a finding, or an indicator the unit does not report).
   */
  valueOf(
    row: readonly string[],
    r: number,
    col: ColumnSpec,
    named: IndicatorName | null,
    unit: UnitEntry | null,
  ): number | null | undefined {
    const text = row[col.index] ?? "";
    if (text.length > 0 && this.isPii(col.index)) return undefined;
    const parsed = parseNumber(text);
    if (named === null) {
      // the indicator is unknown, so only the rule that holds for every indicator applies
      if (!("error" in parsed)) return parsed.value;
      if (!this.#errors.over("not_a_number"))
        this.#errors.add(valueFinding("not_a_number", r + 1, col.header, text, null));
      return undefined;
    }
    const indicator = named.indicator;
    const problem = valueProblem(parsed, indicator);
    if (problem !== null) {
      if (!this.#errors.over(problem))
        this.#errors.add(valueFinding(problem, r + 1, col.header, text, indicator));
      return undefined;
    }
    const value = (parsed as { value: number | null }).value;
    if (unit && !unit.reports[named.ordinal]) {
      if (value !== null && !this.#errors.over("not_reported_by_unit")) {
        this.#errors.add(notReportedFinding(r + 1, col.header, unit.unit, indicator));
      }
      return undefined;
    }
    return value;
  }

  /** Codes of the units and the months of rows that had both a good unit and a good month, sorted. */
  used(): { units: string[]; months: string[] } {
    const units = new Set<string>();
    for (const e of this.#units.values()) if (e !== null && e !== TOTAL && e.used) units.add(e.unit.code);
    const months = new Set<string>();
    for (const e of this.#months.values()) if (e.used) months.add(e.verdict.month!);
    return { units: [...units].sort(), months: [...months].sort() };
  }
}
