/**
 * Every unit's monthly values of every reported item a report reads: per item k, one Float64Array
 * of `months` rows of `units` slots — month slot j of unit u at j × units + u, slot 0 the baseline
 * month, slot 1 + i the period's month i — NaN where nothing was counted. Months are rows because
 * the facts come month by month, so the cells of a chunk land next to each other. An item's array
 * is made when its first cell arrives, so items without data cost nothing. `seen[k]` marks the
 * units with at least one value of item k in those months. Filled chunk by chunk from the facts
 * query (one number per cell names its slot), it replaces a row object per figure.
 */
export interface MonthlySeries {
  units: number;
  items: number;
  /** Slots per series: the baseline month and the period's months up to as-of. */
  months: number;
  /** Per item: its units' series, or null when it has no cell. */
  values: (Float64Array | null)[];
  seen: (Uint8Array | null)[];
}

export function emptySeries(units: number, items: number, months: number): MonthlySeries {
  return {
    units,
    items,
    months,
    values: new Array<Float64Array | null>(items).fill(null),
    seen: new Array<Uint8Array | null>(items).fill(null),
  };
}

/**
 * Records `rows` cells: slot i = (k × months + month slot) × units + u, with its value. Two
 * values for one cell keep the larger.
 */
export function putCells(
  series: MonthlySeries,
  slots: Float64Array,
  cells: Float64Array,
  rows: number,
): void {
  const block = series.units * series.months;
  const units = series.units;
  let k = -1;
  let values: Float64Array = new Float64Array(0);
  let seen: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < rows; i++) {
    const slot = slots[i];
    const item = Math.floor(slot / block);
    if (item !== k) {
      k = item;
      values = series.values[k] ?? new Float64Array(block).fill(Number.NaN);
      seen = series.seen[k] ?? new Uint8Array(units);
      series.values[k] = values;
      series.seen[k] = seen;
    }
    const at = slot - k * block;
    const old = values[at];
    const value = cells[i];
    values[at] = Number.isNaN(old) || value > old ? value : old;
    seen[at % units] = 1;
  }
}
