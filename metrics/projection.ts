/**
 * The year-end estimate (预计全年), with its method in words, and the two pace figures shown
 * beside it. Cumulative metrics run the year so far forward; where the warehouse holds a complete
 * previous year of the same flow, the run-rate follows that year's monthly shape (a year that
 * did 40% of its total by August is expected to do the same now):
 *   projected = actual to date × previous year's total ÷ previous year's total to the same month;
 * otherwise it is the plain run-rate, actual ÷ m × n. Level and cap metrics extend the change
 * since the baseline month at the same monthly rate: now + (now − baseline) ÷ m × (n − m).
 * Ratios and deadlines are not projected.
 */
import type { Lang } from "../core/lang.ts";
import { formatMonthSpan } from "./formatValue.ts";
import type { MetricKind } from "./reportTypes.ts";

interface Projection {
  value: number | null;
  method: { zh: string; en: string } | null;
}

interface ProjectionInput {
  kind: MetricKind;
  actual: number | null;
  baseline: number | null;
  /** Months elapsed and months in the plan. */
  m: number;
  n: number;
  /** The previous year's totals of the flow (units with all its months), when there are any. */
  previousYear: {
    toDate: number | null;
    full: number | null;
    first: string;
    asOf: string;
    last: string;
  } | null;
}

const NONE: Projection = { value: null, method: null };

export function projectionFor(input: ProjectionInput): Projection {
  const { kind, actual, baseline, m, n } = input;
  if (actual === null || m <= 0) return NONE;
  if (kind === "cumulative") return cumulativeProjection(input, actual);
  if ((kind === "level" || kind === "cap") && baseline !== null) {
    if (m >= n) return { value: actual, method: yearEnd() };
    return {
      value: actual + ((actual - baseline) / m) * (n - m),
      method: {
        zh: `按上年末以来的月均变化外推：预计年末 = 当前值 + (当前值 − 上年末值) ÷ ${m} × ${n - m}。`,
        en: `Trend since the baseline month: projected = now + (now − baseline) ÷ ${m} × ${n - m}.`,
      },
    };
  }
  return NONE;
}

function cumulativeProjection(input: ProjectionInput, actual: number): Projection {
  const { m, n, previousYear: prev } = input;
  if (m >= n) return { value: actual, method: yearEnd() };
  if (prev && prev.toDate !== null && prev.full !== null && prev.toDate > 0 && prev.full > 0) {
    const span = (lang: Lang) => formatMonthSpan(prev.first, prev.asOf, lang);
    const year = (lang: Lang) => formatMonthSpan(prev.first, prev.last, lang);
    return {
      value: (actual * prev.full) / prev.toDate,
      method: {
        zh: `按今年以来进度外推，并按上年各月分布调整：预计全年 = 今年累计 × ${year("zh")}合计 ÷ ${span("zh")}累计。`,
        en: `Run-rate of the year so far, adjusted by the previous year's monthly shape: projected = actual to date × total of ${year("en")} ÷ total of ${span("en")}.`,
      },
    };
  }
  return {
    value: (actual / m) * n,
    method: {
      zh: `按今年以来月均完成数外推（库中无完整的上年数据可供调整）：预计全年 = 今年累计 ÷ ${m} × ${n}。`,
      en: `Run-rate of the year so far (no complete previous year in the warehouse to adjust by): projected = actual to date ÷ ${m} × ${n}.`,
    },
  };
}

function yearEnd() {
  return { zh: "期末实际数（计划期已结束）。", en: "The actual figure at the period's end." };
}

/** (target − actual) / months left; null when no month is left or nothing is known. */
export function requiredMonthly(
  target: number | null,
  actual: number | null,
  m: number,
  n: number,
): number | null {
  if (target === null || actual === null || m >= n) return null;
  return (target - actual) / (n - m);
}

/** The mean monthly flow of the last three months up to as-of (fewer at the period's start). */
export function trailingMonthly(trailingSum: number | null, m: number): number | null {
  if (trailingSum === null || m <= 0) return null;
  return trailingSum / Math.min(3, m);
}
