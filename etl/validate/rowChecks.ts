/**
 * The checks that look beyond one cell while a monthly grid is read: the same unit-month twice
 * in a file (per row in the wide layout, per unit-month-indicator in the long one) and the
 * "其中" rule, a part above its total in the same unit-month. Unit-months are numeric keys
 * (registry position · 4096 + months since 1900), so a million rows need no string keys.
 */
import { INDICATOR_BY_KEY } from "../indicators.ts";
import type { ColumnSpec } from "../normalize/header.ts";
import { type IndicatorName, indicatorOrdinal } from "../normalize/indicatorName.ts";
import type { Unit } from "../normalize/unit.ts";
import type { ParsedValue, UnitEntry } from "../parseMonthly.ts";
import type { FindingCollector } from "./findingCollector.ts";
import { KeyIndex } from "./keyIndex.ts";
import { conflictingRowFinding, duplicateRowWarning } from "./rowRules.ts";
import { exceedsTotal, exceedsTotalFinding, totalOf } from "./subsetRule.ts";

export type IndicatorColumn = Extract<ColumnSpec, { role: "indicator" }>;

function label(unit: Unit): { zh: string; en: string } {
  return { zh: unit.name_zh, en: unit.name_en };
}

/** Two slots per indicator: the month's figure and the year-to-date one. */
const SLOTS = 64;

function slotOf(named: IndicatorName): number {
  return named.ordinal * 2 + (named.ytd ? 1 : 0);
}

export class RowChecks {
  readonly #values: ParsedValue[];
  readonly #errors: FindingCollector;
  readonly #warnings: FindingCollector;
  readonly #wide: IndicatorColumn[];
  /** Wide layout, per column: the column of its total with the same ytd flag, or -1. */
  readonly #totalColumn: number[];
  /** Per row: the staged value of each wide column; undefined when the cell gave none. */
  readonly #staged: (number | null | undefined)[];
  /** Wide layout: unit-month key → index into #firstRows/#firstStarts/#firstCounts. */
  readonly #rows: KeyIndex;
  readonly #firstRows: number[] = [];
  readonly #firstStarts: number[] = [];
  readonly #firstCounts: number[] = [];
  /** Long layout: unit-month key · SLOTS + slot → index of the value. */
  readonly #cells: KeyIndex;
  /** Long layout: indices of values that have a total, and the key of that total. */
  readonly #parts: number[] = [];
  readonly #partTotals: number[] = [];

