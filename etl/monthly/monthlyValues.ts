/**
 * The values of a monthly template as parsed, held column by column in typed arrays rather than
 * as an object per value: a million-row file costs some twenty megabytes and no garbage. A value
 * names its unit by registry position, its month by months since 1900-01, its item by its
 * position in the file's catalogue and its column by grid index; `at(i)` builds the object form
 * (ParsedValue) where one is wanted: a test, or the year-to-date conversion of monthlyFlows.
 */
import type { Catalogue } from "../../core/catalogue.ts";
import { monthAt } from "../../core/month.ts";
import type { ParsedValue } from "./parseMonthly.ts";

/** Months are numbered from 1900-01: month index + MONTH_BASE is monthIndex(month). */
export const MONTH_BASE = 1900 * 12;

/**
 * Unit-months are numbered registry position · MONTH_SLOTS + month index: months up to 2199
 * (parseMonth's last year) fit below it, so a key is one number, not a string.
 */
export const MONTH_SLOTS = 4096;

function grown<T extends Int32Array | Float64Array | Uint16Array>(array: T, make: (n: number) => T): T {
  const next = make(array.length * 2);
  next.set(array);
  return next;
}

export class MonthlyValues {
  length = 0;
  /** Whether any value is a year-to-date figure. */
  hasYtd = false;
  #unit: Int32Array;
  #month: Int32Array;
  /** ordinal · 2 + 1 for a year-to-date figure. */
  #slot: Uint16Array;
  /** NaN where the cell was blank (null). */
  #value: Float64Array;
  #row: Int32Array;
  #column: Int32Array;
  readonly #catalogue: Catalogue;
  readonly #units: readonly { code: string }[];
  readonly #headers: readonly string[];
  readonly #monthTexts: string[] = [];

  /**
   * `catalogue`: the items the ordinals refer to; `units`: the registry the unit positions refer
   * to; `headers`: by grid column, the header as written; `expected`: about how many values are coming.
   */
  constructor(
    catalogue: Catalogue,
    units: readonly { code: string }[],
    headers: readonly string[],
    expected = 64,
  ) {
    const n = Math.max(16, expected);
    this.#catalogue = catalogue;
    this.#units = units;
    this.#headers = headers;
    this.#unit = new Int32Array(n);
    this.#month = new Int32Array(n);
    this.#slot = new Uint16Array(n);
    this.#value = new Float64Array(n);
    this.#row = new Int32Array(n);
    this.#column = new Int32Array(n);
  }

  /** Adds a value; `row` as Excel numbers it. Returns its index. */
  push(
    unit: number,
    month: number,
    ordinal: number,
    ytd: boolean,
    value: number | null,
    row: number,
    column: number,
  ): number {
    const i = this.length;
    if (i === this.#unit.length) this.#grow();
    this.#unit[i] = unit;
    this.#month[i] = month;
    this.#slot[i] = ordinal * 2 + (ytd ? 1 : 0);
    this.#value[i] = value === null ? Number.NaN : value;
    this.#row[i] = row;
    this.#column[i] = column;
    if (ytd) this.hasYtd = true;
    this.length = i + 1;
    return i;
  }

  /** The units, months and numbers (NaN: blank) of the values, as views of the arrays they are kept in. */
  columns(): { units: Int32Array; months: Int32Array; values: Float64Array } {
    const n = this.length;
    return {
      units: this.#unit.subarray(0, n),
      months: this.#month.subarray(0, n),
      values: this.#value.subarray(0, n),
    };
  }

  unit(i: number): number {
    return this.#unit[i];
  }

  month(i: number): number {
    return this.#month[i];
  }

  /** The item's catalogue ordinal · 2, + 1 for a year-to-date figure. */
  slot(i: number): number {
    return this.#slot[i];
  }

  ordinal(i: number): number {
    return this.#slot[i] >> 1;
  }

  /** The number, or null for a blank cell. */
  value(i: number): number | null {
    const v = this.#value[i];
    return Number.isNaN(v) ? null : v;
  }

  row(i: number): number {
    return this.#row[i];
  }

  /** The header of the value's column, as written. */
  column(i: number): string {
    return this.#headers[this.#column[i]] ?? "";
  }

  unitCode(i: number): string {
    return this.#units[this.#unit[i]].code;
  }

  /** The month as YYYY-MM. */
  monthText(i: number): string {
    const m = this.#month[i];
    this.#monthTexts[m] ??= monthAt(m + MONTH_BASE);
    return this.#monthTexts[m];
  }

  at(i: number): ParsedValue {
    return {
      unit: this.unitCode(i),
      month: this.monthText(i),
      indicator: this.#catalogue.items[this.ordinal(i)].key,
      value: this.value(i),
      ytd: (this.#slot[i] & 1) === 1,
      row: this.#row[i],
      column: this.column(i),
    };
  }

  toArray(): ParsedValue[] {
    const out = new Array<ParsedValue>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  #grow(): void {
    this.#unit = grown(this.#unit, (n) => new Int32Array(n));
    this.#month = grown(this.#month, (n) => new Int32Array(n));
    this.#slot = grown(this.#slot, (n) => new Uint16Array(n));
    this.#value = grown(this.#value, (n) => new Float64Array(n));
    this.#row = grown(this.#row, (n) => new Int32Array(n));
    this.#column = grown(this.#column, (n) => new Int32Array(n));
  }
}
