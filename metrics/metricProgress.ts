/**
 * One metric of a report: each unit that reports it judged by the metric's kind against its own
 * target (its allocation; a ratio's or deadline's target applies to every unit), the district
 * (or the one unit asked for) judged against the plan's target, the unit-months not reported, the
 * projection, and the metric's behind_pace and overdue_case alerts. Pure; arrays of figures are
 * indexed by the unit's position in the registry.
 */
import type { Lang } from "../etl/finding.ts";
import { behindPaceWriter, type Named, overdueCaseAlert } from "./alerts.ts";
import { capInputs, capProgress } from "./cap.ts";
import { cumulativeInputs, cumulativeProgress } from "./cumulative.ts";
import { deadlineProgress } from "./deadline.ts";
import { districtBaseline, levelInputs, levelProgress } from "./level.ts";
import { paceFor } from "./pace.ts";
import type { Plan, PlanMetric } from "./plan.ts";
import { projectionFor, requiredMonthly, trailingMonthly } from "./projection.ts";
import { ratioInputs, ratioProgress } from "./ratio.ts";
import type { Alert, Coverage, MetricProgress, UnitMonth, UnitProgress } from "./reportTypes.ts";
import type { Progress } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

/** Per unit index: a (value or numerator), b (denominator), the mask of months reported, the extra figure; NaN = none. */
export interface MetricFigures {
  a: Float64Array;
  b: Float64Array;
  mask: Float64Array;
  extra: Float64Array;
}

export interface CaseFigures {
  /** Whether the ledger relation exists. */
  available: boolean;
  /** `${unit}|${category}` → decided and on-time counts. */
  counts: Map<string, { decided: number; onTime: number }>;
  ledgerUnits: Set<string>;
  overdue: { unit: string; category: string; cases: number; earliest: string }[];
  /** The day overdue cases were judged against. */
  reference: string;
}

export interface MetricContext {
  plan: Plan;
  lang: Lang;
  asOf: string;
  months: string[];
  n: number;
  /** The unit the report is limited to, or null for the district. */
  scope: string | null;
  units: Named[];
  figures: MetricFigures | undefined;
  /** The previous year of the metric's flow, when every one of its months has data. */
  previousYear: {
    toDate: number | null;
    full: number | null;
    first: string;
    asOf: string;
    last: string;
  } | null;
  cases: CaseFigures;
  alerts: boolean;
  /**
   * Unit index → one entry per month of `months` for that unit, made once per report and shared
   * by the metrics' lists of unit-months not reported.
   */
  unitMonths: (ui: number) => UnitMonth[];
}

/** The items a metric reads, by kind (deadline metrics read the ledger instead). */
export function inputsOf(metric: PlanMetric): MetricInput[] {
  switch (metric.kind) {
    case "cumulative":
      return cumulativeInputs(metric);
    case "level":
      return levelInputs(metric);
    case "cap":
      return capInputs(metric);
    case "ratio":
      return ratioInputs(metric);
    case "deadline":
      return [];
  }
}

const orNull = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
/** Output figures keep six decimals (no float noise in the JSON). */
const round = (x: number | null) =>
  x === null || !Number.isFinite(x) ? null : Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6;
const add = (x: number | null, to: number | null) => (x === null ? to : (to ?? 0) + x);

/** 2^i for the bits of a mask (2 ** i with a variable i is a slow call). */
const POWERS = Float64Array.from({ length: 53 }, (_, i) => 2 ** i);

/** Whether bit i of a mask (up to 48 bits) is set. */
export const bit = (mask: number, i: number) => Math.floor(mask / POWERS[i]) % 2 === 1;

