/**
 * computeReport: the progress of every metric of a plan as of a month (docs/contract.md §6) — the one
 * function the command line, the dashboard and the server call. All figures come from one
 * consistent snapshot of the warehouse in a handful of queries over all metrics and units at
 * once: one scan of the counted cells into the units' monthly series (unitFigures.ts,
 * seriesFigures.ts), then small reads of the previous year, the submissions and the case ledger. The clock is a parameter: `today` is a day in Asia/Shanghai.
 */

import { districtDayEnd } from "../core/districtTime.ts";
import { DataError, finding } from "../core/finding.ts";
import type { Lang } from "../core/lang.ts";
import { monthsBetween } from "../core/month.ts";
import type { Warehouse } from "../warehouse/db.ts";
import { currentNotes, noteLookup } from "../warehouse/notes.ts";
import { type Snapshot, withSnapshot } from "../warehouse/snapshot.ts";
import { assembleReport, type PreviousYearFigures, type UnitRow } from "./assembleReport.ts";
import { firstDay, isDay, lastDay } from "./calendar.ts";
import {
  CASES_RELATION,
  casesSource,
  deadlineSql,
  ledgerUnitsSql,
  overdueCasesSql,
  relationExistsSql,
} from "./deadline.ts";
import type { Selection } from "./factsSource.ts";
import { metricWindow } from "./judgement.ts";
import { type CaseFigures, inputsOf, type MetricFigures } from "./metricProgress.ts";
import { emptySeries, putCells } from "./monthlySeries.ts";
import { metricIndicators, monthsInPlan, type Plan } from "./plan.ts";
import type { Report } from "./reportTypes.ts";
import { seriesFigures } from "./seriesFigures.ts";
import { trackedFigures, trackedItems } from "./trackedFigures.ts";
import {
  cellsSql,
  type FiguresSpec,
  lastYearSql,
  latestMonthSql,
  periodMonths,
  previousYear,
  previousYearSql,
  submittedSql,
} from "./unitFigures.ts";

export interface ReportOptions {
  plan: Plan;
  /** YYYY-MM within the plan's period; defaults to the latest month any unit has reported. */
  asOf?: string;
  /** Limit the report to one unit (its own figures against its own targets). */
  unit?: string;
  /** YYYY-MM-DD: count only submissions received by the end of that day (Asia/Shanghai). */
  asReported?: string;
  /** YYYY-MM-DD in Asia/Shanghai: due days and overdue cases are judged against it. */
  today: string;
  lang: Lang;
  /** Gather alerts (defaults to true; the progress history leaves them out). */
  alerts?: boolean;
  /** The case ledger relation (defaults to v_cases). */
  casesRelation?: string;
}

function optionError(column: string, zh: string, en: string): DataError {
  return new DataError([finding(null, column, "bad_report_option", zh, en)]);
}

function normalizeReportOptions(options: ReportOptions) {
  const { plan } = options;
  if (!isDay(options.today))
    throw optionError(
      "today",
      `today 须为 YYYY-MM-DD 日期（收到 ${options.today}）。`,
      `today must be a YYYY-MM-DD date (got ${options.today}).`,
    );
  if (options.asReported !== undefined && !isDay(options.asReported)) {
    throw optionError(
      "asReported",
      `asReported 须为 YYYY-MM-DD 日期（收到 ${options.asReported}）。`,
      `asReported must be a YYYY-MM-DD date (got ${options.asReported}).`,
    );
  }
  if (
    options.asOf !== undefined &&
    !(
      /^\d{4}-(0[1-9]|1[0-2])$/.test(options.asOf) &&
      options.asOf >= plan.period.first &&
      options.asOf <= plan.period.last
    )
  ) {
    throw optionError(
      "asOf",
      `截至月份须在计划 ${plan.id} 的期间 ${plan.period.first} 至 ${plan.period.last} 内（收到 ${options.asOf}）。`,
      `asOf must be a month within plan ${plan.id}'s period ${plan.period.first} to ${plan.period.last} (got ${options.asOf}).`,
    );
  }
  return {
    ...options,
    unit: options.unit ?? null,
    asReported: options.asReported ?? null,
    alerts: options.alerts ?? true,
    casesRelation: options.casesRelation ?? CASES_RELATION,
  };
}

