/**
 * The months a unit owes a monthly report, as its clerk sees them on the upload page and as the
 * template route offers them: every month of each plan's period up to the current month (district
 * time) — never a month outside a plan — for a plan whose catalogue holds an item the unit
 * reports. Each month says whether it was received (and how many revisions) and how many files of
 * it were refused. Pure, and bundled into the upload page's script (server/precheck/), so the page
 * and the server list the same months in the same order: first the months due and not received,
 * newest first; then the current month if not received (its report is not due yet); then the
 * months received, newest first.
 */
import type { Catalogue } from "../../core/catalogue.ts";
import { monthsBetween } from "../../core/month.ts";

/** A plan as the upload page needs it: its period and who reports any of its items. */
export interface PlanMonths {
  plan: string;
  first: string;
  last: string;
  /** Unit kinds and unit codes that report some item of the plan's catalogue. */
  reporters: readonly string[];
}

/** What has come in for one of the unit's months. */
export interface Received {
  /** Accepted submissions carrying the month: its latest revision number. */
  revisions: number;
  /** Files of the month that were refused. */
  refused: number;
}

export interface MonthOwed {
  month: string;
  plan: string;
  /** The latest revision received (0: none yet). */
  revision: number;
  refused: number;
  /** Whether the month is over (its report is due); false for the current month. */
  due: boolean;
}

/** A plan's months and its reporters, from its period and catalogue. */
export function planMonthsOf(plan: {
  id: string;
  period: { first: string; last: string };
  catalogue: Catalogue;
}): PlanMonths {
  const reporters = new Set<string>();
  for (const item of plan.catalogue.items) for (const r of item.reporters) reporters.add(r);
  return { plan: plan.id, first: plan.period.first, last: plan.period.last, reporters: [...reporters] };
}

/** Whether the unit reports some item of the plan (as core/catalogue.ts `reports` reads an item's reporters). */
function reportsTo(plan: PlanMonths, unit: { code: string; kind: string }): boolean {
  return plan.reporters.includes(unit.kind) || plan.reporters.includes(unit.code);
}

/**
 * The submissions of a unit (as GET /api/submissions lists them: each with its status and the
 * unit's months in it) counted per month. Ledgers carry no report month and are left out.
 */
export function receivedByMonth(
  submissions: readonly { kind: string; status: string; months: readonly string[] | null }[],
): Map<string, Received> {
  const byMonth = new Map<string, Received>();
  for (const s of submissions) {
    if (s.kind !== "monthly") continue;
    for (const month of s.months ?? []) {
      const r = byMonth.get(month) ?? { revisions: 0, refused: 0 };
      if (s.status === "rejected") r.refused++;
      else r.revisions++;
      byMonth.set(month, r);
    }
  }
  return byMonth;
}

/** The months the unit owes, in the order a clerk works through them (see above). */
export function monthsOwed(
  plans: readonly PlanMonths[],
  unit: { code: string; kind: string },
  currentMonth: string,
  received: ReadonlyMap<string, Received> = new Map(),
): MonthOwed[] {
  const byMonth = new Map<string, MonthOwed>();
  const ordered = [...plans].sort((a, b) => (a.first < b.first ? -1 : 1));
  for (const plan of ordered) {
    if (!reportsTo(plan, unit)) continue;
    const last = plan.last < currentMonth ? plan.last : currentMonth;
    for (const month of monthsBetween(plan.first, last)) {
      if (byMonth.has(month)) continue;
      const r = received.get(month);
      byMonth.set(month, {
        month,
        plan: plan.plan,
        revision: r?.revisions ?? 0,
        refused: r?.refused ?? 0,
        due: month < currentMonth,
      });
    }
  }
  const rank = (m: MonthOwed) => (m.revision > 0 ? 2 : m.due ? 0 : 1);
  return [...byMonth.values()].sort((a, b) => rank(a) - rank(b) || (a.month < b.month ? 1 : -1));
}
