/**
 * Deadline metrics (T = 100%): read from the case ledger, a relation with the columns unit,
 * case_id, category, identified_on, employed_on and deadline (the view v_cases). With E the
 * as-of month's last day: of the cases identified in the period up to E, those closed by E or
 * whose deadline is before E are decided; the share of them closed on or before their deadline is
 * the figure, judged like a ratio. The relation is named by the caller (identifiers cannot be
 * bound): until the warehouse has one, the metric reports no_data.
 */
import type { Sql } from "./factsSource.ts";
import type { CaseCategory } from "./plan.ts";
import { shareProgress } from "./ratio.ts";
import type { Direction } from "./reportTypes.ts";
import type { Progress } from "./status.ts";

/** The ledger relation a report reads. */
export const CASES_RELATION = "v_cases";

/** A relation name as a quoted identifier; only plain names are accepted. */
export function quoteRelation(name: string): string {
  if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`not a relation name: ${name}`);
  return `"${name}"`;
}

/** Where a report reads cases from: a FROM item and its parameters. */
export interface CasesSource {
  from: string;
  params: Sql["params"];
}

/**
 * The ledgers as they stood when an as-reported day ended: for each unit, the cases of its latest
 * accepted ledger received before the cutoff (an upload is the unit's whole ledger). The deadline
 * is computed as v_cases computes it (calendar months, clamped at month end).
 */
const LEDGERS_RECEIVED_BY = `SELECT c.unit, c.case_id, c.category, c.identified_on, c.employed_on, c.channel,
  CAST(c.identified_on + CASE c.category WHEN 'zero_family' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE) AS deadline
FROM cases c
WHERE c.submission_id IN (
  SELECT max(s.submission_id) FROM submissions s
  WHERE s.kind = 'cases' AND s.status = 'accepted' AND s.received_at < $case_cutoff::TIMESTAMPTZ
  GROUP BY s.units[1])`;

/**
 * The cases a report counts: the relation as it is, or, for an as-reported report over the
 * warehouse's own ledger (v_cases), the ledgers received before `cutoff` (an instant with offset).
 */
export function casesSource(relation: string, cutoff: string | null): CasesSource {
  if (cutoff === null || relation !== CASES_RELATION) return { from: quoteRelation(relation), params: {} };
  return { from: `(${LEDGERS_RECEIVED_BY}) AS received`, params: { case_cutoff: cutoff } };
}

/** Whether the relation exists (a table or a view). */
export function relationExistsSql(name: string): Sql {
  return {
    sql: "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $relation",
    params: { relation: name },
  };
}

export interface CaseWindow {
  /** The period's first day and the as-of month's last day (E), YYYY-MM-DD. */
  start: string;
  end: string;
  categories: CaseCategory[];
  unit: string | null;
}

function caseFilter(window: CaseWindow, params: Sql["params"]): string {
  params.case_start = window.start;
  params.case_end = window.end;
  const categories = window.categories.map((c, i) => {
    params[`case_c${i}`] = c;
    return `$case_c${i}`;
  });
  const unit = window.unit ? " AND unit = $case_unit" : "";
  if (window.unit) params.case_unit = window.unit;
  return `identified_on BETWEEN $case_start::DATE AND $case_end::DATE AND category IN (${categories.join(", ") || "NULL"})${unit}`;
}

/** Per unit and category: cases identified, decided by E, and closed on time by E. */
export function deadlineSql(source: CasesSource, window: CaseWindow): Sql {
  const params: Sql["params"] = { ...source.params };
  const where = caseFilter(window, params);
  return {
    sql: `SELECT unit, category,
  count(*)::INTEGER AS identified,
  count(*) FILTER (WHERE employed_on <= $case_end::DATE OR deadline < $case_end::DATE)::INTEGER AS decided,
  count(*) FILTER (WHERE employed_on <= $case_end::DATE AND employed_on <= deadline)::INTEGER AS on_time
FROM ${source.from} WHERE ${where}
GROUP BY unit, category ORDER BY unit, category`,
    params,
  };
}

/** Units that keep a ledger at all (any case in the relation). */
export function ledgerUnitsSql(source: CasesSource): Sql {
  return { sql: `SELECT DISTINCT unit FROM ${source.from} ORDER BY unit`, params: { ...source.params } };
}

/**
 * Open cases past their deadline as of `reference` (the earlier of today and E), per unit and
 * category, with the earliest deadline missed.
 */
export function overdueCasesSql(source: CasesSource, window: CaseWindow, reference: string): Sql {
  const params: Sql["params"] = { ...source.params, case_ref: reference };
  const where = caseFilter(window, params);
  return {
    sql: `SELECT unit, category, count(*)::INTEGER AS cases, strftime(min(deadline), '%Y-%m-%d') AS earliest
FROM ${source.from}
WHERE ${where} AND deadline < $case_ref::DATE AND (employed_on IS NULL OR employed_on > $case_ref::DATE)
GROUP BY unit, category ORDER BY unit, category`,
    params,
  };
}

export function deadlineProgress(input: {
  target: number | null;
  direction: Direction;
  decided: number | null;
  onTime: number | null;
}): Progress {
  const { decided, onTime } = input;
  const share = decided === null || onTime === null || decided === 0 ? null : onTime / decided;
  return shareProgress(share, input.target, input.direction);
}
