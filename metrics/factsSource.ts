/**
 * Which reported cells a report counts — the one switch between "current" and "as reported".
 * Current: the newest revision of every unit-month (facts.current). As reported on a day: for
 * each unit-month, the latest accepted submission (highest submission_id) received before the end
 * of that day in Asia/Shanghai, and that submission's cells (facts keeps every revision). Every
 * metric kind reads its figures through these builders; values are always bound parameters.
 */
import { districtDayEnd } from "../core/districtTime.ts";

/** The parameters' prefix of a statement that reads one source. */
const SOURCE_PREFIX = "src";

export type Selection = { kind: "current" } | { kind: "as_reported"; day: string };

export interface Sql {
  sql: string;
  params: Record<string, string | number | boolean | null>;
}

interface SourceRange {
  /** First and last month, both included (YYYY-MM). */
  from: string;
  to: string;
  /** Only this unit, when given. */
  unit?: string | null;
  /** Only these reported items, when given. */
  indicators?: readonly string[];
  /** Prefix of the parameter names (defaults to SOURCE_PREFIX), so two sources can share a statement. */
  prefix?: string;
}

/** `(unit, month, submission_id)` of the submission counted for each unit-month in range. */
export function unitMonthsSource(selection: Selection, range: SourceRange): Sql {
  const p = range.prefix ?? SOURCE_PREFIX;
  const params: Sql["params"] = { [`${p}_from`]: range.from, [`${p}_to`]: range.to };
  const unitFilter = range.unit ? ` AND m.unit = $${p}_unit` : "";
  if (range.unit) params[`${p}_unit`] = range.unit;
  if (selection.kind === "current") {
    return {
      sql: `SELECT m.unit, m.month, m.submission_id FROM submission_unit_months m
WHERE m.current AND m.month BETWEEN $${p}_from AND $${p}_to${unitFilter}`,
      params,
    };
  }
  params[`${p}_cutoff`] = districtDayEnd(selection.day);
  return {
    sql: `SELECT m.unit, m.month, max(m.submission_id) AS submission_id
FROM submission_unit_months m JOIN submissions s ON s.submission_id = m.submission_id
WHERE s.status = 'accepted' AND s.kind = 'monthly' AND s.received_at < $${p}_cutoff::TIMESTAMPTZ
  AND m.month BETWEEN $${p}_from AND $${p}_to${unitFilter}
GROUP BY m.unit, m.month`,
    params,
  };
}

/** `(unit, month, indicator, value)`: the cells a report counts, in range. */
export function factsSource(selection: Selection, range: SourceRange): Sql {
  const p = range.prefix ?? SOURCE_PREFIX;
  const params: Sql["params"] = { [`${p}_from`]: range.from, [`${p}_to`]: range.to };
  const filters: string[] = [`f.month BETWEEN $${p}_from AND $${p}_to`];
  if (range.unit) {
    filters.push(`f.unit = $${p}_unit`);
    params[`${p}_unit`] = range.unit;
  }
  if (range.indicators?.length) {
    const names = range.indicators.map((indicator, i) => {
      params[`${p}_i${i}`] = indicator;
      return `$${p}_i${i}`;
    });
    filters.push(`f.indicator IN (${names.join(", ")})`);
  }
  if (selection.kind === "current") {
    return {
      sql: `SELECT f.unit, f.month, f.indicator, f.value FROM facts f WHERE f.current AND ${filters.join(" AND ")}`,
      params,
    };
  }
  const picked = unitMonthsSource(selection, range);
  return {
    sql: `SELECT f.unit, f.month, f.indicator, f.value FROM facts f
JOIN (${picked.sql}) p ON f.submission_id = p.submission_id AND f.unit = p.unit AND f.month = p.month
WHERE ${filters.join(" AND ")}`,
    params: { ...params, ...picked.params },
  };
}
