/**
 * From the figures read in one snapshot to the Report of docs/contract.md §6 — pure: every metric of the
 * plan (metricProgress.ts), every item it tracks without a target (trackedProgress.ts) and the
 * policy's money among them (fundsReport.ts), then the alerts that belong to no single metric
 * (anomalies and missing submissions), all sorted most severe first.
 */

import type { Lang } from "../core/lang.ts";
import type { NoteOf } from "../warehouse/notes.ts";
import { anomalyAlert, missingSubmissionAlerts, type Named, sortAlerts } from "./alerts.ts";
import { fundsReport } from "./fundsReport.ts";
import { bit, type CaseFigures, type MetricFigures, metricProgress } from "./metricProgress.ts";
import { metricIndicators, type Plan, trackedIndicators } from "./plan.ts";
import type { Alert, MetricProgress, Report, TrackedProgress, UnitMonth } from "./reportTypes.ts";
import { targetInEffect } from "./targetSource.ts";
import type { TrackedFigures } from "./trackedFigures.ts";
import { trackedProgress } from "./trackedProgress.ts";

export interface UnitRow {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

/** One flow's year before the period, as the report reads it for projections and 不低于上年水平. */
export interface PreviousYearFigures {
  /** The previous year's total to the same month, its full total, and how many of its months have data. */
  toDate: number | null;
  full: number | null;
  months: number;
  /** The total of the 12 months before the period, with the unit-months reported in them. */
  yearTotal: number | null;
  yearUnitMonths: number;
}

/** One flagged month of one unit's flow (the latest flagged month of the series). */
export interface AnomalyRow {
  ui: number;
  indicator: string;
  month: number;
  outlier: boolean;
  ytd: boolean;
  value: number;
  median: number;
  /** The year's earlier months added up when the value looks year-to-date, else the MAD. */
  third: number;
}

interface ReportInput {
  plan: Plan;
  lang: Lang;
  asOf: string;
  months: string[];
  n: number;
  asReported: string | null;
  today: string;
  /** The day days late and overdue are counted to: the earlier of today, the as-reported day and the as-of month's last day. */
  reference: string;
  /** The unit the report is limited to, or null for the district. */
  scope: string | null;
  units: UnitRow[];
  /** metric index → its figures. */
  figures: Map<number, MetricFigures>;
  /** The tracked items' and subsidies' figures. */
  tracked: TrackedFigures;
  /** Per flow, its year before the period. */
  previousYear: Map<string, PreviousYearFigures>;
  previousSpan: { first: string; asOf: string; last: string };
  anomalies: AnomalyRow[];
  cases: CaseFigures;
  /** Per unit index, the mask of months with a counted submission. */
  submitted: Float64Array | null;
  /** Whether to gather alerts at all. */
  alerts: boolean;
  /** The units' notes of the as-of month, for `units[].note`. */
  noteOf: NoteOf;
}

function reporting(unit: UnitRow, reporters: readonly string[]): boolean {
  return reporters.includes(unit.kind) || reporters.includes(unit.code);
}

/** Unit indexes in scope (every unit when `scope` is null) that report for one of the reporter lists (kinds or codes). */
function unitsReporting(input: ReportInput, reporters: readonly string[], scope = input.scope): number[] {
  const out: number[] = [];
  input.units.forEach((u, ui) => {
    if ((scope === null || u.code === scope) && reporting(u, reporters)) out.push(ui);
  });
  return out;
}

export function assembleReport(input: ReportInput): Report {
  const { plan, lang } = input;
  const named: Named[] = input.units.map((u) => ({ code: u.code, zh: u.name_zh, en: u.name_en }));
  const alerts: Alert[] = [];
  const metrics: MetricProgress[] = [];
  const byReporters = new Map<string, number[]>();
  const unitMonthLists: UnitMonth[][] = new Array(input.units.length);
  const unitMonths = (ui: number) => {
    let list = unitMonthLists[ui];
    if (!list) {
      const unit = input.units[ui].code;
      list = input.months.map((month) => ({ unit, month }));
      unitMonthLists[ui] = list;
    }
    return list;
  };
  const everyReporter = new Map<string, number>();
  plan.metrics.forEach((metric, mi) => {
    const key = metric.reporters.join("\u0000");
    const expected = byReporters.get(key) ?? unitsReporting(input, metric.reporters);
    byReporters.set(key, expected);
    if (input.scope !== null && expected.length === 0) return;
    // the reporting units of the whole registry, whatever the report's scope
    const reporters = everyReporter.get(key) ?? unitsReporting(input, metric.reporters, null).length;
    everyReporter.set(key, reporters);
    const prev = metric.indicator ? input.previousYear.get(metric.indicator) : undefined;
    const target = targetInEffect(plan, metric, prev, reporters, lang);
    const built = metricProgress(
      {
        plan,
        lang,
        asOf: input.asOf,
        months: input.months,
        scope: input.scope,
        units: named,
        figures: input.figures.get(mi),
        previousYear:
          prev && prev.months >= input.n
            ? { toDate: prev.toDate, full: prev.full, ...input.previousSpan }
            : null,
        cases: input.cases,
        alerts: input.alerts,
        unitMonths,
        soleReporter: reporters === 1,
        target: target.target,
        targetSource: target.source,
        noteOf: input.noteOf,
      },
      metric,
      expected,
    );
    metrics.push(built.metric);
    for (const a of built.alerts) alerts.push(a);
  });
  const tracked: TrackedProgress[] = [];
  const trackedContext = {
    catalogue: plan.catalogue,
    lang,
    months: input.months,
    scoped: input.scope !== null,
    units: named,
    unitMonths,
  };
  for (const t of plan.tracked) {
    const figures = input.tracked.items.get(t.id);
    const reporters = plan.catalogue.byKey.get(t.indicator)?.reporters ?? [];
    const expected = unitsReporting(input, reporters);
    if (!figures || (input.scope !== null && expected.length === 0)) continue;
    tracked.push(trackedProgress(trackedContext, t, figures, expected));
  }
  const funds = fundsReport(
    {
      plan,
      lang,
      months: input.months,
      units: named,
      scope: input.scope,
      metrics,
    },
    input.tracked,
  );
  if (input.alerts) {
    for (const a of anomalyAlerts(input, named)) alerts.push(a);
    for (const a of missingSubmissions(input, named)) alerts.push(a);
  }
  return {
    plan: plan.id,
    asOf: input.asOf,
    asReported: input.asReported,
    monthsElapsed: input.months.length,
    monthsInPlan: input.n,
    unit: input.scope,
    today: input.today,
    metrics,
    tracked,
    funds,
    alerts: sortAlerts(
      alerts,
      plan.metrics.map((m) => m.id),
    ),
  };
}

/**
 * Units that report any item of the plan — an item a target reads, or one it tracks: a unit that
 * pays a subsidy and does not report leaves the money untracked — and have a month with no
 * counted submission.
 */
function missingSubmissions(input: ReportInput, named: Named[]): Alert[] {
  const submitted = input.submitted;
  if (!submitted) return [];
  const reporters = new Set<string>();
  const items = [...input.plan.metrics.flatMap(metricIndicators), ...trackedIndicators(input.plan)];
  for (const k of new Set(items)) {
    for (const r of input.plan.catalogue.byKey.get(k)?.reporters ?? []) reporters.add(r);
  }
  const monthly = unitsReporting(input, [...reporters]);
  return missingSubmissionAlerts(
    input.plan,
    monthly.map((ui) => named[ui]),
    input.months,
    (i, m) => bit(submitted[monthly[i]], m),
    input.reference,
    input.lang,
  );
}

function anomalyAlerts(input: ReportInput, named: Named[]): Alert[] {
  const metricFor = new Map<string, string>();
  for (const metric of [...input.plan.metrics].reverse()) {
    for (const k of metricIndicators(metric)) metricFor.set(k, metric.id);
  }
  const out: Alert[] = [];
  for (const row of input.anomalies) {
    const unit = input.units[row.ui];
    const indicator = input.plan.catalogue.byKey.get(row.indicator);
    if (!unit || !indicator || !reporting(unit, indicator.reporters)) continue;
    if (input.scope !== null && unit.code !== input.scope) continue;
    const flag = {
      unit: named[row.ui],
      indicator: row.indicator,
      month: input.months[row.month],
      value: row.value,
      median: row.median,
      mad: row.ytd ? null : row.third,
      outlier: row.outlier,
      ytdPrior: row.ytd ? row.third : null,
      metric: metricFor.get(row.indicator) ?? null,
    };
    out.push(anomalyAlert(flag, input.plan.catalogue, input.lang));
  }
  return out;
}
