/**
 * Reads the cells of a monthly template's data rows: the unit, month, indicator and value cells,
 * each resolved once per distinct text (per code of the cell table) and checked, with every
 * problem added to the findings. The table comes screened (validate/screenTable.ts): a cell that
 * held a personal number is already a finding, and yields no value and no other finding here.
 * Pure: the catalogue, the registry, the plans' periods and the current month come in.
 */
import { type Catalogue, type IndicatorName, reports, ytdRefused } from "../../core/catalogue.ts";
import { monthIndex } from "../../core/month.ts";
import { type ColumnSpec, ytdNotTakenFinding } from "../normalize/header.ts";
import { indicatorByName } from "../normalize/indicatorName.ts";
import { type ParsedNumber, parseNumber } from "../normalize/number.ts";
import { type Unit, unitPositionResolver } from "../normalize/unit.ts";
import type { CellTable } from "../read/cellTable.ts";
import {
  acceptedMonth,
  type MonthVerdict,
  type MonthWindow,
  monthFinding,
} from "../validate/acceptedMonth.ts";
import type { FindingCollector } from "../validate/findingCollector.ts";
import { notReportedFinding, unknownIndicatorFinding, unknownUnitFinding } from "../validate/rowRules.ts";
import { isTotalRow } from "../validate/totalRow.ts";
import { valueFinding, valueProblem } from "../validate/valueRule.ts";
import { MONTH_BASE } from "./monthlyValues.ts";

/** A resolved unit cell, shared by the codes naming that unit. */
export interface UnitEntry {
  unit: Unit;
  /** Position in the registry; part of the numeric keys of unit-months. */
  index: number;
  /** By item ordinal (catalogue order): whether the unit reports it. */
  reports: boolean[];
  used: boolean;
  /** Whether a data row names it, whatever else is wrong with that row. */
  named: boolean;
}

export interface MonthEntry {
  verdict: MonthVerdict;
  /** Months since 1900-01; part of the numeric keys of unit-months. */
  index: number;
  used: boolean;
}

/** What a unit cell holding 合计, 总计 or the like reads as. */
export const TOTAL = "total";

/** By code, what a cell is: not yet looked at, blank (empty or whitespace), filled, or redacted. */
const UNSEEN = 0;
const BLANK = 1;
const CLEAN = 2;
const REDACTED = 3;

export class CellReader {
  readonly #table: CellTable;
  readonly #texts: readonly string[];
  readonly #errors: FindingCollector;
  readonly #window: MonthWindow;
  readonly #catalogue: Catalogue;
  readonly #units: readonly Unit[];
  readonly #resolve: (text: string) => number;
  readonly #isRedacted: (code: number) => boolean;
  /** By code: UNSEEN, BLANK, CLEAN or REDACTED. */
  readonly #kinds: Uint8Array;
  /** By code: the unit (null: unknown, TOTAL: a 合计 label), the month, the indicator, the number. */
  readonly #unitCells: (UnitEntry | null | typeof TOTAL | undefined)[];
  readonly #months: (MonthEntry | undefined)[];
  readonly #indicators: (IndicatorName | null | undefined)[];
  readonly #numbers: (ParsedNumber | undefined)[];
  /** One entry per registry unit (by position) and per month, shared by every code naming it. */
  readonly #unitEntries: (UnitEntry | undefined)[];
  readonly #monthEntries = new Map<string | null, MonthEntry>();
  /** What the units of a kind report, and units that some indicator names by code. */
  readonly #reportsByKind = new Map<string, boolean[]>();
  readonly #reportsByCode = new Map<string, boolean[]>();
  /** Columns of the current row whose cell was redacted; `#piiCount` of them are valid. */
  readonly #piiCols: number[] = [];
  #piiCount = 0;

  constructor(
    table: CellTable,
    isRedacted: (code: number) => boolean,
    catalogue: Catalogue,
    units: readonly Unit[],
    window: MonthWindow,
    errors: FindingCollector,
  ) {
    this.#table = table;
    this.#isRedacted = isRedacted;
    this.#texts = table.texts;
    this.#errors = errors;
    this.#window = window;
    this.#catalogue = catalogue;
    this.#units = units;
    this.#unitEntries = new Array(units.length);
    this.#resolve = unitPositionResolver(units);
    const codes = table.texts.length;
    this.#kinds = new Uint8Array(codes);
    this.#unitCells = new Array(codes);
    this.#months = new Array(codes);
    this.#indicators = new Array(codes);
    this.#numbers = new Array(codes);
  }

  /** Notes the redacted cells of row r; whether the row has any content. */
  scanRow(r: number): boolean {
    const table = this.#table;
    const kinds = this.#kinds;
    const start = table.rowStart(r);
    const length = table.rowLength(r);
    let filled = false;
    this.#piiCount = 0;
    for (let c = 0; c < length; c++) {
      const code = table.codeAt(start + c);
      if (code === 0) continue;
      let kind = kinds[code];
      if (kind === UNSEEN) kind = this.#kindOf(code);
      if (kind === REDACTED) this.#piiCols[this.#piiCount++] = c;
      if (kind !== BLANK) filled = true;
    }
    return filled;
  }

