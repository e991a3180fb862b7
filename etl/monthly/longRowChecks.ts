/**
 * Checks of the long layout (`unit, month, indicator, value`) that look beyond one row: the same
 * unit-month-indicator twice (equal: one is kept, with a warning; different: refused, naming both
 * rows), and the "其中" rule, a part above its total in the same unit-month, wherever in the file
 * the two rows stand.
 *
 * Rows mostly come grouped by unit and month, so the cells of the unit-month being read sit in a
 * small slot table; the index of unit-months is consulted only when the group changes. A
 * unit-month that comes back later in the file has its earlier cells reloaded from the runs
 * ("segments") of values it left behind.
 */
import type { Catalogue, IndicatorName } from "../../core/catalogue.ts";
import type { ColumnSpec } from "../normalize/header.ts";
import type { FindingCollector } from "../validate/findingCollector.ts";
import { conflictingRowFinding, duplicateRowWarning } from "../validate/rowRules.ts";
import { exceedsTotal, exceedsTotalFinding } from "../validate/subsetRule.ts";
import type { MonthEntry, UnitEntry } from "./cellReader.ts";
import { KeyIndex } from "./keyIndex.ts";
import type { MonthlyValues } from "./monthlyValues.ts";
import { unitLabel } from "./wideRowChecks.ts";

export class LongRowChecks {
  readonly #catalogue: Catalogue;
  readonly #totalOrdinal: readonly number[];
  readonly #partOrdinals: readonly (readonly number[])[];
  readonly #values: MonthlyValues;
  readonly #errors: FindingCollector;
  readonly #warnings: FindingCollector;
  /** The unit-month key being read, and the value index of each of its slots (-1: none yet). */
  #current = -1;
  /** Two slots per item: the month's figure and the year-to-date one. */
  readonly #slots: Int32Array;
  /** The slots set since the group began (the first #touchedCount), to clear them cheaply. */
  readonly #touched: number[] = [];
  #touchedCount = 0;
  /** Unit-month key → its latest segment; each segment links to the one before it. */
  readonly #groups: KeyIndex;
  /** By segment: where its values start, and the unit-month's segment before it (-1: none). */
  #segmentStart = new Int32Array(1024);
  #segmentPrevious = new Int32Array(1024);
  #segments = 0;

  /** `expectedRows`: about how many rows are coming, to size the index once. */
  constructor(
    catalogue: Catalogue,
    values: MonthlyValues,
    errors: FindingCollector,
    warnings: FindingCollector,
    expectedRows: number,
  ) {
    this.#catalogue = catalogue;
    this.#totalOrdinal = catalogue.totalOrdinal;
    this.#partOrdinals = catalogue.partOrdinals;
    this.#slots = new Int32Array(catalogue.items.length * 2).fill(-1);
    this.#values = values;
    this.#errors = errors;
    this.#warnings = warnings;
    this.#groups = new KeyIndex(expectedRows);
  }

  /**
   * A cell of a known unit and accepted month: kept unless the same unit-month-indicator came
   * earlier. False for an equal repeat, which is not counted as a row.
   */
  cell(
    key: number,
    unit: UnitEntry,
    month: MonthEntry,
    named: IndicatorName,
    value: number | null,
    r: number,
    column: ColumnSpec,
  ): boolean {
    if (key !== this.#current) this.#enter(key);
    const slot = named.ordinal * 2 + (named.ytd ? 1 : 0);
    const first = this.#slots[slot];
    if (first >= 0) {
      const values = this.#values;
      const keptValue = values.value(first);
      const repeated = { unit: unit.unit, month: month.verdict.month!, indicator: named.indicator };
      if (keptValue === value)
        this.#warnings.add(duplicateRowWarning(r + 1, column.header, values.row(first), repeated));
      else if (!this.#errors.over("conflicting_row")) {
        this.#errors.add(conflictingRowFinding(r + 1, column.header, values.row(first), repeated));
      }
      return keptValue !== value;
    }
    const index = this.#values.push(
      unit.index,
      month.index,
      named.ordinal,
      named.ytd,
      value,
      r + 1,
      column.index,
    );
    this.#slots[slot] = index;
    this.#touched[this.#touchedCount++] = slot;
    if (value !== null) this.#checkParts(named.ordinal, slot & 1, index, unit);
    return true;
  }

  /** Starts reading another unit-month, with the cells it already has when it comes back. */
  #enter(key: number): void {
    for (let i = 0; i < this.#touchedCount; i++) this.#slots[this.#touched[i]] = -1;
    this.#touchedCount = 0;
    this.#current = key;
    const segment = this.#segments;
    const previous = this.#groups.claim(key, segment);
    if (previous >= 0) this.#groups.set(key, segment);
    if (segment === this.#segmentStart.length) this.#growSegments();
    this.#segmentStart[segment] = this.#values.length;
    this.#segmentPrevious[segment] = previous;
    this.#segments = segment + 1;
    for (let s = previous; s >= 0; s = this.#segmentPrevious[s]) {
      const end = this.#segmentStart[s + 1];
      for (let i = this.#segmentStart[s]; i < end; i++) {
        const slot = this.#values.slot(i);
        this.#slots[slot] = i;
        this.#touched[this.#touchedCount++] = slot;
      }
    }
  }

  #growSegments(): void {
    const start = new Int32Array(this.#segmentStart.length * 2);
    start.set(this.#segmentStart);
    this.#segmentStart = start;
    const previous = new Int32Array(this.#segmentPrevious.length * 2);
    previous.set(this.#segmentPrevious);
    this.#segmentPrevious = previous;
  }

  /** The new value against its total and against its parts, as far as they are already read. */
  #checkParts(ordinal: number, ytd: number, index: number, unit: UnitEntry): void {
    const total = this.#totalOrdinal[ordinal];
    if (total >= 0) {
      const at = this.#slots[total * 2 + ytd];
      if (at >= 0) this.#compare(index, at, unit);
    }
    const parts = this.#partOrdinals[ordinal];
    for (let i = 0; i < parts.length; i++) {
      const at = this.#slots[parts[i] * 2 + ytd];
      if (at >= 0) this.#compare(at, index, unit);
    }
  }

  #compare(partIndex: number, totalIndex: number, unit: UnitEntry): void {
    const values = this.#values;
    const part = values.value(partIndex);
    const total = values.value(totalIndex);
    if (!exceedsTotal(part, total) || this.#errors.over("exceeds_total")) return;
    const at = { row: values.row(partIndex), column: values.column(partIndex), unit: unitLabel(unit.unit) };
    this.#errors.add(
      exceedsTotalFinding(
        { ...at, month: values.monthText(partIndex) },
        { indicator: this.#catalogue.items[values.ordinal(partIndex)], value: part! },
        {
          indicator: this.#catalogue.items[values.ordinal(totalIndex)],
          value: total!,
          row: values.row(totalIndex),
        },
      ),
    );
  }
}