export async function computeReport(db: Warehouse, options: ReportOptions): Promise<Report> {
  const o = normalizeReportOptions(options);
  const { plan } = o;
  const selection: Selection = o.asReported
    ? { kind: "as_reported", day: o.asReported }
    : { kind: "current" };
  return withSnapshot(db, async (s) => {
    const units = await readUnits(s);
    if (o.unit !== null && !units.some((u) => u.code === o.unit)) {
      throw optionError("unit", `单位名录中没有单位 ${o.unit}。`, `The unit registry has no unit ${o.unit}.`);
    }
    const latestSql = latestMonthSql(selection, plan.period);
    const latest = o.asOf
      ? null
      : (await s.rows<{ month: string | null }>(latestSql.sql, latestSql.params))[0]?.month;
    const asOf = o.asOf ?? latest ?? plan.period.first;
    const items = plan.catalogue.byKey;
    // anomalies are tested on the targets' flows only: a subsidy is paid in batches and seasons,
    // so a month far from the unit's usual one is how payments go, not a sign of a wrong figure
    const flows = [...new Set(plan.metrics.flatMap(metricIndicators))].filter(
      (k) => items.get(k)?.flow === "flow",
    );
    const indicators = [...new Set([...plan.metrics.flatMap(metricIndicators), ...trackedItems(plan)])];
    const spec: FiguresSpec = {
      selection,
      period: plan.period,
      asOf,
      unit: o.unit,
      indicators,
      flows,
      flowReporters: Object.fromEntries(flows.map((k) => [k, items.get(k)?.reporters ?? []])),
      previousYearFlows: [
        ...new Set(plan.metrics.filter((m) => m.kind === "cumulative").map((m) => m.indicator as string)),
      ],
      anomaly: plan.alerts.anomaly,
      catalogue: plan.catalogue,
    };
    const months = periodMonths(spec);
    // days late and overdue are counted to the earlier of today (or the as-reported day) and the
    // as-of month's last day: a report as of a past month reads the same whenever it is run
    const reference = [o.today, o.asReported ?? o.today, lastDay(asOf)].sort()[0];
    // the scan of the cells goes first; the smaller reads queue behind it on the connection and
    // run while its cells are turned into figures
    const [figures, cases, submitted, notes] = await allOf([
      readFigures(s, spec, plan, units, o.alerts, asOf),
      readCases(s, {
        relation: o.casesRelation,
        cutoff: o.asReported ? districtDayEnd(o.asReported) : null,
        plan,
        asOf,
        unit: o.unit,
        alerts: o.alerts,
        reference,
      }),
      o.alerts ? readSubmitted(s, spec, units.length) : Promise.resolve(null),
      currentNotes(s, { month: asOf, by: o.asReported ? districtDayEnd(o.asReported) : null }),
    ] as const);
    const prev = previousYear(spec);
    return assembleReport({
      plan,
      lang: o.lang,
      asOf,
      months,
      n: monthsInPlan(plan),
      asReported: o.asReported,
      today: o.today,
      reference,
      scope: o.unit,
      units,
      figures: figures.metrics,
      tracked: figures.tracked,
      previousYear: figures.previousYear,
      previousSpan: { first: prev.first, asOf: prev.asOf, last: prev.last },
      anomalies: figures.anomalies,
      cases,
      submitted,
      alerts: o.alerts,
      noteOf: noteLookup(notes),
    });
  });
}

/**
 * Promise.all that lets every read finish before failing: the snapshot's connection must be idle
 * when its transaction is rolled back.
 */
async function allOf<T extends readonly unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(reads);
  for (const r of results) if (r.status === "rejected") throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Per unit index, the mask of the period's months with a counted submission. */
async function readSubmitted(s: Snapshot, spec: FiguresSpec, unitCount: number): Promise<Float64Array> {
  const sub = submittedSql(spec);
  const cols = await s.columns(sub.sql, sub.params);
  const submitted = new Float64Array(unitCount);
  for (let i = 0; i < (cols.ui?.length ?? 0); i++) submitted[cols.ui[i] as number] = cols.mask[i] as number;
  return submitted;
}

async function readUnits(s: Snapshot): Promise<UnitRow[]> {
  const cols = await s.columns("SELECT code, name_zh, name_en, kind FROM units ORDER BY code");
  return (cols.code ?? []).map((code, i) => ({
    code: code as string,
    name_zh: cols.name_zh[i] as string,
    name_en: cols.name_en[i] as string,
    kind: cols.kind[i] as string,
  }));
}

