/**
 * The report's shape (docs/contract.md §6): what `jobtrack report --format json`, `GET /api/report`, the
 * dashboard and `v_progress` all show. One source of truth: everything is derived from a Report.
 */
export type Status = "green" | "yellow" | "red" | "not_started" | "no_target" | "no_data";
export type Judged = "pace" | "by_due" | "always";
export type MetricKind = "cumulative" | "level" | "cap" | "ratio" | "deadline";
export type Direction = "at_least" | "above" | "at_most";

export interface UnitMonth {
  unit: string;
  month: string;
}

export interface Coverage {
  reported: number;
  expected: number;
  missing: UnitMonth[];
}

/**
 * Where a target comes from (docs/contract.md §6): `policy` (the figure is in `quote`, the policy's
 * sentence) or `assigned` (a city assignment, a decision, the plan's own derivation, an official
 * 分解表), with `note` saying from where, in the report's language and in both.
 */
export interface TargetSourceOut {
  kind: "policy" | "assigned";
  quote: string | null;
  note: string | null;
  note_zh: string | null;
  note_en: string | null;
  /** The document an allocation was taken from (an official 分解表), when there is one. */
  document: string | null;
}

/** A unit's explanation (情况说明) of its status for the as-of month (docs/contract.md §6); `at` with +08:00. */
export interface UnitNote {
  text: string;
  author: string;
  at: string;
}

export interface UnitProgress {
  unit: string;
  name: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  /** actual / target; for a level, (actual − baseline) / (target − baseline), the unit's own. */
  progress: number | null;
  status: Status;
  /** Where the unit's target comes from: its allocation's source, or the metric's; null without a target. */
  target_source: TargetSourceOut | null;
  /** The shortfall against what the status is judged by, in the metric's unit of count (see MetricProgress.gap). */
  gap: number | null;
  /** Level metrics: the unit's own baseline, the increase since it, the increase its target needs, and the level's share of its target. */
  baseline?: number | null;
  increase?: number | null;
  increase_needed?: number | null;
  share_of_target?: number | null;
  /**
   * The unit's latest explanation of its status for the as-of month: the one it wrote for this
   * metric, else, where the unit is yellow or red here, the one it wrote for its month as a whole
   * (the 备注 of its monthly report); null when there is none.
   */
  note: UnitNote | null;
}

export interface MetricProgress {
  id: string;
  name: string;
  /** Both names; `name` is the one in the report's language. */
  name_zh: string;
  name_en: string;
  kind: MetricKind;
  direction: Direction;
  target: number | null;
  actual: number | null;
  expected: number | null;
  progress: number | null;
  projected: number | null;
  /** How `projected` was made, in words (zh and en). */
  projection_method: { zh: string; en: string } | null;
  /** (target − actual) / months left, for cumulative and level metrics; null elsewhere. */
  required_monthly: number | null;
  /** Mean monthly flow of the last three months up to as-of, for cumulative metrics. */
  trailing_monthly: number | null;
  met: boolean;
  status: Status;
  /** The status in words, as the glossary gives it for this kind and judged mode. */
  status_words: { zh: string; en: string };
  /** How the promise is judged, from which month, by which month; final once as-of reaches `due`. */
  judged: Judged;
  starts: string;
  due: string;
  final: boolean;
  /** `always`: the fraction below the target (a cap: below the cap) that is still yellow. */
  tolerance: number;
  target_source: TargetSourceOut;
  /**
   * The shortfall against what the status is judged by, in the unit of count (shares as
   * fractions): expected − actual for a pace metric before its due month, target − actual
   * otherwise, actual − target for a cap; zero or below when there is none.
   */
  gap: number | null;
  coverage: Coverage;
  units: UnitProgress[];
  /** Unit of count for display: persons, posts, villages, 100m_cny, share. */
  unit_of_count: string;
  /**
   * Level metrics (and caps on a stock): the baseline B, the district total of the month before
   * the metric starts (else the plan's stated baseline).
   */
  baseline?: number | null;
  /** Level metrics: actual − B, the increase achieved; T − B, the increase the target needs; actual / T. */
  increase?: number | null;
  increase_needed?: number | null;
  share_of_target?: number | null;
  /** Deadline metrics: the ledger category counted (zero_family in 户, hardship in 名). */
  case_category?: "zero_family" | "hardship";
  /** The policy sentence the target comes from, where in the policy, and the responsible bodies (责任单位). */
  quote?: string;
  section?: string | null;
  responsible?: string[];
}

export type AlertType =
  | "behind_pace"
  | "below_target"
  | "near_cap"
  | "over_cap"
  | "missed_target"
  | "missing_submission"
  | "anomaly"
  | "overdue_case";
export type Severity = "high" | "medium" | "low";

export interface Alert {
  type: AlertType;
  severity: Severity;
  metric: string | null;
  unit: string | null;
  month: string | null;
  message: string;
  zh: string;
  en: string;
  /** overdue_case: how many cases the alert stands for. */
  count?: number;
}

export interface Report {
  plan: string;
  asOf: string;
  /** Set when the report was recomputed from submissions received by this date (YYYY-MM-DD). */
  asReported?: string | null;
  /** Months elapsed (m) of the plan's months (n). */
  monthsElapsed: number;
  monthsInPlan: number;
  /** Set when the report is limited to one unit (its own figures against its own targets). */
  unit?: string | null;
  /** The day (YYYY-MM-DD, Asia/Shanghai) due dates and overdue cases were judged against. */
  today?: string;
  metrics: MetricProgress[];
  alerts: Alert[];
}
