/**
 * Deadline metrics (T = 100%): read from the case ledger, a relation with the columns unit,
 * case_id, category, identified_on, employed_on and deadline (the view v_cases). With E the last
 * day of the metric's last counted month (as-of, or its due month once past): a case counts once
 * it is closed by E or its deadline is before E, if it was identified by E and its deadline falls
 * on or after the first day of the metric's `starts` month — so a case identified in December of
 * the year before and due in January counts, one due before the period does not. The share of
 * the counted cases closed on or before their deadline is the figure, judged like a ratio. The
 * relation is named by the caller (identifiers cannot be bound): until the warehouse has one, the
 * metric reports no_data.
 */

import type { CaseCategory } from "../core/caseDeadline.ts";
import { caseDeadlineSql } from "../core/caseDeadline.ts";
import type { Sql } from "./factsSource.ts";
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

/** Where a report reads cases from: a FROM item (without an alias) and its parameters. */
interface CasesSource {
  from: string;
  params: Sql["params"];
}

/**
 * The ledgers as they stood when an as-reported day ended: for each unit, the cases of its latest
 * accepted ledger received before the cutoff (an upload is the unit's whole ledger). The deadline
 * is computed as v_cases computes it, from the one rule of core/caseDeadline.ts.
 */
const LEDGERS_RECEIVED_BY = `SELECT c.unit, c.case_id, c.category, c.identified_on, c.employed_on, c.channel,
  ${caseDeadlineSql("c.category", "c.identified_on")} AS deadline
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
  return { from: `(${LEDGERS_RECEIVED_BY})`, params: { case_cutoff: cutoff } };
}

/** Whether the relation exists (a table or a view). */
export function relationExistsSql(name: string): Sql {
  return {
    sql: "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $relation",
    params: { relation: name },
  };
}

/** The days each ledger category is counted over: from its metric's first day to its E. */
interface CaseWindow {
  categories: { category: CaseCategory; start: string; end: string }[];
  unit: string | null;
}

/** The windows as a small relation `w(category, start_day, end_day)` joined to the cases, and the filter. */
function caseJoin(window: CaseWindow, params: Sql["params"]): { join: string; where: string } {
  const rows = window.categories.map((c, i) => {
    params[`case_c${i}`] = c.category;
    params[`case_s${i}`] = c.start;
    params[`case_e${i}`] = c.end;
    return `($case_c${i}, $case_s${i}::DATE, $case_e${i}::DATE)`;
  });
  const values = rows.length ? rows.join(", ") : "(NULL, NULL::DATE, NULL::DATE)";
  const unit = window.unit ? " AND c.unit = $case_unit" : "";
  if (window.unit) params.case_unit = window.unit;
  return {
    join: `JOIN (VALUES ${values}) w(category, start_day, end_day) ON w.category = c.category`,
    where: `c.identified_on <= w.end_day AND c.deadline >= w.start_day${unit}`,
  };
}

/** Per unit and category: cases counted so far, decided by E, and closed on time by E. */
export function deadlineSql(source: CasesSource, window: CaseWindow): Sql {
  const params: Sql["params"] = { ...source.params };
  const { join, where } = caseJoin(window, params);
  return {
    sql: `SELECT c.unit, c.category,
  count(*)::INTEGER AS identified,
  count(*) FILTER (WHERE c.employed_on <= w.end_day OR c.deadline < w.end_day)::INTEGER AS decided,
  count(*) FILTER (WHERE c.employed_on <= w.end_day AND c.employed_on <= c.deadline)::INTEGER AS on_time
FROM ${source.from} c ${join} WHERE ${where}
GROUP BY c.unit, c.category ORDER BY c.unit, c.category`,
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
  const { join, where } = caseJoin(window, params);
  return {
    sql: `SELECT c.unit, c.category, count(*)::INTEGER AS cases, strftime(min(c.deadline), '%Y-%m-%d') AS earliest
FROM ${source.from} c ${join}
WHERE ${where} AND c.deadline < $case_ref::DATE AND (c.employed_on IS NULL OR c.employed_on > $case_ref::DATE)
GROUP BY c.unit, c.category ORDER BY c.unit, c.category`,
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