/** One figure judged by its metric's kind. */
function judge(
  metric: PlanMetric,
  target: number | null,
  a: number | null,
  b: number | null,
  baseline: number | null,
  pace: number,
): Progress {
  switch (metric.kind) {
    case "cumulative":
      return cumulativeProgress({ target, actual: a, pace });
    case "level":
      return levelProgress({ target, actual: a, baseline, pace });
    case "cap":
      return capProgress({ target, actual: a });
    case "ratio":
      return ratioProgress({ target, direction: metric.direction, numerator: a, denominator: b });
    case "deadline":
      return deadlineProgress({ target, direction: metric.direction, decided: b, onTime: a });
  }
}

/** The metric's progress for the units in `expected` (indexes into ctx.units) and its alerts. */
export function metricProgress(
  ctx: MetricContext,
  metric: PlanMetric,
  expected: number[],
): { metric: MetricProgress; alerts: Alert[] } {
  const { plan, lang, units, months } = ctx;
  const m = months.length;
  const pace = paceFor(plan, metric, ctx.asOf);
  const allocation = plan.allocations[metric.id] ?? {};
  const uniform = metric.kind === "ratio" || metric.kind === "deadline";
  const take = inputsOf(metric)[0]?.take ?? null;
  const stock = take === "latest";

  // each unit's figures (by position in `expected`): from the ledger for a deadline, else the facts
  const count = expected.length;
  const a = new Float64Array(count).fill(Number.NaN);
  const b = new Float64Array(count).fill(Number.NaN);
  const extra = new Float64Array(count).fill(Number.NaN);
  const missing: UnitMonth[] = [];
  let reported = 0;
  const full = 2 ** m - 1;
  const f = ctx.figures;
  for (let i = 0; i < count; i++) {
    const ui = expected[i];
    if (metric.kind === "deadline") {
      const code = units[ui].code;
      const c =
        ctx.cases.counts.get(`${code}|${metric.caseCategory}`) ??
        (ctx.cases.available ? { decided: 0, onTime: 0 } : null);
      if (c) {
        a[i] = c.onTime;
        b[i] = c.decided;
      }
      if (ctx.cases.ledgerUnits.has(code)) reported += m;
      else if (ctx.cases.available) for (const entry of ctx.unitMonths(ui)) missing.push(entry);
      continue;
    }
    if (!f) {
      for (const entry of ctx.unitMonths(ui)) missing.push(entry);
      continue;
    }
    a[i] = f.a[ui];
    b[i] = f.b[ui];
    extra[i] = f.extra[ui];
    const mask = f.mask[ui] || 0;
    if (mask === full) reported += m;
    else {
      const entries = ctx.unitMonths(ui);
      for (let k = 0; k < m; k++) {
        if (bit(mask, k)) reported++;
        else missing.push(entries[k]);
      }
    }
  }

  // the district's figures (a ratio counts only units with both parts)
  let sumA: number | null = null;
  let sumB: number | null = null;
  let sumExtra: number | null = null;
  const baselines: (number | null)[] = stock ? new Array(count) : [];
  for (let i = 0; i < count; i++) {
    if (stock) baselines[i] = orNull(extra[i]);
    if (metric.kind === "ratio" && (Number.isNaN(a[i]) || Number.isNaN(b[i]))) continue;
    sumA = add(orNull(a[i]), sumA);
    sumB = add(orNull(b[i]), sumB);
    if (!stock) sumExtra = add(orNull(extra[i]), sumExtra);
  }
  const baseline = stock
    ? districtBaseline(baselines, metric.kind === "level" && ctx.scope === null ? metric.baseline : null)
    : null;

  let first: (Progress & { target: number | null }) | null = null;
  const unitRows: UnitProgress[] = new Array(expected.length);
  for (let i = 0; i < count; i++) {
    const unit = units[expected[i]];
    const target = allocation[unit.code] ?? (uniform ? metric.target : null);
    let unitBaseline = orNull(extra[i]);
    if (metric.kind === "level" && unitBaseline === null && target !== null) {
      // a unit without its own baseline month: the district's baseline in proportion to its target
      const district = baseline ?? metric.baseline;
      unitBaseline = district === null ? null : (district * target) / metric.target;
    }
    const p = judge(metric, target, orNull(a[i]), orNull(b[i]), unitBaseline, pace);
    if (i === 0) first = { ...p, target };
    unitRows[i] = {
      unit: unit.code,
      name: lang === "zh" ? unit.zh : unit.en,
      actual: round(p.actual),
      target,
      expected: round(p.expected),
      progress: round(p.progress),
      status: p.status,
    };
  }

  // the headline: the one unit in scope, or the district against the plan's target
  const scoped = ctx.scope !== null;
  const none: Progress = { actual: null, expected: null, progress: null, met: false, status: "no_data" };
  const headline: Progress & { target: number | null } = scoped
    ? (first ?? { ...none, target: null })
    : { ...judge(metric, metric.target, sumA, sumB, baseline, pace), target: metric.target };
  const headlineBaseline = scoped ? (stock ? orNull(extra[0]) : null) : baseline;
  const headlineTrailing = scoped ? orNull(extra[0]) : sumExtra;

  const projection = projectionFor({
    kind: take === "total" && metric.kind === "cap" ? "cumulative" : metric.kind,
    actual: headline.actual,
    baseline: headlineBaseline,
    m,
    n: ctx.n,
    previousYear: ctx.previousYear,
  });
  const paced = metric.kind === "cumulative" || metric.kind === "level";
  const coverage: Coverage =
    metric.kind === "deadline" && !ctx.cases.available
      ? { reported: 0, expected: 0, missing: [] }
      : { reported, expected: expected.length * m, missing };

  const alerts = ctx.alerts ? metricAlerts(ctx, metric, expected, headline, unitRows) : [];
  const result: MetricProgress = {
    id: metric.id,
    name: lang === "zh" ? metric.name.zh : metric.name.en,
    name_zh: metric.name.zh,
    name_en: metric.name.en,
    kind: metric.kind,
    direction: metric.direction,
    target: headline.target,
    actual: round(headline.actual),
    expected: round(headline.expected),
    progress: round(headline.progress),
    projected: round(projection.value),
    projection_method: projection.method,
    required_monthly: paced ? round(requiredMonthly(headline.target, headline.actual, m, ctx.n)) : null,
    trailing_monthly: metric.kind === "cumulative" ? round(trailingMonthly(headlineTrailing, m)) : null,
    met: headline.met,
    status: headline.status,
    coverage,
    units: unitRows,
    unit_of_count: metric.unitOfCount,
    ...(metric.kind === "level" ? { baseline: round(headlineBaseline) } : {}),
    quote: metric.quote,
    section: metric.section,
    responsible: metric.responsible,
  };
  return { metric: result, alerts };
}