/** Reads the counted cells into the units' monthly series and the previous year's totals, and works out the figures. */
async function readFigures(
  s: Snapshot,
  spec: FiguresSpec,
  plan: Plan,
  units: UnitRow[],
  alerts: boolean,
  asOf: string,
) {
  const inputs = plan.metrics
    .map((metric, i) => {
      const { started, from, to } = metricWindow(plan, metric, asOf);
      return {
        metric: i,
        inputs: started ? inputsOf(metric, plan.catalogue) : [],
        reporters: metric.reporters,
        from,
        to,
      };
    })
    .filter((x) => x.inputs.length);
  const previousYear: ReportPreviousYear = new Map();
  const months = periodMonths(spec);
  if (!inputs.length && !plan.tracked.length)
    return {
      metrics: new Map<number, MetricFigures>(),
      tracked: trackedFigures(plan, emptySeries(units.length, 0, 0), [], units, months),
      previousYear,
      anomalies: [],
    };
  const cells = cellsSql(spec, units.length);
  const prev = spec.previousYearFlows.length ? previousYearSql(spec) : null;
  // targets of "not below last year": the year before the period of their items
  const lastYearItems = [
    ...new Set(
      plan.metrics.filter((m) => m.targetFrom === "previous_year").map((m) => m.indicator as string),
    ),
  ];
  const last = lastYearItems.length ? lastYearSql(spec, lastYearItems) : null;
  // the statements are sent before the series is allocated; the cells arrive once it is
  const reads = [
    s.numbers(cells.sql, cells.params, (columns, rows) => {
      putCells(series, columns[0], columns[1], rows);
    }),
    prev ? s.columns(prev.sql, prev.params) : Promise.resolve(null),
    last ? s.columns(last.sql, last.params) : Promise.resolve(null),
  ] as const;
  const series = emptySeries(units.length, spec.indicators.length, months.length + 1);
  const [, totals, lastYear] = await allOf(reads);
  const entry = (k: number) => {
    const indicator = spec.indicators[k];
    let e = previousYear.get(indicator);
    if (!e) {
      e = { toDate: null, full: null, months: 0, yearTotal: null, yearUnitMonths: 0 };
      previousYear.set(indicator, e);
    }
    return e;
  };
  if (totals) {
    const { k, to_date, full, months: counted } = totals;
    for (let i = 0; i < k.length; i++) {
      const e = entry(k[i] as number);
      e.toDate = to_date[i] as number | null;
      e.full = full[i] as number | null;
      e.months = counted[i] as number;
    }
  }
  if (lastYear) {
    const { k, total, unit_months } = lastYear;
    for (let i = 0; i < k.length; i++) {
      const e = entry(k[i] as number);
      e.yearTotal = total[i] as number | null;
      e.yearUnitMonths = unit_months[i] as number;
    }
  }
  const { metrics, anomalies } = seriesFigures(series, units, spec, inputs, months, alerts);
  const tracked = trackedFigures(plan, series, spec.indicators, units, months);
  return { metrics, tracked, previousYear, anomalies };
}

type ReportPreviousYear = Map<string, PreviousYearFigures>;

async function readCases(
  s: Snapshot,
  q: {
    relation: string;
    /** The end of the as-reported day: only ledgers received before it count. */
    cutoff: string | null;
    plan: Plan;
    asOf: string;
    unit: string | null;
    alerts: boolean;
    reference: string;
  },
): Promise<CaseFigures> {
  const { relation, plan, asOf, unit, alerts, reference } = q;
  const empty: CaseFigures = {
    available: false,
    counts: new Map(),
    ledgerUnits: new Set(),
    overdue: [],
    reference,
  };
  // each category from its metric's first day to the last day of its last counted month
  const categories = plan.metrics.flatMap((m) => {
    const w = metricWindow(plan, m, asOf);
    if (!m.caseCategory || !w.started) return [];
    return [{ category: m.caseCategory, start: firstDay(m.starts), end: lastDay([asOf, m.due].sort()[0]) }];
  });
  if (!categories.length) return empty;
  const exists = relationExistsSql(relation);
  if (!(await s.rows<{ n: number }>(exists.sql, exists.params))[0]?.n) return empty;
  const window = { categories, unit };
  const source = casesSource(relation, q.cutoff);
  const counted = deadlineSql(source, window);
  const rows = await s.rows<{ unit: string; category: string; decided: number; on_time: number }>(
    counted.sql,
    counted.params,
  );
  const ledger = ledgerUnitsSql(source);
  const ledgerUnits = new Set((await s.rows<{ unit: string }>(ledger.sql, ledger.params)).map((r) => r.unit));
  let overdue: CaseFigures["overdue"] = [];
  if (alerts) {
    const sql = overdueCasesSql(source, window, reference);
    overdue = await s.rows(sql.sql, sql.params);
  }
  return {
    available: true,
    counts: new Map(rows.map((r) => [`${r.unit}|${r.category}`, { decided: r.decided, onTime: r.on_time }])),
    ledgerUnits,
    overdue,
    reference,
  };
}

/** Every month of a plan's period up to `latest` (the months of a report history). */
export function reportMonths(plan: Plan, latest: string): string[] {
  const last = latest > plan.period.last ? plan.period.last : latest;
  return last < plan.period.first ? [] : monthsBetween(plan.period.first, last);
}
