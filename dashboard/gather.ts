/**
 * Everything the dashboard shows, gathered from the warehouse (the IO edge of the dashboard):
 * the report as of a month and one per earlier month (with its alerts, as each month has its pages), the submissions with their revisions,
 * which unit-months came on time, late, revised or not at all, and a fingerprint of the data.
 */
import { createHash } from "node:crypto";
import { reports } from "../core/catalogue.ts";
import { districtInstant } from "../core/districtTime.ts";
import { monthsBetween } from "../core/month.ts";
import { metricIndicators, type Plan, trackedIndicators } from "../metrics/plan.ts";
import { computeReport } from "../metrics/report.ts";
import { reportHistory } from "../metrics/reportHistory.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import type { DashboardInput } from "./build.ts";
import { flowsFromHistory } from "./flowsFromHistory.ts";
import { gatherItems, type ItemFigure } from "./gatherItems.ts";
import type { DataState } from "./labels.ts";

interface GatherOptions {
  plan: Plan;
  units: Unit[];
  /** YYYY-MM; defaults to the latest month any unit has reported. */
  asOf?: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
  /** The build time, ISO. */
  now: Date;
}

/** The moment a month's report falls due: the plan's due day of the next month, end of day, Shanghai. */
function dueAt(month: string, dueDay: number): string {
  const [y, m] = month.split("-").map(Number);
  return districtInstant(y, m + 1, dueDay, 23, 59, 59).toISOString();
}

export async function gatherDashboard(db: Warehouse, options: GatherOptions): Promise<DashboardInput> {
  const { plan, today } = options;
  const report = await computeReport(db, { plan, asOf: options.asOf, today, lang: "zh" });
  const history = await reportHistory(db, { plan, latest: report, today, alerts: true });
  const submissions = await db.query<DashboardInput["submissions"][number]>(
    `SELECT v.submission_id, v.unit, v.kind, v.file_name, v.sha256, strftime(v.received_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS received_at,
            v.status, v.rows, v.revision, s.months AS month_list
     FROM v_submissions v JOIN submissions s USING (submission_id)
     ORDER BY v.submission_id`,
  );
  const firsts = await db.query<{ unit: string; month: string; first_at: string; revisions: number }>(
    `SELECT m.unit, m.month, min(s.received_at) AS first_at, max(m.revision)::INTEGER AS revisions
     FROM submission_unit_months m JOIN submissions s USING (submission_id)
     GROUP BY m.unit, m.month`,
  );
  const byUnitMonth = new Map(firsts.map((r) => [`${r.unit}|${r.month}`, r]));
  // the units that report an item a target reads or one the plan tracks (a subsidy's payer too)
  const read = [...plan.metrics.flatMap(metricIndicators), ...trackedIndicators(plan)];
  const reporting = new Set(
    options.units
      .filter((u) =>
        read.some((key) => {
          const item = plan.catalogue.byKey.get(key);
          return item !== undefined && reports(item, u);
        }),
      )
      .map((u) => u.code),
  );
  const nowIso = options.now.toISOString();
  const [year, month, day] = today.split("-").map(Number);
  const todayEnd = districtInstant(year, month, day, 23, 59, 59).toISOString();
  const dataStatus: DashboardInput["dataStatus"] = [];
  for (const unit of options.units.filter((u) => reporting.has(u.code))) {
    for (const month of monthsBetween(plan.period.first, report.asOf)) {
      const entry = byUnitMonth.get(`${unit.code}|${month}`);
      const due = dueAt(month, plan.dueDay);
      let state: DataState;
      if (!entry) state = due < todayEnd ? "missing" : "not_due";
      else if (entry.revisions > 1) state = "revised";
      else state = new Date(entry.first_at).toISOString() > due ? "late" : "on_time";
      dataStatus.push({ unit: unit.code, month, state });
    }
  }
  const accepted = submissions.filter((s) => s.status !== "rejected");
  const latest = accepted.reduce<string | null>(
    (max, s) => (max === null || s.received_at > max ? s.received_at : max),
    null,
  );
  // the notes shown are data too: a new explanation changes what the pages say
  const notes = report.metrics.flatMap((m) =>
    m.units.flatMap((u) => (u.note ? [[m.id, u.unit, u.note.at]] : [])),
  );
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([plan.id, report.asOf, accepted.map((s) => [s.submission_id, s.sha256]), ...notes]),
    )
    .digest("hex")
    .slice(0, 12);
  // the 统计项 page of every month of the site gives that month's figures
  const items = new Map<string, ItemFigure[]>();
  for (const asOf of new Set([...history.map((h) => h.asOf), report.asOf])) {
    items.set(asOf, await gatherItems(db, { plan, units: options.units, asOf }));
  }
  return {
    report,
    history,
    monthlyFlows: flowsFromHistory(history),
    units: options.units,
    submissions,
    dataStatus,
    builtAt: nowIso,
    latestSubmissionAt: latest,
    fingerprint,
    items,
  };
}
