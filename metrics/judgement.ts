/**
 * When and how a promise is judged (docs/contract.md §6, docs/judgement.md): the months a metric counts
 * (from its `starts` month to the earlier of as-of and its `due` month), how much of it is due by
 * now, and the status its judged mode gives a figure:
 * - before `starts`: not_started (nothing is due, nothing is missing);
 * - at or after `due`: final — green when the target is met, red otherwise;
 * - `pace`: as the kind compares the figure with its expected value (cumulative.ts, level.ts);
 * - `by_due`: green when the target is met, yellow otherwise — never red before the due month;
 * - `always`: green when met, yellow within the tolerance below the target (a cap: within it
 *   below the cap), red beyond.
 * Pure.
 */
import { monthIndex } from "../core/month.ts";
import { paceFraction } from "./pace.ts";
import type { Plan, PlanMetric } from "./plan.ts";
import type { Status } from "./reportTypes.ts";
import type { Progress } from "./status.ts";

export interface MetricWindow {
  /** Whether as-of has reached the metric's `starts` month. */
  started: boolean;
  /** Whether as-of has reached its `due` month: the judgement is final. */
  final: boolean;
  /** Its first and last counted months, as indexes into the period's months (from > to: none yet). */
  from: number;
  to: number;
  /** Months elapsed (m, from `starts` to as-of, at most n) and months from `starts` to `due` (n). */
  m: number;
  n: number;
  /** The share of the target due by as-of (1 from the due month on). */
  pace: number;
}

export function metricWindow(plan: Plan, metric: PlanMetric, asOf: string): MetricWindow {
  const first = monthIndex(plan.period.first);
  const starts = monthIndex(metric.starts);
  const due = monthIndex(metric.due);
  const at = monthIndex(asOf);
  const n = due - starts + 1;
  const m = Math.max(0, Math.min(n, at - starts + 1));
  const last = at < due ? asOf : metric.due;
  return {
    started: at >= starts,
    final: at >= due,
    from: starts - first,
    to: Math.min(at, due) - first,
    m,
    n,
    pace: m === 0 ? 0 : paceFraction(metric.pace, { first: metric.starts, last: metric.due }, last),
  };
}

/** How far below the target an `always` figure is still yellow, for an at-least target. */
function withinTolerance(actual: number, target: number, tolerance: number): boolean {
  return actual >= target * (1 - tolerance) - 1e-9 * Math.max(1, Math.abs(target));
}

/**
 * The status of a figure as its metric is judged. `p` is the kind's own reading (its status is
 * the pace comparison for cumulative and level kinds, the tolerance band for a cap).
 */
export function judgedStatus(
  metric: Pick<PlanMetric, "kind" | "judged" | "tolerance" | "direction">,
  window: Pick<MetricWindow, "started" | "final">,
  target: number | null,
  p: Progress,
): Status {
  if (!window.started) return "not_started";
  if (p.status === "no_target" || p.status === "no_data" || target === null || p.actual === null)
    return p.status;
  if (window.final) return p.met ? "green" : "red";
  if (metric.judged === "by_due") return p.met ? "green" : "yellow";
  if (metric.judged === "pace" || metric.kind === "cap") return p.status;
  if (p.met) return "green";
  return withinTolerance(p.actual, target, metric.tolerance) ? "yellow" : "red";
}

/**
 * How far a figure is from what it is judged against, in the metric's unit of count (a share in
 * fractions): the expected value minus the actual for a pace metric before its due month, the
 * target minus the actual otherwise, and for a cap the actual minus the cap. Positive is a
 * shortfall (or an excess over a cap); zero or below, none. Null without figures.
 */
export function gapOf(
  metric: Pick<PlanMetric, "judged" | "direction">,
  window: Pick<MetricWindow, "started" | "final">,
  target: number | null,
  p: Pick<Progress, "actual" | "expected">,
): number | null {
  if (!window.started || target === null || p.actual === null) return null;
  if (metric.judged === "pace" && !window.final)
    return p.expected === null ? target - p.actual : p.expected - p.actual;
  return metric.direction === "at_most" ? p.actual - target : target - p.actual;
}
