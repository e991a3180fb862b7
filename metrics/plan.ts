/**
 * A plan (目标计划): one year's quantified commitments for one district, read from a YAML data
 * file in metrics/plans/. A new year or another district is a new file, never a code change.
 * `parsePlan` checks the file field by field and throws a DataError whose findings name the line
 * and the field (row = line, column = field path), in Chinese and English.
 */

import type { CaseCategory } from "../core/caseDeadline.ts";
import type { Catalogue } from "../core/catalogue.ts";
import type { LocalText } from "../core/lang.ts";
import { monthAt, monthIndex, previousMonth } from "../core/month.ts";
import type { PlanSpan } from "../etl/catalogue/planSpan.ts";
import { readPlanDocument } from "./readPlanDocument.ts";
import type { Direction, MetricKind } from "./reportTypes.ts";

/**
 * How a promise is judged (docs/contract.md §6): `pace` against the expected value to date, `by_due`
 * only at its due month (before it, not holding is yellow, never red), `always` every month.
 */
export type Judged = "pace" | "by_due" | "always";

/**
 * Where a target's figure comes from: the policy text itself (`policy`, the figure is in the
 * metric's quote), or somewhere else (`assigned`: a city assignment, a leading-group decision, an
 * estimate, weights the plan derives, an official 分解表), with a note saying from where.
 */
export interface TargetSource {
  kind: "policy" | "assigned";
  note: LocalText | null;
  /** The document an allocation was taken from (an official 分解表), when there is one. */
  document: string | null;
}

/**
 * How much of a target is due by the end of each month. `linear`: m/n. `profile`: a cumulative
 * fraction for every month of the period (seasonal). `checkpoints`: fractions at some months
 * (节点目标), linear in between, starting from 0 at the baseline month and ending at 1.
 */
export type Pace =
  | { kind: "linear" }
  | { kind: "profile"; points: Record<string, number> }
  | { kind: "checkpoints"; points: Record<string, number> };

export interface PlanMetric {
  id: string;
  name: LocalText;
  kind: MetricKind;
  direction: Direction;
  target: number;
  /** The reported item of a cumulative, level or cap metric. */
  indicator: string | null;
  /** The two reported items of a ratio metric. */
  numerator: string | null;
  denominator: string | null;
  /** The ledger category of a deadline metric. */
  caseCategory: CaseCategory | null;
  /** Unit kinds or unit codes that report the metric (from the indicator catalog unless stated). */
  reporters: string[];
  /** Level metrics: the baseline stated in the plan, used when the baseline month was not reported. */
  baseline: number | null;
  pace: Pace;
  /** The first month the promise applies (YYYY-MM); before it the metric is not started. */
  starts: string;
  /** The month by which the target must hold (YYYY-MM); from it on the judgement is final. */
  due: string;
  judged: Judged;
  /** `always`: the fraction below the target (for a cap: below the cap) that is still yellow. */
  tolerance: number;
  targetSource: TargetSource;
  /**
   * `previous_year`: the target is the indicator's total of the year before the period when the
   * warehouse holds every month of it (不低于上年水平); `target` is the stated fallback.
   */
  targetFrom: "previous_year" | null;
  /** The policy sentence the target comes from, as the policy words it. */
  quote: string;
  /** Where in the policy: chapter and section. */
  section: string | null;
  /** The responsible bodies (责任单位) the policy names for the commitment. */
  responsible: string[];
  /** persons, posts, villages, 100m_cny or share. */
  unitOfCount: string;
  note: string | null;
}

/**
 * A reported item the plan follows without a target (kind `tracked`): the policy names it but sets
 * no figure, so it is reported as it stands — its total (a flow summed from `starts`, a stock at
 * as-of), month by month and unit by unit — and never judged. The policy's money is tracked so:
 * a subsidy's amount item, paired by the catalogue with the persons or firms it reached.
 */
export interface TrackedMetric {
  id: string;
  name: LocalText;
  /** The reported item followed. */
  indicator: string;
  /** The first month counted (YYYY-MM); before it the item is not started. */
  starts: string;
  /** The policy sentence that names it, where in the policy, and the responsible bodies it lists. */
  quote: string;
  section: string | null;
  responsible: string[];
  note: string | null;
}

