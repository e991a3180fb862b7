/**
 * A metric's course over the plan's months, read from the history of reports (one per month as
 * of that month) and from the per-month values: the rows behind the trend charts and tables.
 */
import type { MetricKind, Report } from "../metrics/reportTypes.ts";

export interface TrendRow {
  month: string;
  actual: number | null;
  expected: number | null;
  target: number | null;
}

export interface FlowRow {
  month: string;
  value: number | null;
}

export interface MonthlyFlow {
  metric: string;
  unit: string | null;
  month: string;
  value: number | null;
}

/** The metric as of each month of the history; `unit` picks that unit's entry instead of the district. */
export function metricTrend(history: Report[], metricId: string, unit?: string): TrendRow[] {
  return history.map((report) => {
    const metric = report.metrics.find((m) => m.id === metricId);
    const row = unit === undefined ? metric : metric?.units.find((u) => u.unit === unit);
    return {
      month: report.asOf,
      actual: row?.actual ?? null,
      expected: row?.expected ?? null,
      target: row?.target ?? null,
    };
  });
}

/**
 * Trend rows over all the plan's months: actuals up to as-of, and for paced kinds (cumulative,
 * level) the pace line carried on linearly from the last expected value to the target at the
 * plan's last month.
 */
export function planTrend(trend: TrendRow[], months: string[], kind: MetricKind): TrendRow[] {
  const byMonth = new Map(trend.map((r) => [r.month, r]));
  const rows = months.map(
    (month): TrendRow => byMonth.get(month) ?? { month, actual: null, expected: null, target: null },
  );
  const target = trend.at(-1)?.target ?? null;
  if ((kind !== "cumulative" && kind !== "level") || target === null) return rows;
  let last = -1;
  rows.forEach((r, i) => {
    if (r.expected !== null) last = i;
  });
  if (last < 0 || last === rows.length - 1) return rows;
  const from = rows[last].expected as number;
  const steps = rows.length - 1 - last;
  return rows.map((r, i) =>
    i > last ? { ...r, expected: from + ((target - from) * (i - last)) / steps, target } : r,
  );
}

/** Change of the metric's actual from the previous month's report to the last one, or null. */
export function monthOnMonth(history: Report[], metricId: string, unit?: string): number | null {
  if (history.length < 2) return null;
  const trend = metricTrend(history.slice(-2), metricId, unit);
  const [before, now] = trend;
  if (before.actual === null || now.actual === null) return null;
  return now.actual - before.actual;
}

/** The per-month values of a metric for one unit (null: the district), one row per month given. */
export function flowSeries(
  flows: MonthlyFlow[],
  metricId: string,
  unit: string | null,
  months: string[],
): FlowRow[] {
  const values = new Map<string, number | null>();
  for (const f of flows) if (f.metric === metricId && f.unit === unit) values.set(f.month, f.value);
  return months.map((month) => ({ month, value: values.get(month) ?? null }));
}
