/**
 * Dates of the case ledger: `2022-03-05`, `2022/3/5`, `2022.3.5`, `2022年3月5日`, full-width
 * digits, or an Excel date cell already rendered as YYYY-MM-DD. Returns YYYY-MM-DD or null.
 */
import { daysInMonth } from "../../core/caseDeadline.ts";

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export function parseCaseDate(text: string): string | null {
  // the common case, YYYY-MM-DD as written by Excel and most systems, without a regex
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    let digits = true;
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigitAt(text, i)) digits = false;
    if (digits) {
      const year = Number(text.slice(0, 4));
      const month = Number(text.slice(5, 7));
      const day = Number(text.slice(8, 10));
      return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? text : null;
    }
  }
  const s = text.replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  const m =
    /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (what DuckDB's DATE holds). */
export function epochDay(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // days-from-civil (Howard Hinnant), exact for the proleptic Gregorian calendar
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
