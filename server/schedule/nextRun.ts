/**
 * When a cron expression fires next, after a given instant, in the scheduler's time zone. node-cron
 * (which fires the jobs) tells this only from the system clock, so croner answers from the
 * clock passed in; it is set up to read expressions as node-cron does: five fields or six (with
 * seconds first), and a day-of-month and a day-of-week both restricted must both hold (node-cron
 * ANDs them, where classic cron ORs them). server/schedule/nextRun.test.ts checks the two agree.
 */
import { Cron } from "croner";

export function nextRun(expression: string, timezone: string, after: Date): Date | null {
  try {
    // without a function croner only evaluates: nothing is scheduled
    return new Cron(expression, { timezone, domAndDow: true, mode: "5-or-6-parts" }).nextRun(after);
  } catch {
    // the config accepted it (node-cron's validate), but a reading this module cannot follow gives no time rather than a wrong one
    return null;
  }
}
