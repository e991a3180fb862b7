/**
 * The per-month values behind the charts, derived from the report history (one source of truth:
 * the charts show exactly what the reports say). Cumulative metrics: the month's flow (this
 * month's actual minus last month's); levels and caps: the change of the month-end figure from
 * the month before (the first month's from the baseline, when the report gives one), since the
 * level itself barely moves on a chart; ratios and deadlines: the month's own share.
 */
import type { Report } from "../metrics/reportTypes.ts";
import type { MonthlyFlow } from "./trend.ts";

export function flowsFromHistory(history: Report[]): MonthlyFlow[] {
  const flows: MonthlyFlow[] = [];
  const previous = new Map<string, number | null>();
  for (const report of history) {
    for (const metric of report.metrics) {
      const series: { unit: string | null; actual: number | null }[] = [
        { unit: null, actual: metric.actual },
        ...metric.units.map((u) => ({ unit: u.unit, actual: u.actual })),
      ];
      for (const { unit, actual } of series) {
        const key = `${metric.id}\u0000${unit ?? ""}`;
        let value = actual;
        if (metric.kind === "cumulative" && actual !== null) {
          const before = previous.get(key);
          value = before === undefined || before === null ? actual : actual - before;
          value = Math.round(value * 100) / 100;
        } else if ((metric.kind === "level" || metric.kind === "cap") && actual !== null) {
          const row = unit === null ? metric : metric.units.find((u) => u.unit === unit);
          const before = previous.has(key) ? previous.get(key) : (row?.baseline ?? null);
          value = before === null || before === undefined ? null : Math.round((actual - before) * 100) / 100;
        }
        previous.set(key, actual);
        flows.push({ metric: metric.id, unit, month: report.asOf, value });
      }
    }
  }
  return flows;
}
