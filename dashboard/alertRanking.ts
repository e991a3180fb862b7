/**
 * Alerts in the order a reader should see them: severity first, then type (missed targets and
 * caps exceeded, then targets behind, then overdue cases, before missing submissions and
 * anomalies), then the plan's metric order, the month (newest first) and the unit.
 */
import type { Alert, AlertType, Severity } from "../metrics/reportTypes.ts";

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const TYPE_RANK: Record<AlertType, number> = {
  missed_target: 0,
  over_cap: 1,
  behind_pace: 2,
  below_target: 3,
  near_cap: 4,
  overdue_case: 5,
  missing_submission: 6,
  anomaly: 7,
};

export function rankAlerts(alerts: Alert[], metricOrder: string[]): Alert[] {
  const metricRank = (id: string | null) => {
    const i = id === null ? -1 : metricOrder.indexOf(id);
    return i < 0 ? metricOrder.length : i;
  };
  return alerts
    .map((alert, index) => ({ alert, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.alert.severity] - SEVERITY_RANK[b.alert.severity] ||
        TYPE_RANK[a.alert.type] - TYPE_RANK[b.alert.type] ||
        metricRank(a.alert.metric) - metricRank(b.alert.metric) ||
        (b.alert.month ?? "").localeCompare(a.alert.month ?? "") ||
        (a.alert.unit ?? "").localeCompare(b.alert.unit ?? "") ||
        a.index - b.index,
    )
    .map((x) => x.alert);
}

/** Open overdue cases of a metric, counted from its `overdue_case` alerts (each carries its count). */
export function overdueCases(alerts: Alert[], metricId: string): number {
  let count = 0;
  for (const a of alerts) if (a.type === "overdue_case" && a.metric === metricId) count += a.count ?? 1;
  return count;
}
