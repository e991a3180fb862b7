/**
 * Month arithmetic on `YYYY-MM` text, for laying out a plan's months on axes and matrices.
 */

/** Months counted from year 0: `2022-08` → 2022·12 + 7. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month with the given index (inverse of monthIndex). */
export function monthAt(index: number): string {
  const m = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${m < 10 ? "0" : ""}${m}`;
}

/** `count` consecutive months from `first`: planMonths("2022-01", 3) → 2022-01, 2022-02, 2022-03. */
export function planMonths(first: string, count: number): string[] {
  const start = monthIndex(first);
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthAt(start + i));
}

/** The month `offset` months after (or before, if negative) `month`. */
export function addMonths(month: string, offset: number): string {
  return monthAt(monthIndex(month) + offset);
}
