/**
 * The statements a report reads its figures with. The counted cells of every item the plan reads,
 * from the baseline month to as-of, come out as one narrow numeric table — a slot number and a
 * value per cell — that fills the units' monthly series (monthlySeries.ts); every figure and
 * anomaly test is then arithmetic on those series (seriesFigures.ts), so a report reads the facts
 * once whatever the number of metrics and units. A second, narrow GROUP BY over the previous year
 * gives the projection its monthly shape; a third marks the months each unit submitted.
 */

import type { Catalogue } from "../core/catalogue.ts";
import { monthAt, monthIndex, monthsBetween, previousMonth } from "../core/month.ts";
import { factsSource, type Selection, type Sql, unitMonthsSource } from "./factsSource.ts";
import type { AlertThresholds, Plan } from "./plan.ts";

/** One reported item a metric reads: as its value (a) or denominator (b), its total or its stock. */
export interface MetricInput {
  role: "a" | "b";
  indicator: string;
  take: "total" | "latest";
}

export interface FiguresSpec {
  selection: Selection;
  period: Plan["period"];
  asOf: string;
  unit: string | null;
  /** Every reported item the plan's metrics read. */
  indicators: string[];
  /** Those of them that are flows (tested for anomalies), with the units that report each. */
  flows: string[];
  flowReporters: Record<string, readonly string[]>;
  /** The flows of cumulative metrics (the previous year's shape is read for them). */
  previousYearFlows: string[];
  anomaly: AlertThresholds["anomaly"];
  /** The plan's catalogue: the items the facts of its months can hold. */
  catalogue: Catalogue;
}

export interface MetricInputs {
  metric: number;
  inputs: MetricInput[];
  /** Unit kinds or codes that report the metric. */
  reporters: string[];
  /**
   * The metric's months among the period's months up to as-of (0 = the period's first): from its
   * `starts` month to the earlier of as-of and its `due` month. Flows are summed over them, stocks
   * taken at the last, and only they count as reported or missing.
   */
  from: number;
  to: number;
}

/** The months of the period up to as-of, one column each (c0 = the period's first month). */
export function periodMonths(spec: Pick<FiguresSpec, "period" | "asOf">): string[] {
  return monthsBetween(spec.period.first, spec.asOf);
}

/** The previous year: the 12 months before the period's first month, and its part up to as-of − 12. */
export function previousYear(spec: Pick<FiguresSpec, "period" | "asOf">) {
  const first = monthAt(monthIndex(spec.period.first) - 12);
  return {
    first,
    last: monthAt(monthIndex(spec.period.last) - 12),
    asOf: monthAt(monthIndex(spec.asOf) - 12),
  };
}

/** The unit index: units in code order, numbered from 0 (the report reads the registry in the same order). */
const UNIT_INDEX_SQL =
  "SELECT code AS unit, kind, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS ui FROM units";

/**
 * Every counted cell the figures need, one row each: `slot` names the cell's place in the
 * report's monthly series (monthlySeries.ts) — (item × months + month) × units + unit index, with
 * month 0 the baseline month and 1 + i the period's month i — and `value` its value. The month
 * and item are found by their position in a list, which DuckDB works out once per distinct
 * string, so the scan stays as cheap as reading the facts.
 */
export function cellsSql(spec: FiguresSpec, unitCount: number): Sql {
  const months = [previousMonth(spec.period.first), ...periodMonths(spec)];
  // every item of the catalogue read: no filter on the item is needed
  const everyItem = spec.catalogue.items.every((i) => spec.indicators.includes(i.key));
  const source = factsSource(spec.selection, {
    from: months[0],
    to: spec.asOf,
    unit: spec.unit,
    indicators: everyItem ? undefined : spec.indicators,
  });
  return {
    sql: `WITH ux AS (${UNIT_INDEX_SQL})
SELECT (((k - 1) * $cell_months::BIGINT + mk - 1) * $cell_units + ui)::INTEGER AS slot, value::DOUBLE AS value FROM (
  SELECT ux.ui, list_position($cell_item_names::VARCHAR[], f.indicator) AS k,
         list_position($cell_month_names::VARCHAR[], f.month) AS mk, f.value
  FROM (${source.sql}) f JOIN ux ON ux.unit = f.unit
) WHERE k IS NOT NULL AND mk IS NOT NULL`,
    params: {
      ...source.params,
      cell_units: unitCount,
      cell_months: months.length,
      cell_item_names: JSON.stringify(spec.indicators),
      cell_month_names: JSON.stringify(months),
    },
  };
}

