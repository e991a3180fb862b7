/**
 * Data rows per unit-month, as the file held them: a submission records, for each unit-month it
 * carries, how many of its rows gave values (the values of one row are adjacent). Counted on the
 * numeric unit-month keys of the parsed values, without a string or object per row.
 */

import { KeyIndex } from "./keyIndex.ts";
import { MONTH_SLOTS as MONTHS, type MonthlyValues } from "./monthlyValues.ts";

export interface UnitMonthRows {
  count: number;
  /** By unit-month: its unit (registry position), month (months since 1900-01) and data rows. */
  units: Int32Array;
  months: Int32Array;
  rows: Int32Array;
}

/**
 * The unit-months of the values with their rows, grouped by unit in the order units first
 * appear, and within a unit in the order its months first appear.
 */
export function unitMonthRows(values: MonthlyValues): UnitMonthRows {
  const n = values.length;
  const index = new KeyIndex(n);
  const keys = new Float64Array(n);
  const rows = new Int32Array(n);
  let count = 0;
  let slot = -1;
  let lastRow = -1;
  let lastKey = -1;
  // while each unit-month comes after the one before it, the units are grouped already
  let ascending = true;
  for (let i = 0; i < n; i++) {
    const key = values.unit(i) * MONTHS + values.month(i);
    const row = values.row(i);
    if (key === lastKey) {
      // the unit-month of the value before: another row of it, or another value of that row
      if (row !== lastRow) rows[slot]++;
      lastRow = row;
      continue;
    }
    if (key < lastKey) ascending = false;
    slot = index.claim(key, count);
    if (slot < 0) {
      slot = count++;
      keys[slot] = key;
    }
    rows[slot]++;
    lastRow = row;
    lastKey = key;
  }
  const order = ascending ? null : groupedByUnit(keys, count);
  const out = {
    count,
    units: new Int32Array(count),
    months: new Int32Array(count),
    rows: new Int32Array(count),
  };
  for (let k = 0; k < count; k++) {
    const s = order === null ? k : order[k];
    out.units[k] = Math.floor(keys[s] / MONTHS);
    out.months[k] = keys[s] % MONTHS;
    out.rows[k] = rows[s];
  }
  return out;
}

/** The order that puts each unit's months together, or null when they already are. */
function groupedByUnit(keys: Float64Array, count: number): Float64Array | null {
  // rank of each unit by first appearance; grouped already unless a unit comes back later
  const rank = new Map<number, number>();
  let grouped = true;
  let previous = -1;
  for (let s = 0; s < count; s++) {
    const unit = Math.floor(keys[s] / MONTHS);
    if (unit === previous) continue;
    if (rank.has(unit)) grouped = false;
    else rank.set(unit, rank.size);
    previous = unit;
  }
  if (grouped) return null;
  const order = new Float64Array(count);
  for (let s = 0; s < count; s++) order[s] = rank.get(Math.floor(keys[s] / MONTHS))! * 2 ** 32 + s;
  order.sort();
  for (let k = 0; k < count; k++) order[k] %= 2 ** 32;
  return order;
}
