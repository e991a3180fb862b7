/**
 * Month arithmetic on `YYYY-MM` text, the form every month takes once read: the ingest's checks,
 * the plan's periods, the report's series and the dashboard's axes all count months the same way.
 * Reading a month as people write it is etl/normalize/month.ts's.
 */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Months counted from year 0: `2022-08` → 2022·12 + 7. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month with the given index (inverse of monthIndex). */
export function monthAt(index: number): string {
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

/** The month `offset` months after (or before, if negative) `month`. */
export function addMonths(month: string, offset: number): string {
  return monthAt(monthIndex(month) + offset);
}

/** `2022-01` → `2021-12`. */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** `2022-12` → `2023-01`. */
export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

/** Every month from `first` to `last`, both included; empty when `first` is after `last`. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  const end = monthIndex(last);
  for (let i = monthIndex(first); i <= end; i++) out.push(monthAt(i));
  return out;
}

/** `count` consecutive months from `first`: planMonths("2022-01", 3) → 2022-01, 2022-02, 2022-03. */
export function planMonths(first: string, count: number): string[] {
  const start = monthIndex(first);
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthAt(start + i));
}
