/**
 * Median and MAD (median absolute deviation) of a few values — a unit's months of one item.
 * Both are the middle of the values in order (the mean of the two middle ones for an even
 * count); the MAD is the median of the distances from the median. Each middle is found by
 * selection (Hoare's quickselect), without sorting, in the caller's scratch arrays, so a report
 * computes them for hundreds of thousands of series without allocating.
 */

/** Reorders the first `n` values so that a[k] is the k-th smallest, smaller ones before it, larger after. */
function select(a: Float64Array, n: number, k: number): void {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The middle of the first `n` values (NaN when n is 0); reorders them. */
function middle(a: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  select(a, n, h);
  if (n % 2) return a[h];
  let below = a[0];
  for (let i = 1; i < h; i++) if (a[i] > below) below = a[i];
  return (below + a[h]) / 2;
}

/**
 * The median and MAD of the first `n` values of `values`, which it reorders; `scratch` (at least
 * n long) is overwritten. NaN for both when n is 0.
 */
export function medianAndMad(
  values: Float64Array,
  n: number,
  scratch: Float64Array,
): { med: number; mad: number } {
  const med = middle(values, n);
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(values[i] - med);
  return { med, mad: middle(scratch, n) };
}
