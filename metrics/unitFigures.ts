/**
 * The figures of every unit and metric in one statement. One GROUP BY (unit, indicator) over the
 * counted cells (see factsSource.ts) turns each item's months into columns: c0 … c{m-1} for the
 * period's months up to as-of, cb for the baseline month. Everything else is arithmetic on that
 * row — the total, the stock carried forward, the mask of months reported, the last three
 * months, the median and MAD of the months present (robustStats.ts) and the anomaly tests — so a
 * report reads the facts once whatever the number of metrics and units; a second, narrow GROUP BY
 * over the previous year gives the projection its monthly shape. The result is a narrow numeric
 * table (cheap to hand to JavaScript) of three kinds of rows, told apart by `ui` and `k`:
 *   ui ≥ 0, k ≥ 0  a unit's input to a metric: k = metric × 2 + role (0 value, 1 denominator);
 *                  v1 = the value, v2 = the mask of months reported, v3 = the extra figure
 *                  (the last three months' flow for a total, the baseline month's stock for a stock);
 *   ui ≥ 0, k < 0  a unit's flow with a flagged month (the latest one): −k − 1 = (indicator × 64 +
 *                  month) × 4 + flags (1 outlier, 2 year-to-date-looking); v1 = the month's value,
 *                  v2 = the median, v3 = the year's earlier months added up when it looks
 *                  year-to-date, else the MAD;
 *   ui = −1        the previous year of flow k (an index into spec.indicators): v1 = its total to
 *                  the same month, v2 = its full total, v3 = the number of its months with data.
 */
import { INDICATORS } from "../etl/indicators.ts";
import { monthAt, monthIndex, monthsBetween, previousMonth } from "../etl/normalize/month.ts";
import { factsSource, type Selection, type Sql, unitMonthsSource } from "./factsSource.ts";
import type { AlertThresholds, Plan } from "./plan.ts";
import { withMedianAndMad } from "./robustStats.ts";

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

/**
 * The per-(unit, indicator) pivot: the period's months and the baseline month as columns. Each
 * cell's month is turned into a small number once (a join with the list of months), so the
 * columns compare integers rather than text.
 */
function pivotSql(spec: FiguresSpec, params: Sql["params"]): string {
  const months = periodMonths(spec);
  const base = previousMonth(spec.period.first);
  // every item of the catalog read: no filter on the item is needed
  const everyItem = INDICATORS.every((i) => spec.indicators.includes(i.key));
  const source = factsSource(spec.selection, {
    from: base,
    to: spec.asOf,
    unit: spec.unit,
    indicators: everyItem ? undefined : spec.indicators,
  });
  Object.assign(params, source.params, { pivot_months: JSON.stringify([base, ...months]) });
  const columns = months.map((_, i) => `max(CASE WHEN mk.k = ${i + 1} THEN f.value END) AS c${i}`);
  return `SELECT f.unit, f.indicator, ${columns.join(", ")}, max(CASE WHEN mk.k = 0 THEN f.value END) AS cb
FROM (${source.sql}) f JOIN (
  SELECT unnest($pivot_months::VARCHAR[]) AS month, unnest(range(len($pivot_months::VARCHAR[])))::INTEGER AS k
) mk ON mk.month = f.month
GROUP BY f.unit, f.indicator`;
}

/** SQL expressions over one pivot row (columns c0 … c{m-1}, cb). */
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
 * The anomaly tests as expressions over a row with med, mad and n_months; the unit's own history
 * is its months of the period so far. Month i is an outlier when at least min_history of them
 * were reported and |x − median| > robust_z × max(1.4826 × MAD, min_scale). It looks like a
 * year-to-date total when at least two earlier months of its calendar year were all reported,
 * they add up to S > 0, x is above the median, and x is within ytd_tolerance of S + median (the
 * year so far plus a typical month).
 */
