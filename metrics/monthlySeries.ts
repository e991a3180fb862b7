/**
 * Every unit's monthly values of every reported item a report reads, in one Float64Array: for
 * unit u and item k, `months` slots starting at (u × items + k) × months — slot 0 the baseline
 * month, slot 1 + i the period's month i — NaN where nothing was counted. `seen` marks the
 * (unit, item) pairs with at least one value in those months. Filled cell by cell from the
 * facts query (one number per cell names its slot), it replaces a row object per figure.
 */
export interface MonthlySeries {
  units: number;
  items: number;
  /** Slots per series: the baseline month and the period's months up to as-of. */
  months: number;
  values: Float64Array;
  seen: Uint8Array;
}

export function emptySeries(units: number, items: number, months: number): MonthlySeries {
  return {
    units,
    items,
    months,
    values: new Float64Array(units * items * months).fill(Number.NaN),
    seen: new Uint8Array(units * items),
  };
}

/** Records one cell: `slot` = (u × items + k) × months + month slot. Two values for one cell keep the larger. */
export function putCell(series: MonthlySeries, slot: number, value: number): void {
  const old = series.values[slot];
  series.values[slot] = Number.isNaN(old) || value > old ? value : old;
  series.seen[Math.floor(slot / series.months)] = 1;
}
