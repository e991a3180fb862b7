/**
 * The report's shape (CONTRACT §6): what `jobtrack report --format json`, `GET /api/report`, the
 * dashboard and `v_progress` all show. One source of truth: everything is derived from a Report.
 */
export type Status = "green" | "yellow" | "red" | "no_target" | "no_data";
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

export interface UnitProgress {
  unit: string;
  name: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  progress: number | null;
  status: Status;
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
  coverage: Coverage;
  units: UnitProgress[];
  /** Unit of count for display: persons, posts, villages, 100m_cny, share. */
  unit_of_count: string;
  /** Level metrics: the baseline B (the district total of the month before the period, else the plan's). */
  baseline?: number | null;
  /** The policy sentence the target comes from, where in the policy, and the responsible bodies (责任单位). */
  quote?: string;
  section?: string | null;
  responsible?: string[];
}

export type AlertType = "behind_pace" | "missing_submission" | "anomaly" | "overdue_case";
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