function anomalyExpressions(months: string[]) {
  const scale = "greatest(1.4826 * mad, $min_scale)";
  const outlier = months.map((_, i) => `(n_months >= $min_history AND abs(c${i} - med) > $z * ${scale})`);
  const prior = months.map((month, i) => {
    const january = months.indexOf(`${month.slice(0, 4)}-01`);
    if (january < 0 || i - january < 2) return null;
    return Array.from({ length: i - january }, (_, k) => `c${january + k}`);
  });
  const ytd = prior.map((earlier, i) => {
    if (earlier === null) return "false";
    const sum = `(${earlier.join(" + ")})`;
    return `(${earlier.map((c) => `${c} IS NOT NULL`).join(" AND ")} AND ${sum} > 0 AND c${i} > med
      AND abs(c${i} - (${sum} + med)) <= $tol * (${sum} + med))`;
  });
  const bits = (tests: string[]) =>
    `(${tests.map((t, i) => `(CASE WHEN ${t} THEN ${2 ** i} ELSE 0 END)`).join(" + ")})::BIGINT`;
  const at = (values: string[]) => `(CASE last ${values.map((v, i) => `WHEN ${i} THEN ${v}`).join(" ")} END)`;
  return {
    outliers: bits(outlier),
    ytd: bits(ytd),
    value: at(months.map((_, i) => `c${i}`)),
    prior: at(prior.map((earlier) => (earlier === null ? "NULL" : `(${earlier.join(" + ")})`))),
  };
}

