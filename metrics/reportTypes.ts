/**
 * The report's shape (docs/contract.md §6): what `jobtrack report --format json`, `GET /api/report`, the
 * dashboard and `v_progress` all show. One source of truth: everything is derived from a Report.
 */
export type Status = "green" | "yellow" | "red" | "not_started" | "no_target" | "no_data";
export type Judged = "pace" | "by_due" | "always";
export type MetricKind = "cumulative" | "level" | "cap" | "ratio" | "deadline";
/** The kind of an item followed without a target (a plan's `kind: tracked`). */
export const TRACKED = "tracked";
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

/** A unit's figure of an item followed without a target. */
export interface TrackedUnit {
  unit: string;
  name: string;
  actual: number | null;
  /** `no_target` with a figure, `no_data` without, `not_started` before the item's first month. */
  status: Status;
}

/**
 * An item the plan follows without a target (kind `tracked`, docs/contract.md §6 `tracked`): the policy
 * names it but states no figure, so it has an actual, its months and its units, and no target,
 * pace, projection or colour.
 */
export interface TrackedProgress {
  id: string;
  name: string;
  name_zh: string;
  name_en: string;
  kind: typeof TRACKED;
  /** The reported item followed, its unit of count (persons, 10k_cny …) and whether it is a flow or a stock. */
  indicator: string;
  unit_of_count: string;
  flow: "flow" | "stock";
  /** A flow summed from `starts` to as-of; a stock at as-of, a unit not reported carried forward. */
  actual: number | null;
  status: Status;
  status_words: { zh: string; en: string };
  starts: string;
  /** The district's figure month by month from the period's first month: a flow's month, a stock's month end. */
  monthly: { month: string; value: number | null }[];
  coverage: Coverage;
  units: TrackedUnit[];
  quote: string;
  section: string | null;
  responsible: string[];
}

/** A target a subsidy is read beside: its figures as the report's metric gives them. */
export interface ServedTarget {
  id: string;
  name: string;
  name_zh: string;
  name_en: string;
  kind: MetricKind;
  direction: Direction;
  unit_of_count: string;
  actual: number | null;
  target: number | null;
  progress: number | null;
  status: Status;
  status_words: { zh: string; en: string };
}

/** One subsidy of the policy's money (docs/funds.md): what its paying units report. */
export interface FundSubsidy {
  /** The catalogue's subsidy id, and the tracked metric that follows its amount. */
  subsidy: string;
  metric: string;
  name: string;
  name_zh: string;
  name_en: string;
  amount_indicator: string;
  /** The item counting whom it reached, and its unit as the template says it (人, 家, 个), if the catalogue has one. */
  count_indicator: string | null;
  count_unit: string | null;
  /** Paid to date (万元) and reached to date (the months' counts added up), from the subsidy's first month. */
  paid: number | null;
  reached: number | null;
  /** 万元 per person (firm, project) reached: paid ÷ reached over the unit-months that reported both. */
  per_head: number | null;
  /** Month by month, aligned with Funds.months (null: nothing reported, or before the first month). */
  paid_monthly: (number | null)[];
  reached_monthly: (number | null)[];
  /** The units that reported it, with their figures to date. */
  units: { unit: string; paid: number | null; reached: number | null }[];
  /** The reported item the subsidy is read beside, and the targets that read that item. */
  serves: { indicator: string; name_zh: string; name_en: string; targets: ServedTarget[] } | null;
}

/**
 * The policy's money as of the month (docs/contract.md §6 `funds`): the subsidies the plan tracks, paid to
 * date by subsidy and by paying unit, month by month. Amounts are 万元, as the units report them.
 */
export interface Funds {
  amount_unit: "万元";
  /** The months of every monthly series below: the period's first month to as-of. */
  months: string[];
  paid: number | null;
  /** Whom the subsidies reached, added up over subsidies and months, per unit of count (人, 家, 个). */
  reached: { unit: string; count: number }[];
  subsidies: FundSubsidy[];
  /** Every unit that pays a tracked subsidy: paid to date and month by month, all its subsidies together. */
  units: { unit: string; name: string; paid: number | null; paid_monthly: (number | null)[] }[];
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
  /** The items followed without a target (absent in reports made before the plan could say so). */
  tracked?: TrackedProgress[];
  /** The policy's money: the tracked subsidies (null when the plan tracks none). */
  funds?: Funds | null;
  alerts: Alert[];
}