/**
 * The previous year of the cumulative metrics' flows, for the projection's monthly shape: per item
 * (k, an index into spec.indicators) its total to the same month, its full total and the number
 * of its months with data.
 */
export function previousYearSql(spec: FiguresSpec): Sql {
  const prev = previousYear(spec);
  const source = factsSource(spec.selection, {
    from: prev.first,
    to: prev.last,
    unit: spec.unit,
    indicators: spec.previousYearFlows,
    prefix: "prev",
  });
  return {
    sql: `SELECT ind.k::INTEGER AS k, (sum(value) FILTER (WHERE month <= $prev_as_of))::DOUBLE AS to_date,
       sum(value)::DOUBLE AS full, count(DISTINCT month)::DOUBLE AS months
FROM (${source.sql}) p JOIN (
  SELECT unnest($ind_names::VARCHAR[]) AS indicator, unnest(range(len($ind_names::VARCHAR[])))::INTEGER AS k
) ind ON ind.indicator = p.indicator
GROUP BY ind.k`,
    params: { ...source.params, prev_as_of: prev.asOf, ind_names: JSON.stringify(spec.indicators) },
  };
}

/**
 * The year before the period (its 12 months) of the items targets of "not below last year" read
 * (`items`): per item (k, an index into spec.indicators) its total and the number of
 * unit-months that reported it (one counted cell per unit-month and item).
 */
export function lastYearSql(spec: FiguresSpec, items: readonly string[]): Sql {
  const source = factsSource(spec.selection, {
    from: monthAt(monthIndex(spec.period.first) - 12),
    to: previousMonth(spec.period.first),
    unit: spec.unit,
    indicators: items,
    prefix: "last",
  });
  return {
    sql: `SELECT ind.k::INTEGER AS k, sum(value)::DOUBLE AS total, count(*)::DOUBLE AS unit_months
FROM (${source.sql}) p JOIN (
  SELECT unnest($last_names::VARCHAR[]) AS indicator, unnest(range(len($last_names::VARCHAR[])))::INTEGER AS k
) ind ON ind.indicator = p.indicator
GROUP BY ind.k`,
    params: { ...source.params, last_names: JSON.stringify(spec.indicators) },
  };
}

/** Per unit index: the mask of period months (up to as-of) with a counted submission. */
export function submittedSql(spec: FiguresSpec): Sql {
  const months = periodMonths(spec);
  const source = unitMonthsSource(spec.selection, {
    from: spec.period.first,
    to: spec.asOf,
    unit: spec.unit,
  });
  const params: Sql["params"] = { ...source.params };
  const cases = months.map((month, i) => {
    params[`s${i}`] = month;
    return `WHEN $s${i} THEN ${2 ** i}`;
  });
  return {
    sql: `WITH um AS (${source.sql}), ux AS (${UNIT_INDEX_SQL})
SELECT ux.ui, bit_or(CASE um.month ${cases.join(" ")} ELSE 0 END)::DOUBLE AS mask
FROM um JOIN ux ON ux.unit = um.unit GROUP BY ux.ui`,
    params,
  };
}

/** The latest month with a counted submission within the period, if any. */
export function latestMonthSql(selection: Selection, period: Plan["period"]): Sql {
  const source = unitMonthsSource(selection, { from: period.first, to: period.last });
  return { sql: `SELECT max(month) AS month FROM (${source.sql})`, params: source.params };
}
