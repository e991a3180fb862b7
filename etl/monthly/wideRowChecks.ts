/**
 * Checks of the wide layout that look beyond one cell: the same unit-month on two rows (identical
 * rows: one is kept, with a warning; different rows: refused, naming both), and the "其中" rule,
 * a part above its total on the same row. Unit-months are numeric keys (registry position · 4096
 * + months since 1900), so a million rows need no string keys.
 */
import { type Catalogue, totalOf } from "../../core/catalogue.ts";
import type { ColumnSpec } from "../normalize/header.ts";
import type { Unit } from "../normalize/unit.ts";
import type { FindingCollector } from "../validate/findingCollector.ts";
import { conflictingRowFinding, duplicateRowWarning } from "../validate/rowRules.ts";
import { exceedsTotal, exceedsTotalFinding } from "../validate/subsetRule.ts";
import type { MonthEntry, UnitEntry } from "./cellReader.ts";
import { KeyIndex } from "./keyIndex.ts";
import type { MonthlyValues } from "./monthlyValues.ts";

export type IndicatorColumn = Extract<ColumnSpec, { role: "indicator" }>;

export function unitLabel(unit: Unit): { zh: string; en: string } {
  return { zh: unit.name_zh, en: unit.name_en };
}

export class WideRowChecks {
  readonly #values: MonthlyValues;
  readonly #errors: FindingCollector;
  readonly #warnings: FindingCollector;
  readonly #columns: IndicatorColumn[];
  /** Per column: the column of its total with the same ytd flag, or -1. */
  readonly #totalColumn: number[];
  /** Per row: the staged value of each column; undefined when the cell gave none. */
  readonly #staged: (number | null | undefined)[];
  /** Unit-month key → index into the #first* lists, which describe the row kept for it. */
  readonly #rows: KeyIndex;
  readonly #firstRows: number[] = [];
  readonly #firstStarts: number[] = [];
  readonly #firstCounts: number[] = [];

  /** `expectedRows`: about how many rows are coming, to size the duplicate index once. */
  constructor(
    catalogue: Catalogue,
    values: MonthlyValues,
    errors: FindingCollector,
    warnings: FindingCollector,
    columns: IndicatorColumn[],
    expectedRows: number,
  ) {
    this.#values = values;
    this.#errors = errors;
    this.#warnings = warnings;
    this.#columns = columns;
    this.#rows = new KeyIndex(expectedRows);
    this.#staged = new Array(columns.length).fill(undefined);
    this.#totalColumn = columns.map((spec) => {
      const total = totalOf(catalogue, spec.indicator);
      return total ? columns.findIndex((s) => s.indicator === total && s.ytd === spec.ytd) : -1;
    });
  }

  startRow(): void {
    this.#staged.fill(undefined);
  }

  stage(column: number, value: number | null): void {
    this.#staged[column] = value;
  }

  /**
   * Ends a row of a known unit and accepted month: unless the unit-month came earlier, checks
   * its parts against their totals and keeps its values. False for an identical repeat, which
   * is not counted as a row.
   */
  endRow(key: number, unit: UnitEntry, month: MonthEntry, r: number): boolean {
    const columns = this.#columns;
    const first = this.#rows.claim(key, this.#firstRows.length);
    if (first >= 0) {
      const column = columns[0]?.header ?? "";
      const firstRow = this.#firstRows[first];
      const same = this.#sameAsStaged(this.#firstStarts[first], this.#firstCounts[first]);
      const repeated = { unit: unit.unit, month: month.verdict.month! };
      if (same) this.#warnings.add(duplicateRowWarning(r + 1, column, firstRow, repeated));
      else if (!this.#errors.over("conflicting_row")) {
        this.#errors.add(conflictingRowFinding(r + 1, column, firstRow, repeated));
      }
      return !same;
    }
    this.#checkParts(unit, month.verdict.month!, r);
    const start = this.#values.length;
    for (let i = 0; i < columns.length; i++) {
      const value = this.#staged[i];
      if (value === undefined) continue;
      const spec = columns[i];
      this.#values.push(unit.index, month.index, spec.ordinal, spec.ytd, value, r + 1, spec.index);
    }
    this.#firstRows.push(r + 1);
    this.#firstStarts.push(start);
    this.#firstCounts.push(this.#values.length - start);
    return true;
  }

  #checkParts(unit: UnitEntry, month: string, r: number): void {
    const staged = this.#staged;
    const columns = this.#columns;
    for (let i = 0; i < columns.length; i++) {
      const t = this.#totalColumn[i];
      if (t < 0) continue;
      const part = staged[i];
      const total = staged[t];
      if (part === undefined || total === undefined || !exceedsTotal(part, total)) continue;
      if (this.#errors.over("exceeds_total")) continue;
      this.#errors.add(
        exceedsTotalFinding(
          { row: r + 1, column: columns[i].header, unit: unitLabel(unit.unit), month },
          { indicator: columns[i].indicator, value: part! },
          { indicator: columns[t].indicator, value: total!, row: r + 1 },
        ),
      );
    }
  }

  #sameAsStaged(start: number, count: number): boolean {
    let k = 0;
    for (let i = 0; i < this.#columns.length; i++) {
      const value = this.#staged[i];
      if (value === undefined) continue;
      if (k >= count) return false;
      const kept = start + k++;
      const spec = this.#columns[i];
      if (
        this.#values.slot(kept) !== spec.ordinal * 2 + (spec.ytd ? 1 : 0) ||
        this.#values.value(kept) !== value
      )
        return false;
    }
    return k === count;
  }
}
