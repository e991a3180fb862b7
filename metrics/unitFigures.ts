/**
 * The figures of every unit and metric in one statement: one GROUP BY (unit, indicator) over the
 * counted cells (see factsSource.ts) gives each item's value in each month of the period up to
 * as-of (c0 … c{m-1}), in the baseline month (cb), the median and MAD of its monthly flows over
 * the unit's own history (the 12 months before the period and the period so far) and the
 * previous year's totals. Everything else — totals, stocks carried forward, which months were
 * reported, anomalies — is arithmetic on that one row, so a report reads the facts once whatever
 * the number of metrics and units. The result is a narrow numeric table (cheap to hand to
 * JavaScript) holding three kinds of rows, told apart by `ui` and `k`:
 *   ui ≥ 0, k ≥ 0  a unit's input to a metric: k = metric × 2 + role (0 value, 1 denominator);
 *                  v1 = the value, v2 = the mask of months reported, v3 = the extra figure
 *                  (the last three months' flow for a total, the baseline month's stock for a stock);
 *   ui = −1        the previous year of flow k (an index into spec.indicators): v1 = its total to
 *                  the same month, v2 = its full total, v3 = the number of units with all its months;
 *   ui ≥ 0, k < 0  a flagged month: −k − 1 = (indicator × 64 + month) × 4 + flags (1 outlier,
 *                  2 year-to-date-looking); v1 = the value, v2 = the median, v3 = the year's earlier
 *                  months added up when it looks year-to-date, else the MAD.
 */
import { monthAt, monthIndex, monthsBetween, previousMonth } from "../etl/normalize/month.ts";
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
  /** Those of them that are flows. */
  flows: string[];
  anomaly: AlertThresholds["anomaly"];
}

