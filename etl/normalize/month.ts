/**
 * Report months as people write them → `YYYY-MM` (arithmetic on that form is core/month.ts's). Accepted:
 * `2022-08`, `2022-8`, `2022/8`, `2022.8`, `2022年8月` (also `2022年8月份`), `202208`, a date
 * such as `2022-08-01`, `2022/8/31` or `2022-08-01 00:00:00` (an Excel date cell), full-width digits and surrounding
 * spaces. Anything else is not a month.
 */
import { toHalfWidth } from "./halfWidth.ts";

const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?(?:\s*(\d{1,2})\s*日)?|[-/.]\s*(\d{1,2})\s*日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function monthOf(year: number, month: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  return `${year}-${pad2(month)}`;
}

/** `YYYY-MM` for a month written in any accepted spelling, else null. */
export function parseMonth(text: string): string | null {
  const s = toHalfWidth(text).trim();
  if (ISO_MONTH.test(s)) return monthOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)));
  const compact = COMPACT.exec(s);
  if (compact) return monthOf(Number(compact[1]), Number(compact[2]));
  const m = SEPARATED.exec(s);
  if (!m) return null;
  const dayText = m[3] ?? m[4];
  if (dayText !== undefined) {
    const day = Number(dayText);
    if (day < 1 || day > 31) return null;
  }
  return monthOf(Number(m[1]), Number(m[2]));
}
