/**
 * Median and MAD (median absolute deviation) of a row's month columns, in plain SQL arithmetic.
 * Holistic aggregates (median(), mad()) over hundreds of thousands of (unit, item) groups cost
 * more than the whole report otherwise does; a sorting network over the at most 48 columns of a
 * row costs a few hundred least()/greatest() calls per row instead. The values are sorted with
 * Batcher's odd–even merge sort; their distances from the median, which fall and then rise along
 * the sorted values (a bitonic sequence), need only a bitonic merge. Missing months sort last as
 * +∞, comparators that only touch that padding are dropped, and both medians are taken over the
 * months present.
 */

/** Comparator layers sorting n values ascending: each [a, b] puts the smaller in a. */
export function sortingLayers(n: number): [number, number][][] {
  let size = 1;
  while (size < n) size *= 2;
  const layers: [number, number][][] = [];
  for (let p = 1; p < size; p *= 2) {
    for (let k = p; k >= 1; k = Math.floor(k / 2)) {
      const layer: [number, number][] = [];
      for (let j = k % p; j + k < size; j += 2 * k) {
        for (let i = 0; i < Math.min(k, size - j - k); i++) {
          if (Math.floor((i + j) / (2 * p)) === Math.floor((i + j + k) / (2 * p)))
            layer.push([i + j, i + j + k]);
        }
      }
      const kept = layer.filter(([, b]) => b < n);
      if (kept.length) layers.push(kept);
    }
  }
  return layers;
}

/** Comparator layers sorting a bitonic sequence (falling then rising) of n values ascending. */
export function bitonicMergeLayers(n: number): [number, number][][] {
  let size = 1;
  while (size < n) size *= 2;
  const layers: [number, number][][] = [];
  for (let k = size / 2; k >= 1; k /= 2) {
    const layer: [number, number][] = [];
    for (let i = 0; i < size; i++) if ((i & k) === 0 && i + k < n) layer.push([i, i + k]);
    if (layer.length) layers.push(layer);
  }
  return layers;
}

/** Wraps `from` in one projection per layer, applying the comparators to the columns `${prefix}0…`. */
function sorted(from: string, prefix: string, layers: [number, number][][]): string {
  let sql = from;
  for (const layer of layers) {
    const swaps = layer.flatMap(([a, b]) => [
      `least(${prefix}${a}, ${prefix}${b}) AS ${prefix}${a}`,
      `greatest(${prefix}${a}, ${prefix}${b}) AS ${prefix}${b}`,
    ]);
    sql = `SELECT * REPLACE (${swaps.join(", ")}) FROM (${sql})`;
  }
  return sql;
}

/** The middle of the first `count` sorted columns (null when count is 0). */
function middle(prefix: string, n: number, count: string): string {
  const cases = Array.from({ length: n }, (_, i) => {
    const k = i + 1;
    const value = k % 2 ? `${prefix}${(k - 1) / 2}` : `(${prefix}${k / 2 - 1} + ${prefix}${k / 2}) / 2`;
    return `WHEN ${k} THEN ${value}`;
  });
  return `(CASE ${count} ${cases.join(" ")} END)`;
}

/**
 * Adds `n_months` (months present), `med` and `mad` to the rows of `from`, computed over its
 * columns c0 … c{n-1}; the helper columns s… and d… are dropped again.
 */
export function withMedianAndMad(from: string, n: number): string {
  const cols = Array.from({ length: n }, (_, i) => i);
  const present = cols.map((i) => `(CASE WHEN c${i} IS NULL THEN 0 ELSE 1 END)`).join(" + ");
  const start = `SELECT *, (${present})::INTEGER AS n_months, ${cols.map((i) => `coalesce(c${i}, 'inf'::DOUBLE) AS s${i}`).join(", ")} FROM (${from})`;
  const withMedian = `SELECT *, ${middle("s", n, "n_months")} AS med FROM (${sorted(start, "s", sortingLayers(n))})`;
  const deviations = `SELECT *, ${cols.map((i) => `(CASE WHEN n_months > ${i} THEN abs(s${i} - med) ELSE 'inf'::DOUBLE END) AS d${i}`).join(", ")} FROM (${withMedian})`;
  const helpers = cols.flatMap((i) => [`s${i}`, `d${i}`]).join(", ");
  return `SELECT * EXCLUDE (${helpers}), ${middle("d", n, "n_months")} AS mad FROM (${sorted(deviations, "d", bitonicMergeLayers(n))})`;
}
