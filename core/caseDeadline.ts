/**
 * The deadline of a case (docs/contract.md §4): a zero-employment family is to be placed within one
 * calendar month of being identified, a hardship person within three, the day clamped at month
 * end (2022-01-31 + 1 month = 2022-02-28). One definition serves both places the rule runs: the
 * ledger checks, the demo and the tests compute it in TypeScript (`deadlineOf`), and the view
 * v_cases and the as-reported ledger query compute it in SQL generated from the same table
 * (`caseDeadlineSql`); DuckDB's `date + INTERVAL n MONTH` clamps at month end exactly as
 * `addCalendarMonths` does (warehouse/casesView.test.ts runs both over the awkward days).
 */
export type CaseCategory = "zero_family" | "hardship";

/** Calendar months allowed from identification to employment, per category. */
const DEADLINE_MONTHS: Readonly<Record<CaseCategory, number>> = { zero_family: 1, hardship: 3 };

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The date `months` calendar months after `date` (YYYY-MM-DD), clamped at month end:
 * 2022-01-31 + 1 month = 2022-02-28, 2024-01-31 + 1 month = 2024-02-29.
 */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function deadlineOf(category: CaseCategory, identifiedOn: string): string {
  return addCalendarMonths(identifiedOn, DEADLINE_MONTHS[category]);
}

/**
 * The deadline as a DuckDB expression over a category column and an identification-date column
 * (both SQL expressions the caller controls, never user input). The last category is the ELSE
 * branch, as the view has always had it.
 */
export function caseDeadlineSql(category: string, identifiedOn: string): string {
  const entries = Object.entries(DEADLINE_MONTHS);
  const [, lastMonths] = entries[entries.length - 1];
  const whens = entries
    .slice(0, -1)
    .map(([name, months]) => `WHEN '${name}' THEN INTERVAL ${months} MONTH `)
    .join("");
  return `CAST(${identifiedOn} + CASE ${category} ${whens}ELSE INTERVAL ${lastMonths} MONTH END AS DATE)`;
}