function metricAlerts(
  ctx: MetricContext,
  metric: PlanMetric,
  expected: number[],
  headline: Progress & { target: number | null },
  unitRows: UnitProgress[],
): Alert[] {
  const { plan, lang, units } = ctx;
  const scoped = ctx.scope !== null;
  const alerts: Alert[] = [];
  const behindPace = behindPaceWriter(plan, metric, ctx.asOf, lang);
  const head = behindPace(scoped ? units[expected[0]] : null, headline);
  if (head) alerts.push(head);
  if (!scoped) {
    for (let i = 0; i < unitRows.length; i++) {
      const status = unitRows[i].status;
      if (status !== "red" && status !== "yellow") continue;
      const alert = behindPace(units[expected[i]], unitRows[i]);
      if (alert) alerts.push(alert);
    }
  }
  if (metric.kind === "deadline") {
    const byCode = new Map(expected.map((ui) => [units[ui].code, ui]));
    for (const o of ctx.cases.overdue) {
      const ui = byCode.get(o.unit);
      if (o.category !== metric.caseCategory || ui === undefined) continue;
      alerts.push(
        overdueCaseAlert(plan, metric, units[ui], o.cases, o.earliest, ctx.cases.reference, ctx.asOf, lang),
      );
    }
  }
  return alerts;
}
