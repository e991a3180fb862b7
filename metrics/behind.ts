/**
 * Who is behind on a target, worst first, and by how much in the target's own unit — what the
 * command line's table, the overview cards and the brief all name. "Worst" is red before yellow,
 * then the larger shortfall relative to what the unit is judged against (its expected increase
 * for a level, its expected value on pace, its target or cap otherwise), so a small town far
 * behind ranks above a large one slightly behind.
 */
import type { Lang } from "../core/lang.ts";
import { formatPercent, formatValue } from "./formatValue.ts";
import type { MetricProgress, UnitProgress } from "./reportTypes.ts";

/** How far below what it is judged against a unit is, as a fraction of that (larger is worse). */
function relativeGap(metric: Pick<MetricProgress, "judged" | "final" | "direction">, u: UnitProgress) {
  if (u.gap === null) return 0;
  const floor = u.baseline ?? 0;
  const against = metric.judged === "pace" && !metric.final && u.expected !== null ? u.expected : u.target;
  const scale = against === null ? 0 : Math.abs(against - floor);
  return scale > 0 ? u.gap / scale : u.gap;
}

const SEVERITY = { red: 2, yellow: 1 } as Record<string, number>;

/** The units of a metric that are red or yellow, worst first. */
export function unitsBehind(
  metric: Pick<MetricProgress, "judged" | "final" | "direction" | "units">,
): UnitProgress[] {
  return metric.units
    .filter((u) => u.status === "red" || u.status === "yellow")
    .map((u) => ({ u, r: relativeGap(metric, u) }))
    .sort(
      (x, y) =>
        SEVERITY[y.u.status] - SEVERITY[x.u.status] ||
        y.r - x.r ||
        (x.u.unit < y.u.unit ? -1 : x.u.unit > y.u.unit ? 1 : 0),
    )
    .map((x) => x.u);
}

/** A difference of shares in percentage points: `3.2个百分点` / `3.2 points`. */
export function formatPoints(fraction: number, lang: Lang): string {
  const text = formatPercent(Math.abs(fraction)).replace("%", "");
  if (lang === "zh") return `${text}个百分点`;
  return text === "1" ? "1 point" : `${text} points`;
}

/**
 * A gap in words, in the target's unit: `差76人` / `76 short`, for a cap `超出76人` / `76 over`
 * or, while still under it, `距上限76人` / `76 below the cap`; shares in percentage points.
 */
export function gapText(
  metric: Pick<MetricProgress, "direction" | "unit_of_count">,
  gap: number | null,
  lang: Lang,
): string {
  if (gap === null) return "";
  const amount =
    metric.unit_of_count === "share"
      ? formatPoints(gap, lang)
      : formatValue(Math.abs(gap), metric.unit_of_count, lang);
  if (metric.direction === "at_most") {
    if (gap > 0) return lang === "zh" ? `超出${amount}` : `${amount} over`;
    return lang === "zh" ? `距上限${amount}` : `${amount} below the cap`;
  }
  return lang === "zh" ? `差${amount}` : `${amount} short`;
}
