/**
 * Calendar days (YYYY-MM-DD) for due dates and deadlines: a month's report is due on `dueDay` of
 * the next month; a month ends on its last day. Days are plain dates with no time zone: "today"
 * is always given in Asia/Shanghai by the caller.
 */
import { nextMonth } from "../core/month.ts";

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === text;
}

/** The day a month's report is due: `dueDay` of the following month. */
export function dueDate(month: string, dueDay: number): string {
  return `${nextMonth(month)}-${String(dueDay).padStart(2, "0")}`;
}

/** The month's first day. */
export function firstDay(month: string): string {
  return `${month}-01`;
}

/** The month's last day: `2022-02` → `2022-02-28`. */
export function lastDay(month: string): string {
  const date = new Date(`${nextMonth(month)}-01T00:00:00Z`);
  date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
