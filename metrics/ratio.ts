/**
 * Ratio metrics (numerator over denominator, at least T or above T): flows are summed from the
 * metric's first month, stocks taken as of the month (carried forward); green when the condition
 * holds, red when it does not — judgement.ts then reads that by the metric's judged mode (yellow
 * before the due month, or within the tolerance). No pace applies.
 */
import type { Catalogue } from "../core/catalogue.ts";
import type { PlanMetric } from "./plan.ts";
import type { Direction } from "./reportTypes.ts";
import { above, atLeast, type Progress, ratioOf, withoutTarget } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

export function ratioInputs(metric: PlanMetric, catalogue: Catalogue): MetricInput[] {
  const take = (key: string) => (catalogue.byKey.get(key)?.flow === "flow" ? "total" : "latest");
  const numerator = metric.numerator as string;
  const denominator = metric.denominator as string;
  return [
    { role: "a", indicator: numerator, take: take(numerator) },
    { role: "b", indicator: denominator, take: take(denominator) },
  ];
}

/** Whether a share meets its target now. */
function shareHolds(share: number, target: number, direction: Direction): boolean {
  return direction === "above" ? above(share, target) : atLeast(share, target);
}

/** The status of a share against its target (ratio and deadline metrics alike). */
export function shareProgress(share: number | null, target: number | null, direction: Direction): Progress {
  if (target === null) return withoutTarget(share);
  if (share === null) return { actual: null, expected: null, progress: null, met: false, status: "no_data" };
  const met = shareHolds(share, target, direction);
  return {
    actual: share,
    expected: null,
    progress: ratioOf(share, target),
    met,
    status: met ? "green" : "red",
  };
}

export function ratioProgress(input: {
  target: number | null;
  direction: Direction;
  numerator: number | null;
  denominator: number | null;
}): Progress {
  const { numerator, denominator } = input;
  const share =
    numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
  return shareProgress(share, input.target, input.direction);
}