  #kindOf(code: number): number {
    const kind = this.#isRedacted(code) ? REDACTED : this.#table.isBlank(code) ? BLANK : CLEAN;
    this.#kinds[code] = kind;
    return kind;
  }

  /** Whether the row last scanned had a redacted cell in column c. */
  isPii(c: number): boolean {
    for (let i = 0; i < this.#piiCount; i++) if (this.#piiCols[i] === c) return true;
    return false;
  }

  /** What a unit cell names, resolved once per code. */
  unitCell(code: number): UnitEntry | null | typeof TOTAL {
    let entry = this.#unitCells[code];
    if (entry === undefined) {
      const text = this.#texts[code];
      const total = isTotalRow(text);
      const position = total ? -1 : this.#resolve(text);
      entry = position >= 0 ? this.#unitEntry(position) : total ? TOTAL : null;
      this.#unitCells[code] = entry;
    }
    return entry;
  }

  #unitEntry(index: number): UnitEntry {
    let entry = this.#unitEntries[index];
    if (!entry) {
      const unit = this.#units[index];
      entry = { unit, index, reports: this.#reportsOf(unit), used: false, named: false };
      this.#unitEntries[index] = entry;
    }
    return entry;
  }

  /** Which items a unit reports, shared by units of a kind that no item names by code. */
  #reportsOf(unit: Unit): boolean[] {
    const named = this.#catalogue.namedReporters.has(unit.code);
    const cache = named ? this.#reportsByCode : this.#reportsByKind;
    const key = named ? unit.code : unit.kind;
    let list = cache.get(key);
    if (!list) {
      list = this.#catalogue.items.map((ind) => reports(ind, unit));
      cache.set(key, list);
    }
    return list;
  }

  /** The row's unit, or null after reporting an unknown one (a cell holding PII is not repeated). */
  unitOf(entry: UnitEntry | null, code: number, r: number, col: ColumnSpec): UnitEntry | null {
    if (this.#piiCount > 0 && this.isPii(col.index)) return null;
    if (entry !== null) entry.named = true;
    else if (!this.#errors.over("unknown_unit")) {
      this.#errors.add(unknownUnitFinding(r + 1, col.header, this.#texts[code]));
    }
    return entry;
  }

  /** The row's month when accepted, else null after reporting why (bad, uncovered, future). */
  monthOf(code: number, r: number, col: ColumnSpec): MonthEntry | null {
    if (this.#piiCount > 0 && this.isPii(col.index)) return null;
    let entry = this.#months[code];
    if (entry === undefined) {
      const verdict = acceptedMonth(this.#texts[code], this.#window);
      // one entry per month named: its `used` flag and index are shared by every spelling
      const key = verdict.problem === null ? verdict.month : null;
      entry = key === null ? undefined : this.#monthEntries.get(key);
      if (entry === undefined) {
        const index = verdict.month === null ? -1 : monthIndex(verdict.month) - MONTH_BASE;
        entry = { verdict, index, used: false };
        if (key !== null) this.#monthEntries.set(key, entry);
      }
      this.#months[code] = entry;
    }
    if (entry.verdict.problem === null) return entry;
    if (!this.#errors.over(entry.verdict.problem)) {
      this.#errors.add(monthFinding(entry.verdict, r + 1, col.header, this.#texts[code], this.#window));
    }
    return null;
  }

  /** The indicator a long-layout cell names, or null after reporting an unknown one. */
  indicatorOf(code: number, r: number, col: ColumnSpec): IndicatorName | null {
    if (this.#piiCount > 0 && this.isPii(col.index)) return null;
    let named = this.#indicators[code];
    if (named === undefined) {
      named = indicatorByName(this.#catalogue, this.#texts[code]);
      this.#indicators[code] = named;
    }
    if (named === null && !this.#errors.over("unknown_indicator")) {
      this.#errors.add(unknownIndicatorFinding(r + 1, col.header, this.#texts[code]));
    }
    if (named !== null && ytdRefused(named)) {
      if (!this.#errors.over("ytd_not_taken"))
        this.#errors.add(ytdNotTakenFinding(r + 1, col.header, named.indicator));
      return null;
    }
    return named;
  }

  /**
   * The value of a cell: a number, null (blank), or undefined when the cell yields no value (PII,
   * a finding, or an indicator the unit does not report).
   */
  valueOf(
    code: number,
    r: number,
    col: ColumnSpec,
    named: IndicatorName | null,
    unit: UnitEntry | null,
  ): number | null | undefined {
    if (code !== 0 && this.#piiCount > 0 && this.isPii(col.index)) return undefined;
    let parsed = this.#numbers[code];
    if (parsed === undefined) {
      parsed = parseNumber(this.#texts[code]);
      this.#numbers[code] = parsed;
    }
    if (named === null) {
      // the indicator is unknown, so only the rule that holds for every indicator applies
      if (!("error" in parsed)) return parsed.value;
      if (!this.#errors.over("not_a_number"))
        this.#errors.add(valueFinding("not_a_number", r + 1, col.header, this.#texts[code], null));
      return undefined;
    }
    const indicator = named.indicator;
    const problem = valueProblem(parsed, indicator);
    if (problem !== null) {
      if (!this.#errors.over(problem))
        this.#errors.add(valueFinding(problem, r + 1, col.header, this.#texts[code], indicator));
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

  /**
   * Codes of the units and the months of rows that had both a good unit and a good month, and
   * of every unit a data row named, sorted.
   */
  used(): { units: string[]; months: string[]; namedUnits: string[] } {
    const units: string[] = [];
    const namedUnits: string[] = [];
    for (const e of this.#unitEntries) {
      if (e?.used) units.push(e.unit.code);
      if (e?.named) namedUnits.push(e.unit.code);
    }
    const months: string[] = [];
    for (const e of this.#monthEntries.values()) if (e.used) months.push(e.verdict.month!);
    return { units: units.sort(), months: months.sort(), namedUnits: namedUnits.sort() };
  }
}
