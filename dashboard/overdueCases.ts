/**
 * How many open cases of a metric are past their deadline, for the cards and the brief: the
 * report's `overdue_case` alerts carry the count (Alert.count), so nothing is read from words.
 */
import type { Alert } from "../metrics/reportTypes.ts";

/** Open overdue cases of a metric, counted from its `overdue_case` alerts (each carries its count). */
export function overdueCases(alerts: Alert[], metricId: string): number {
  let count = 0;
  for (const a of alerts) if (a.type === "overdue_case" && a.metric === metricId) count += a.count ?? 1;
  return count;
}