export interface AlertThresholds {
  behindPace: {
    /** The district's status from which behind_pace is raised (defaults to yellow). */
    districtFrom: "yellow" | "red";
    /** A unit's status from which behind_pace is raised for it (defaults to yellow). */
    unitsFrom: "yellow" | "red" | "never";
  };
  anomaly: {
    /** A flow is far outside its unit's history when |x − median| > robustZ · 1.4826 · MAD (defaults to 5). */
    robustZ: number;
    /** Months of the period reported by the unit before its months are judged (defaults to 3). */
    minHistory: number;
    /** The smallest spread used, in the indicator's unit of count (defaults to 1). */
    minScale: number;
    /** How close to "earlier months of the year + a typical month" a year-to-date-looking value is (defaults to 0.1). */
    ytdTolerance: number;
  };
  /** Missing submissions and overdue cases become high severity after this many days (defaults to 30). */
  highAfterDays: number;
}

export interface Plan {
  id: string;
  name: LocalText;
  district: string;
  /** The policy document, e.g. 青府规发〔2022〕4号. */
  document: string | null;
  period: { first: string; last: string };
  /** The month before the period (上年末): where level baselines come from. */
  baselineMonth: string;
  /** A month's report is due on this day of the next month (defaults to 5). */
  dueDay: number;
  alerts: AlertThresholds;
  /** The targets, each judged as the plan says. */
  metrics: PlanMetric[];
  /** The items followed without a target (`kind: tracked`), in the plan's order. */
  tracked: TrackedMetric[];
  /** metric id → unit code → that unit's target. */
  allocations: Record<string, Record<string, number>>;
  /** metric id → where its allocation comes from. */
  allocationSources: Record<string, TargetSource>;
  /** The policy text the quotes are checked against, as the plan names it (relative to the plan file). */
  policy: string | null;
  /** The reported items of the plan's monthly template (its `catalogue:` file; empty when it names none). */
  catalogue: Catalogue;
  /** The file the plan was read from. */
  file: string;
}

export interface ParsePlanOptions {
  /**
   * The text of the policy file the plan names (its `policy:` path, relative to the plan file),
   * or null when there is no such file. Without it the quotes are not checked.
   */
  readPolicy?: (path: string) => string | null;
  /** The text of a file the plan names (a path relative to the plan file), or null when it cannot be read. */
  readCatalogue?: (path: string) => string | null;
}

/** Parses and checks a plan file; throws DataError naming the line and field of every problem. */
export function parsePlan(text: string, fileName: string, options: ParsePlanOptions = {}): Plan {
  return readPlanDocument(text, fileName, options);
}

/** Months in the plan's period (n). */
export function monthsInPlan(plan: Plan): number {
  return monthIndex(plan.period.last) - monthIndex(plan.period.first) + 1;
}

/** Whether some plan covers a month: its period, or the baseline month just before it. */
export function planCovers(plans: readonly Plan[], month: string): boolean {
  return plans.some((p) => month >= previousMonth(p.period.first) && month <= p.period.last);
}

/**
 * The plans' periods with their catalogues, for the ingest: its month check (which adds each
 * baseline month itself) and the catalogue a file's months are read with. A plan holding a target
 * of "not below last year" (`target_from: previous_year`) reads the year before its period as well,
 * so that year's reports can be taken.
 */
export function planPeriods(plans: readonly Plan[]): PlanSpan[] {
  return plans.map((p) => ({
    first: p.metrics.some((m) => m.targetFrom === "previous_year")
      ? monthAt(monthIndex(p.period.first) - 11)
      : p.period.first,
    last: p.period.last,
    catalogue: p.catalogue,
  }));
}

/** The plan that covers a month (its period), the latest-starting one when several do. */
export function planFor(plans: readonly Plan[], month: string): Plan | null {
  const covering = plans.filter((p) => month >= p.period.first && month <= p.period.last);
  covering.sort((a, b) => (a.period.first < b.period.first ? 1 : -1));
  return covering[0] ?? null;
}

/** The reported items the plan's tracked metrics follow. */
export function trackedIndicators(plan: Pick<Plan, "tracked">): string[] {
  return plan.tracked.map((t) => t.indicator);
}

/** The reported items a metric reads. */
export function metricIndicators(metric: PlanMetric): string[] {
  if (metric.kind === "ratio") return [metric.numerator as string, metric.denominator as string];
  if (metric.kind === "deadline") return [];
  return [metric.indicator as string];
}
