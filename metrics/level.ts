/**
 * Level metrics (a stock of at least T at the period's end): actual = the stock summed over units
 * in the as-of month, a unit that has not reported it counting with its latest earlier value;
 * expected = B + (T − B) × pace, B the baseline (the month before the period); green at or
 * above expected, yellow from B + 90% of the way to expected, red below. What is judged is the
 * increase, so progress is the share of the required increase achieved, (actual − B) / (T − B);
 * the level's share of the target itself is a secondary figure (shareOfTarget). Without any
 * baseline, or with a baseline already at the target (no increase required), the figure is held
 * against the target itself (green at T, yellow from 90% of T) and progress is null.
 */
import type { PlanMetric } from "./plan.ts";
import { atLeast, type Progress, ratioOf, withoutTarget } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

/** The figure a level metric reads: its stock as of the month, carried forward. */
export function levelInputs(metric: PlanMetric): MetricInput[] {
  return [{ role: "a", indicator: metric.indicator as string, take: "latest" }];
}

export function levelProgress(input: {
  target: number | null;
  actual: number | null;
  baseline: number | null;
  pace: number;
}): Progress {
  const { target, actual, baseline, pace } = input;
  if (target === null) return withoutTarget(actual);
  const increase = baseline !== null && target > baseline;
  const expected = baseline === null ? null : baseline + (target - baseline) * pace;
  if (actual === null) return { actual, expected, progress: null, met: false, status: "no_data" };
  const [goal, floor] = !increase || expected === null ? [target, 0] : [expected, baseline];
  const status = atLeast(actual, goal)
    ? "green"
    : atLeast(actual, floor + 0.9 * (goal - floor))
      ? "yellow"
      : "red";
  const progress = increase ? (actual - baseline) / (target - baseline) : null;
  return { actual, expected, progress, met: atLeast(actual, target), status };
}

/** The level's share of the target itself (secondary to the increase's progress). */
export function shareOfTarget(actual: number | null, target: number | null): number | null {
  return ratioOf(actual, target);
}

/**
 * The district baseline: the units' total of the baseline month when every unit reported it,
 * else the plan's stated baseline, else the partial total of the units that did report it.
 */
export function districtBaseline(unitBaselines: (number | null)[], stated: number | null): number | null {
  let sum = 0;
  let reported = 0;
  for (const b of unitBaselines) {
    if (b === null) continue;
    sum += b;
    reported++;
  }
  if (reported > 0 && reported === unitBaselines.length) return sum;
  if (stated !== null) return stated;
  return reported > 0 ? sum : null;
}
