/**
 * Cap metrics (at most T): actual = the stock summed over units as of the month (carried forward
 * like a level), or a flow's total when the cap is on a flow; green at or below (1 − tolerance)
 * of T (95% with the default tolerance), yellow up to T (near the cap), red above (over it). No
 * pace applies: expected is null.
 */
import type { Catalogue } from "../core/catalogue.ts";
import type { PlanMetric } from "./plan.ts";
import { atLeast, type Progress, ratioOf, withoutTarget } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

export function capInputs(metric: PlanMetric, catalogue: Catalogue): MetricInput[] {
  const indicator = metric.indicator as string;
  const take = catalogue.byKey.get(indicator)?.flow === "flow" ? "total" : "latest";
  return [{ role: "a", indicator, take }];
}

export function capProgress(input: {
  target: number | null;
  actual: number | null;
  tolerance: number;
}): Progress {
  const { target, actual, tolerance } = input;
  if (target === null) return withoutTarget(actual);
  if (actual === null) return { actual, expected: null, progress: null, met: false, status: "no_data" };
  const status = atLeast((1 - tolerance) * target, actual)
    ? "green"
    : atLeast(target, actual)
      ? "yellow"
      : "red";
  return { actual, expected: null, progress: ratioOf(actual, target), met: atLeast(target, actual), status };
}
