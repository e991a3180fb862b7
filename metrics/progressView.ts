/**
 * The progress history for analysts: v_progress(metric, unit, month, actual, target, expected,
 * status), one row per metric, unit (null for the district) and month of the plan up to the
 * latest month reported, each as the report as of that month shows it; an item tracked without a
 * target has its rows too, with target and expected null and status no_target (no_data without
 * a figure). Written into the table
 * `progress` (warehouse/migrations/006_progress.sql; the view reads it) in one transaction, so
 * analysts query plain rows.
 */
import { DOUBLE, VARCHAR, type Warehouse } from "../warehouse/db.ts";
import type { Plan } from "./plan.ts";
import { computeReport } from "./report.ts";
import { reportHistory } from "./reportHistory.ts";
import type { Report } from "./reportTypes.ts";

interface ProgressRow {
  metric: string;
  unit: string | null;
  month: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  status: string;
}

/** The rows of v_progress from reports as of each month. */
export function progressRows(reports: Report[]): ProgressRow[] {
  const rows: ProgressRow[] = [];
  for (const r of reports) {
    for (const m of r.metrics) {
      rows.push({
        metric: m.id,
        unit: null,
        month: r.asOf,
        actual: m.actual,
        target: m.target,
        expected: m.expected,
        status: m.status,
      });
      for (const u of m.units) {
        rows.push({
          metric: m.id,
          unit: u.unit,
          month: r.asOf,
          actual: u.actual,
          target: u.target,
          expected: u.expected,
          status: u.status,
        });
      }
    }
    // the items tracked without a target: their figures, with no target, no pace and no colour
    for (const t of r.tracked ?? []) {
      const at = { metric: t.id, month: r.asOf, target: null, expected: null };
      rows.push({ ...at, unit: null, actual: t.actual, status: t.status });
      for (const u of t.units) rows.push({ ...at, unit: u.unit, actual: u.actual, status: u.status });
    }
  }
  return rows;
}

/** Replaces the rows of `progress` with the plans' histories; returns the number of rows. */
export async function refreshProgress(db: Warehouse, plans: Plan | Plan[], today: string): Promise<number> {
  const rows: ProgressRow[] = [];
  for (const plan of Array.isArray(plans) ? plans : [plans]) {
    const latest = await computeReport(db, { plan, today, lang: "zh", alerts: false });
    rows.push(...progressRows(await reportHistory(db, { plan, latest, today })));
  }
  await db.write(async (tx) => {
    await tx.run("DELETE FROM progress");
    await tx.append(
      "progress",
      [VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, DOUBLE, VARCHAR],
      [
        rows.map((r) => r.metric),
        rows.map((r) => r.unit),
        rows.map((r) => r.month),
        rows.map((r) => r.actual),
        rows.map((r) => r.target),
        rows.map((r) => r.expected),
        rows.map((r) => r.status),
      ],
    );
  });
  return rows.length;
}