  /** `expectedRows`: about how many rows are coming, to size the duplicate index once. */
  constructor(
    values: ParsedValue[],
    errors: FindingCollector,
    warnings: FindingCollector,
    wide: IndicatorColumn[],
    expectedRows: number,
  ) {
    this.#values = values;
    this.#errors = errors;
    this.#warnings = warnings;
    this.#wide = wide;
    this.#rows = new KeyIndex(wide.length > 0 ? expectedRows : 16);
    this.#cells = new KeyIndex(wide.length > 0 ? 16 : expectedRows);
    this.#staged = new Array(wide.length).fill(undefined);
    this.#totalColumn = wide.map((spec) => {
      const total = totalOf(spec.indicator);
      return total ? wide.findIndex((s) => s.indicator === total && s.ytd === spec.ytd) : -1;
    });
  }

  startRow(): void {
    this.#staged.fill(undefined);
  }

  stage(column: number, value: number | null): void {
    this.#staged[column] = value;
  }

  /**
   * Ends a wide row of a known unit and accepted month: checks its parts against their totals,
   * then keeps its values unless the unit-month came earlier. False for an identical repeat,
   * which is not counted as a row.
   */
  endRow(key: number, unit: UnitEntry, month: string, r: number): boolean {
    const staged = this.#staged;
    const wide = this.#wide;
    for (let i = 0; i < wide.length; i++) {
      const t = this.#totalColumn[i];
      if (t < 0) continue;
      const part = staged[i];
      const total = staged[t];
      if (part === undefined || total === undefined || !exceedsTotal(part, total)) continue;
      if (this.#errors.over("exceeds_total")) continue;
      this.#errors.add(
        exceedsTotalFinding(
          { row: r + 1, column: wide[i].header, unit: label(unit.unit), month },
          { indicator: wide[i].indicator, value: part! },
          { indicator: wide[t].indicator, value: total!, row: r + 1 },
        ),
      );
    }
    const first = this.#rows.get(key);
    if (first >= 0) {
      const column = wide[0]?.header ?? "";
      const firstRow = this.#firstRows[first];
      const same = this.#sameAsStaged(this.#firstStarts[first], this.#firstCounts[first]);
      const repeated = { unit: unit.unit, month };
      if (same) this.#warnings.add(duplicateRowWarning(r + 1, column, firstRow, repeated));
      else if (!this.#errors.over("conflicting_row")) {
        this.#errors.add(conflictingRowFinding(r + 1, column, firstRow, repeated));
      }
      return !same;
    }
    const start = this.#values.length;
    for (let i = 0; i < wide.length; i++) {
      const value = staged[i];
      if (value === undefined) continue;
      const spec = wide[i];
      this.#values.push({
        unit: unit.unit.code,
        month,
        indicator: spec.indicator.key,
        value,
        ytd: spec.ytd,
        row: r + 1,
        column: spec.header,
      });
    }
    this.#rows.set(key, this.#firstRows.length);
    this.#firstRows.push(r + 1);
    this.#firstStarts.push(start);
    this.#firstCounts.push(this.#values.length - start);
    return true;
  }

  #sameAsStaged(start: number, count: number): boolean {
    let k = 0;
    for (let i = 0; i < this.#wide.length; i++) {
      const value = this.#staged[i];
      if (value === undefined) continue;
      if (k >= count) return false;
      const kept = this.#values[start + k++];
      if (
        kept.indicator !== this.#wide[i].indicator.key ||
        kept.ytd !== this.#wide[i].ytd ||
        kept.value !== value
      ) {
        return false;
      }
    }
    return k === count;
  }

  /**
   * A long-layout cell of a known unit and accepted month: kept unless the same
   * unit-month-indicator came earlier. False for an identical repeat, not counted as a row.
   */
  cell(
    key: number,
    unit: UnitEntry,
    month: string,
    named: IndicatorName,
    value: number | null,
    r: number,
    column: string,
  ): boolean {
    const slot = slotOf(named);
    const cellKey = key * SLOTS + slot;
    const first = this.#cells.get(cellKey);
    if (first >= 0) {
      const kept = this.#values[first];
      const repeated = { unit: unit.unit, month, indicator: named.indicator };
      if (kept.value === value) this.#warnings.add(duplicateRowWarning(r + 1, column, kept.row, repeated));
      else if (!this.#errors.over("conflicting_row")) {
        this.#errors.add(conflictingRowFinding(r + 1, column, kept.row, repeated));
      }
      return kept.value !== value;
    }
    const total = named.indicator.subsetOf === undefined ? undefined : totalOf(named.indicator);
    if (total) {
      this.#parts.push(this.#values.length);
      this.#partTotals.push(key * SLOTS + indicatorOrdinal(total) * 2 + (named.ytd ? 1 : 0));
    }
    this.#cells.set(cellKey, this.#values.length);
    this.#values.push({
      unit: unit.unit.code,
      month,
      indicator: named.indicator.key,
      value,
      ytd: named.ytd,
      row: r + 1,
      column,
    });
    return true;
  }

  /** Long layout, once all rows are read: each part against its total in the same unit-month. */
  subsetAcrossRows(unitByCode: (code: string) => Unit | undefined): void {
    for (let i = 0; i < this.#parts.length; i++) {
      const part = this.#values[this.#parts[i]];
      const at = this.#cells.get(this.#partTotals[i]);
      if (at < 0) continue;
      const total = this.#values[at];
      if (!exceedsTotal(part.value, total.value) || this.#errors.over("exceeds_total")) continue;
      const partIndicator = INDICATOR_BY_KEY.get(part.indicator)!;
      const unit = unitByCode(part.unit);
      this.#errors.add(
        exceedsTotalFinding(
          {
            row: part.row,
            column: part.column,
            unit: unit ? label(unit) : { zh: part.unit, en: part.unit },
            month: part.month,
          },
          { indicator: partIndicator, value: part.value! },
          { indicator: totalOf(partIndicator)!, value: total.value!, row: total.row },
        ),
      );
    }
  }
}
