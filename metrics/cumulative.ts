/**
 * Cumulative metrics (at least T over the period): actual = the flow summed from the period's
 * first month to as-of; expected = T × pace (m/n, or the plan's profile or checkpoints); green at
 * or above expected, yellow from 90% of expected, red below.
 */
import type { PlanMetric } from "./plan.ts";
import { atLeast, type Progress, ratioOf, withoutTarget } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

/** The figure a cumulative metric reads: its flow's total over the period so far. */
export function cumulativeInputs(metric: PlanMetric): MetricInput[] {
  return [{ role: "a", indicator: metric.indicator as string, take: "total" }];
}

export function cumulativeProgress(input: {
  target: number | null;
  actual: number | null;
  pace: number;
}): Progress {
  const { target, actual, pace } = input;
  if (target === null) return withoutTarget(actual);
  const expected = target * pace;
  if (actual === null) return { actual, expected, progress: null, met: false, status: "no_data" };
  const status = atLeast(actual, expected) ? "green" : atLeast(actual, 0.9 * expected) ? "yellow" : "red";
  return { actual, expected, progress: ratioOf(actual, target), met: atLeast(actual, target), status };
}