export interface MetricInputs {
  metric: number;
  inputs: MetricInput[];
  /** Unit kinds or codes that report the metric. */
  reporters: string[];
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
export const UNIT_INDEX_SQL =
  "SELECT code AS unit, kind, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS ui FROM units";

function list(prefix: string, values: readonly string[], params: Sql["params"]): string {
  if (!values.length) return "NULL";
  const names = values.map((value, i) => {
    params[`${prefix}${i}`] = value;
    return `$${prefix}${i}`;
  });
  return names.join(", ");
}

/** The per-(unit, indicator) aggregate. */
function aggregateSql(spec: FiguresSpec, params: Sql["params"]): string {
  const months = periodMonths(spec);
  const prev = previousYear(spec);
  const source = factsSource(spec.selection, {
    from: prev.first,
    to: spec.asOf,
    unit: spec.unit,
    indicators: spec.indicators,
  });
  Object.assign(params, source.params, {
    base: previousMonth(spec.period.first),
    prev_first: prev.first,
    prev_last: prev.last,
    prev_as_of: prev.asOf,
  });
  const columns = months.map((month, i) => {
    params[`p${i}`] = month;
    return `max(value) FILTER (WHERE month = $p${i}) AS c${i}`;
  });
  const isFlow = `indicator IN (${list("fl", spec.flows, params)})`;
  return `SELECT unit, indicator,
    ${columns.join(",\n    ")},
    max(value) FILTER (WHERE month = $base) AS cb,
    median(value) FILTER (WHERE ${isFlow}) AS med,
    mad(value) FILTER (WHERE ${isFlow}) AS mad,
    count(*) AS n_hist,
    sum(value) FILTER (WHERE month BETWEEN $prev_first AND $prev_as_of) AS prev_ytd,
    sum(value) FILTER (WHERE month BETWEEN $prev_first AND $prev_last) AS prev_full,
    count(*) FILTER (WHERE month BETWEEN $prev_first AND $prev_last) AS prev_n
  FROM (${source.sql}) GROUP BY unit, indicator`;
}

/** SQL expressions over one aggregate row (columns c0 … c{m-1}, cb). */
export function figureExpressions(m: number) {
  const cols = Array.from({ length: m }, (_, i) => `c${i}`);
  const sum = (names: string[]) => names.map((c) => `coalesce(${c}, 0)`).join(" + ");
  return {
    /** Bit i set when month i was reported. */
    mask: `(${cols.map((c, i) => `(CASE WHEN ${c} IS NULL THEN 0 ELSE ${2 ** i} END)`).join(" + ")})`,
    /** The flow summed over the period so far; null when no month was reported. */
    total: `(CASE WHEN ${cols.map((c) => `${c} IS NULL`).join(" AND ")} THEN NULL ELSE ${sum(cols)} END)`,
    /** The stock as of the month, else the latest earlier value back to the baseline month. */
    latest: `coalesce(${[...cols].reverse().join(", ")}, cb)`,
    /** The flow of the last three months (fewer at the start of the period). */
    trailing: `(${sum(cols.slice(-3))})`,
  };
}

/**
 * Anomaly tests on an aggregate row, as bit masks over the period's months. A month is an
 * outlier when the unit has at least min_history months of history and |x − median| >
 * robust_z × max(1.4826 × MAD, min_scale). It looks like a year-to-date total when at least two
 * earlier months of its calendar year were all reported, they add up to S > 0, x is above the
 * median, and x is within ytd_tolerance of S + median (the year so far plus a typical month).
 */
function anomalyExpressions(months: string[]) {
  const scale = "greatest(1.4826 * mad, $min_scale)";
  const outliers = months.map(
    (_, i) =>
      `(CASE WHEN n_hist >= $min_history AND abs(c${i} - med) > $z * ${scale} THEN ${2 ** i} ELSE 0 END)`,
  );
  const priors = months.map((month, i) => {
    const january = months.indexOf(`${month.slice(0, 4)}-01`);
    if (january < 0 || i - january < 2) return null;
    const earlier = Array.from({ length: i - january }, (_, k) => `c${january + k}`);
    return { earlier, sum: `(${earlier.join(" + ")})` };
  });
  const ytd = priors.map((p, i) =>
    p === null
      ? "0"
      : `(CASE WHEN ${p.earlier.map((c) => `${c} IS NOT NULL`).join(" AND ")} AND ${p.sum} > 0 AND c${i} > med
          AND abs(c${i} - (${p.sum} + med)) <= $tol * (${p.sum} + med) THEN ${2 ** i} ELSE 0 END)`,
  );
  return {
    outliers: `(${outliers.join(" + ")})::BIGINT`,
    ytd: `(${ytd.join(" + ")})::BIGINT`,
    priors: `[${priors.map((p) => (p === null ? "NULL" : p.sum)).join(", ")}]::DOUBLE[]`,
  };
}

/** The one statement of a report's figures (see the file's comment for its rows). */
export function figuresSql(spec: FiguresSpec, inputs: MetricInputs[], withAnomalies: boolean): Sql {
  const months = periodMonths(spec);
  const m = months.length;
  const params: Sql["params"] = {};
  const agg = aggregateSql(spec, params);
  const e = figureExpressions(m);
  const rows = inputs.flatMap((x) =>
    x.inputs.map((input) => ({
      ...input,
      k: x.metric * 2 + (input.role === "a" ? 0 : 1),
      reporters: x.reporters,
    })),
  );
  Object.assign(params, {
    mm_k: JSON.stringify(rows.map((r) => r.k)),
    mm_indicator: JSON.stringify(rows.map((r) => r.indicator)),
    mm_take: JSON.stringify(rows.map((r) => r.take)),
    mm_reporters: JSON.stringify(rows.map((r) => r.reporters)),
    ind_names: JSON.stringify(spec.indicators),
  });
  const parts = [
    `SELECT ux.ui, mm.k,
    CASE mm.take WHEN 'total' THEN ${e.total} ELSE ${e.latest} END AS v1,
    ${e.mask}::DOUBLE AS v2,
    CASE mm.take WHEN 'total' THEN ${e.trailing} ELSE cb END AS v3
  FROM agg JOIN mm ON mm.indicator = agg.indicator JOIN ux ON ux.unit = agg.unit
  WHERE list_contains(mm.reporters, ux.kind) OR list_contains(mm.reporters, ux.unit)`,
    `SELECT -1, ind.k,
    sum(prev_ytd) FILTER (WHERE prev_n = $prev_months),
    sum(prev_full) FILTER (WHERE prev_n = $prev_months),
    count(*) FILTER (WHERE prev_n = $prev_months)
  FROM agg JOIN ind ON ind.indicator = agg.indicator
  WHERE agg.indicator IN (${list("pf", spec.flows, params)}) GROUP BY ind.k`,
  ];
  params.prev_months = monthIndex(spec.period.last) - monthIndex(spec.period.first) + 1;
  if (withAnomalies) {
    const a = anomalyExpressions(months);
    Object.assign(params, {
      z: spec.anomaly.robustZ,
      min_scale: spec.anomaly.minScale,
      min_history: spec.anomaly.minHistory,
      tol: spec.anomaly.ytdTolerance,
    });
    parts.push(`SELECT ux.ui, -1 - ((ind.k * 64 + t.i) * 4 + ((f.outliers >> t.i) & 1) + 2 * ((f.ytd >> t.i) & 1))::INTEGER,
    f.vals[t.i + 1], f.med, CASE WHEN (f.ytd >> t.i) & 1 = 1 THEN f.priors[t.i + 1] ELSE f.mad END
  FROM (
    SELECT unit, indicator, med, mad, [${Array.from({ length: m }, (_, i) => `c${i}`).join(", ")}]::DOUBLE[] AS vals,
      ${a.priors} AS priors, outliers, ytd
    FROM (SELECT *, ${a.outliers} AS outliers, ${a.ytd} AS ytd
          FROM agg WHERE indicator IN (${list("af", spec.flows, params)}) AND med IS NOT NULL)
    WHERE outliers <> 0 OR ytd <> 0
  ) f JOIN ux ON ux.unit = f.unit JOIN ind ON ind.indicator = f.indicator, range(${m}) t(i)
  WHERE (f.outliers >> t.i) & 1 = 1 OR (f.ytd >> t.i) & 1 = 1`);
  }
  const sql = `WITH agg AS MATERIALIZED (
  ${agg}
), mm AS (
  SELECT unnest($mm_k::INTEGER[]) AS k, unnest($mm_indicator::VARCHAR[]) AS indicator,
         unnest($mm_take::VARCHAR[]) AS take, unnest($mm_reporters::VARCHAR[][]) AS reporters
), ind AS (
  SELECT unnest($ind_names::VARCHAR[]) AS indicator, (generate_subscripts($ind_names::VARCHAR[], 1) - 1)::INTEGER AS k
), ux AS (${UNIT_INDEX_SQL})
SELECT ui::INTEGER AS ui, k::INTEGER AS k, v1::DOUBLE AS v1, v2::DOUBLE AS v2, v3::DOUBLE AS v3 FROM (
${parts.join("\nUNION ALL\n")}
)`;
  return { sql, params };
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
