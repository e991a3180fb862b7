/**
 * Median and MAD (median absolute deviation) of a few values — a unit's months of one item.
 * Both are the middle of the sorted values (the mean of the two middle ones for an even count);
 * the MAD is the median of the distances from the median. The values are sorted in place in a
 * caller's scratch array, so a report computes them for hundreds of thousands of series without
 * allocating.
 */

/** The middle of the first `n` values of an ascending array (NaN when n is 0). */
function middle(sorted: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/**
 * The median and MAD of the first `n` values of `values`, which it reorders (sorted ascending)
 * and `scratch` (at least n long), which it overwrites. NaN for both when n is 0.
 */
export function medianAndMad(
  values: Float64Array,
  n: number,
  scratch: Float64Array,
): { med: number; mad: number } {
  const head = values.subarray(0, n).sort();
  const med = middle(head, n);
  const d = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) d[i] = Math.abs(head[i] - med);
  d.sort();
  return { med, mad: middle(d, n) };
}
