/**
 * The figure a target is judged by, and the mark it is judged against, as a fraction — the one
 * reading the progress bars, the town ranking and the tables share, so that a bar, its colour and
 * its words never disagree: a pace target's progress against its pace (a level's on the increase:
 * (actual − baseline) / (target − baseline) against the increase due), a share against its
 * target share, a cap's share of the cap against the cap. Pure.
 */
import type { MetricProgress, UnitProgress } from "../metrics/reportTypes.ts";

interface JudgedFigure {
  /** What the bar fills to (a fraction of the target, or a share). */
  value: number | null;
  /** Where the mark sits: the pace to date, the target share, or the cap (1). */
  mark: number | null;
  /** What the mark stands for. */
  markWord: { zh: string; en: string };
}

type Row = Pick<UnitProgress, "actual" | "target" | "expected" | "progress" | "baseline">;
type How = Pick<MetricProgress, "kind" | "judged" | "final">;

const PACE = { zh: "序时进度", en: "pace" };
const TARGET = { zh: "目标", en: "target" };
const CAP = { zh: "控制数", en: "cap" };

/** The judged figure of the district (the metric itself) or of one unit's row. */
export function judgedFigure(how: How, row: Row): JudgedFigure {
  const { actual, target } = row;
  if (how.kind === "ratio" || how.kind === "deadline")
    return { value: actual, mark: target, markWord: TARGET };
  if (how.kind === "cap") {
    return {
      value: actual !== null && target ? actual / target : null,
      mark: target === null ? null : 1,
      markWord: CAP,
    };
  }
  const value =
    row.progress ?? (how.kind === "cumulative" && actual !== null && target ? actual / target : null);
  if (how.judged !== "pace" || how.final)
    return { value, mark: target === null ? null : 1, markWord: TARGET };
  return { value, mark: paceMark(how, row), markWord: PACE };
}

/** The pace as a fraction of what is judged: expected / target, for a level of the increase. */
function paceMark(how: Pick<MetricProgress, "kind">, row: Row): number | null {
  const { expected, target } = row;
  if (expected === null || target === null || target <= 0) return null;
  if (how.kind === "level") {
    const b = row.baseline ?? null;
    return b === null || target <= b ? null : (expected - b) / (target - b);
  }
  return expected / target;
}

/**
 * How well a row stands against its mark, for ranking (higher is better): the judged figure over
 * its mark, the other way round for a cap.
 */
export function standing(how: How, row: Row): number {
  const { value, mark } = judgedFigure(how, row);
  if (value === null) return Number.NEGATIVE_INFINITY;
  if (!mark) return value;
  return how.kind === "cap" ? (value > 0 ? mark / value : Number.POSITIVE_INFINITY) : value / mark;
}
