/**
 * Dates of the case ledger: `2022-03-05`, `2022/3/5`, `2022.3.5`, `2022年3月5日`, full-width
 * digits, or an Excel date cell already rendered as YYYY-MM-DD. Returns YYYY-MM-DD or null.
 */
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

export function parseCaseDate(text: string): string | null {
  const s = text.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  const m =
    /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

export type CaseCategory = "zero_family" | "hardship";

/** Months allowed from identification to employment (CONTRACT §4). */
export const DEADLINE_MONTHS: Record<CaseCategory, number> = { zero_family: 1, hardship: 3 };

export function deadlineOf(category: CaseCategory, identifiedOn: string): string {
  return addCalendarMonths(identifiedOn, DEADLINE_MONTHS[category]);
}