/** The one statement of a report's figures (see the file's comment for its rows). */
export function figuresSql(spec: FiguresSpec, inputs: MetricInputs[], withAnomalies: boolean): Sql {
  const months = periodMonths(spec);
  const m = months.length;
  const params: Sql["params"] = {};
  const e = figureExpressions(m);
  const a = anomalyExpressions(months);

  // which units report which item: the union of the reporters of the metrics that read it
  const reporters = new Map<string, Set<string>>();
  for (const x of inputs) {
    for (const input of x.inputs) {
      const set = reporters.get(input.indicator) ?? new Set<string>();
      for (const r of x.reporters) set.add(r);
      reporters.set(input.indicator, set);
    }
  }
  const items = [...reporters.keys()];
  Object.assign(params, {
    ir_indicator: JSON.stringify(items),
    ir_reporters: JSON.stringify(items.map((k) => [...(reporters.get(k) ?? [])])),
    ir_flow: JSON.stringify(items.map((k) => spec.flows.includes(k))),
  });

  // one row per (unit, item) the unit reports: its months as columns and the figures on them
  const base = `SELECT ux.ui, ux.kind, irs.is_flow, p.*,
    ${e.mask} AS mask, ${e.total} AS total, ${e.latest} AS latest, ${e.trailing} AS trailing
  FROM (${pivotSql(spec, params)}) p JOIN ux ON ux.unit = p.unit JOIN irs ON irs.indicator = p.indicator
  WHERE list_contains(irs.reporters, ux.kind) OR list_contains(irs.reporters, ux.unit)`;
  const figures = withAnomalies
    ? `SELECT *, (outliers | ytd) AS flagged,
    CASE WHEN (outliers | ytd) = 0 THEN NULL ELSE floor(log2(outliers | ytd))::INTEGER END AS last
  FROM (SELECT *, CASE WHEN is_flow THEN ${a.outliers} ELSE 0 END AS outliers, CASE WHEN is_flow THEN ${a.ytd} ELSE 0 END AS ytd
        FROM (${withMedianAndMad(base, m)}))`
    : `SELECT *, 0 AS flagged, NULL::INTEGER AS last, NULL::DOUBLE AS med, NULL::DOUBLE AS mad, 0::BIGINT AS outliers, 0::BIGINT AS ytd
  FROM (${base})`;
  if (withAnomalies) {
    Object.assign(params, {
      z: spec.anomaly.robustZ,
      min_scale: spec.anomaly.minScale,
      min_history: spec.anomaly.minHistory,
      tol: spec.anomaly.ytdTolerance,
    });
  }

  // the metrics' inputs, and one anomaly row per flow
  const rows: {
    role: "a" | "b" | "x";
    k: number;
    indicator: string;
    take: string;
    reporters: readonly string[];
  }[] = [];
  for (const x of inputs) {
    for (const input of x.inputs) {
      const k = x.metric * 2 + (input.role === "a" ? 0 : 1);
      rows.push({
        role: input.role,
        k,
        indicator: input.indicator,
        take: input.take,
        reporters: x.reporters,
      });
    }
  }
  if (withAnomalies) {
    for (const flow of spec.flows.filter((f) => reporters.has(f))) {
      rows.push({
        role: "x",
        k: spec.indicators.indexOf(flow),
        indicator: flow,
        take: "total",
        reporters: spec.flowReporters[flow] ?? [],
      });
    }
  }
  Object.assign(params, {
    mm_role: JSON.stringify(rows.map((r) => r.role)),
    mm_k: JSON.stringify(rows.map((r) => r.k)),
    mm_indicator: JSON.stringify(rows.map((r) => r.indicator)),
    mm_take: JSON.stringify(rows.map((r) => r.take)),
    mm_reporters: JSON.stringify(rows.map((r) => r.reporters)),
  });
  const x = "mm.role = 'x'";
  const flagsAtLast = "((fig.outliers >> fig.last) & 1) + 2 * ((fig.ytd >> fig.last) & 1)";
  const parts = [
    `SELECT fig.ui,
    CASE WHEN ${x} THEN -1 - ((mm.k * 64 + fig.last) * 4 + ${flagsAtLast}) ELSE mm.k END,
    CASE WHEN ${x} THEN ${a.value} WHEN mm.take = 'total' THEN fig.total ELSE fig.latest END,
    CASE WHEN ${x} THEN fig.med ELSE fig.mask END,
    CASE WHEN ${x} THEN (CASE WHEN (fig.ytd >> fig.last) & 1 = 1 THEN ${a.prior} ELSE fig.mad END)
         WHEN mm.take = 'total' THEN fig.trailing ELSE fig.cb END
  FROM (${figures}) fig JOIN mm ON mm.indicator = fig.indicator
  WHERE (list_contains(mm.reporters, fig.kind) OR list_contains(mm.reporters, fig.unit)) AND (mm.role <> 'x' OR fig.flagged <> 0)`,
  ];
  if (spec.previousYearFlows.length) {
    const prev = previousYear(spec);
    const source = factsSource(spec.selection, {
      from: prev.first,
      to: prev.last,
      unit: spec.unit,
      indicators: spec.previousYearFlows,
      prefix: "prev",
    });
    Object.assign(params, source.params, {
      prev_as_of: prev.asOf,
      ind_names: JSON.stringify(spec.indicators),
    });
    parts.push(`SELECT -1, ind.k, sum(value) FILTER (WHERE month <= $prev_as_of), sum(value), count(DISTINCT month)
  FROM (${source.sql}) p JOIN (
    SELECT unnest($ind_names::VARCHAR[]) AS indicator, unnest(range(len($ind_names::VARCHAR[])))::INTEGER AS k
  ) ind ON ind.indicator = p.indicator
  GROUP BY ind.k`);
  }
  const sql = `WITH mm AS (
  SELECT unnest($mm_role::VARCHAR[]) AS role, unnest($mm_k::INTEGER[]) AS k, unnest($mm_indicator::VARCHAR[]) AS indicator,
         unnest($mm_take::VARCHAR[]) AS take, unnest($mm_reporters::VARCHAR[][]) AS reporters
), irs AS (
  SELECT unnest($ir_indicator::VARCHAR[]) AS indicator, unnest($ir_reporters::VARCHAR[][]) AS reporters,
         unnest($ir_flow::BOOLEAN[]) AS is_flow
), ux AS (${UNIT_INDEX_SQL})
SELECT ui::INTEGER AS ui, k::INTEGER AS k, v1::DOUBLE AS v1, v2::DOUBLE AS v2, v3::DOUBLE AS v3 FROM (
${parts.join("\nUNION ALL\n")}
) t(ui, k, v1, v2, v3)`;
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
