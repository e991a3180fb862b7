/**
 * Which plan a report is computed from — one rule for the command line, the server and the
 * dashboard: the plan whose period covers the month (planFor), else the latest one begun by then
 * (a month after every period), else the earliest; without a month (nothing reported yet), the plan
 * begun last. The month is the one asked for, or else the caller's own choice of "now": the server
 * takes the current month, the dashboard and `jobtrack report` the latest month reported.
 */
import type { Warehouse } from "../warehouse/db.ts";
import { type Plan, planFor } from "./plan.ts";

export function reportPlan(plans: readonly Plan[], month: string | null): Plan | null {
  const covering = month === null ? null : planFor(plans, month);
  if (covering) return covering;
  const byStart = [...plans].sort((a, b) => (a.period.first < b.period.first ? -1 : 1));
  const begun = byStart.filter((p) => month === null || p.period.first <= month);
  return begun[begun.length - 1] ?? byStart[0] ?? null;
}

/** The plan of a report as of `asOf`, or, without it, as of the latest month any unit has reported. */
export async function choosePlan(db: Warehouse, plans: readonly Plan[], asOf?: string): Promise<Plan> {
  let month = asOf ?? null;
  if (month === null) {
    const [row] = await db.query<{ latest: string | null }>("SELECT max(month) AS latest FROM v_facts");
    month = row.latest;
  }
  const plan = reportPlan(plans, month);
  if (!plan) throw new Error("no plan file found");
  return plan;
}
