/**
 * One metric of a report: each unit that reports it judged by the metric's kind against its own
 * target (its allocation; a ratio's or deadline's target applies to every unit, and a metric only
 * one unit reports gives that unit the whole target), the district (or the one unit asked for)
 * judged against the plan's target, all by the metric's judged mode over its own months
 * (judgement.ts), with the unit-months not reported, the projection, where each target comes
 * from, and the metric's alerts. Pure; arrays of figures are indexed by the unit's position in
 * the registry.
 */
import type { Catalogue } from "../core/catalogue.ts";
import type { Lang } from "../core/lang.ts";
import type { NoteOf } from "../warehouse/notes.ts";
import { type JudgedFigures, type Named, overdueCaseAlert, statusAlertWriter } from "./alerts.ts";
import { capInputs, capProgress } from "./cap.ts";
import { cumulativeInputs, cumulativeProgress } from "./cumulative.ts";
import { deadlineProgress } from "./deadline.ts";
import { gapOf, judgedStatus, type MetricWindow, metricWindow } from "./judgement.ts";
import { districtBaseline, levelInputs, levelProgress, shareOfTarget } from "./level.ts";
import type { Plan, PlanMetric } from "./plan.ts";
import { projectionFor, requiredMonthly, trailingMonthly } from "./projection.ts";
import { ratioInputs, ratioProgress } from "./ratio.ts";
import type {
  Alert,
  Coverage,
  MetricProgress,
  TargetSourceOut,
  UnitMonth,
  UnitProgress,
} from "./reportTypes.ts";
import type { Progress } from "./status.ts";
import { targetSourceOut } from "./targetSource.ts";
import type { MetricInput } from "./unitFigures.ts";
import { statusWords } from "./words.ts";

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

interface MetricContext {
  plan: Plan;
  lang: Lang;
  asOf: string;
  months: string[];
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
  /** Whether one unit alone reports the metric (in the whole registry): its target is the district's. */
  soleReporter: boolean;
  /** The district target in effect and where it comes from (a target of "not below last year" is read from the warehouse). */
  target: number;
  targetSource: TargetSourceOut;
  /** The units' notes of the as-of month (warehouse/notes.ts noteLookup). */
  noteOf: NoteOf;
}

/** The items a metric reads, by kind (deadline metrics read the ledger instead), as the plan's catalogue has them. */
export function inputsOf(metric: PlanMetric, catalogue: Catalogue): MetricInput[] {
  switch (metric.kind) {
    case "cumulative":
      return cumulativeInputs(metric);
    case "level":
      return levelInputs(metric);
    case "cap":
      return capInputs(metric, catalogue);
    case "ratio":
      return ratioInputs(metric, catalogue);
    case "deadline":
      return [];
  }
}

export const orNull = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
/** Output figures keep six decimals (no float noise in the JSON). */
export const round = (x: number | null) =>
  x === null || !Number.isFinite(x) ? null : Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6;
const add = (x: number | null, to: number | null) => (x === null ? to : (to ?? 0) + x);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** 2^i for the bits of a mask (2 ** i with a variable i is a slow call). */
const POWERS = Float64Array.from({ length: 53 }, (_, i) => 2 ** i);

/** Whether bit i of a mask (up to 48 bits) is set. */
export const bit = (mask: number, i: number) => Math.floor(mask / POWERS[i]) % 2 === 1;

/** One figure read by its metric's kind (the status is the kind's own reading; judgement.ts decides). */
function measure(
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
      return capProgress({ target, actual: a, tolerance: metric.tolerance });
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
  const { plan, lang, units } = ctx;
  const w = metricWindow(plan, metric, ctx.asOf);
  const allocation = plan.allocations[metric.id];
  const allocationSource = allocation ? targetSourceOut(plan.allocationSources[metric.id], null, lang) : null;
  const uniform = metric.kind === "ratio" || metric.kind === "deadline" || ctx.soleReporter;
  const take = inputsOf(metric, plan.catalogue)[0]?.take ?? null;
  const stock = take === "latest";
  const level = metric.kind === "level";
  const count = expected.length;

  // each unit's figures (by position in `expected`): from the ledger for a deadline, else the facts
  const a = new Float64Array(count).fill(Number.NaN);
  const b = new Float64Array(count).fill(Number.NaN);
  const extra = new Float64Array(count).fill(Number.NaN);
  const missing: UnitMonth[] = [];
  const months = w.started ? w.to - w.from + 1 : 0;
  let reported = 0;
  if (w.started) reported = unitFigures(ctx, metric, w, expected, a, b, extra, missing);

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
    ? districtBaseline(baselines, level && ctx.scope === null ? metric.baseline : null)
    : null;

  const how = { kind: metric.kind, judged: metric.judged, final: w.final };
  let first: (Progress & { target: number | null; gap: number | null; baseline: number | null }) | null =
    null;
  const unitRows: UnitProgress[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const unit = units[expected[i]];
    const own = allocation?.[unit.code];
    const target = own ?? (uniform ? ctx.target : null);
    const source = own !== undefined ? allocationSource : target === null ? null : ctx.targetSource;
    let unitBaseline = orNull(extra[i]);
    if (level && unitBaseline === null && target !== null) {
      // a unit without its own baseline month: the district's baseline in proportion to its target
      const district = baseline ?? metric.baseline;
      unitBaseline = district === null ? null : (district * target) / ctx.target;
    }
    const p = measure(metric, target, orNull(a[i]), orNull(b[i]), unitBaseline, w.pace);
    p.status = judgedStatus(metric, w, target, p);
    const gap = gapOf(metric, w, target, p);
    if (i === 0) first = { ...p, target, gap, baseline: unitBaseline };
    // a level's row is made whole at once (one shape, no properties added later)
    const row: UnitProgress = level
      ? {
          unit: unit.code,
          name: lang === "zh" ? unit.zh : unit.en,
          actual: round(p.actual),
          target,
          expected: round(p.expected),
          progress: round(p.progress),
          status: p.status,
          target_source: source,
          gap: round(gap),
          baseline: round(unitBaseline),
          increase: round(minus(p.actual, unitBaseline)),
          increase_needed: round(minus(target, unitBaseline)),
          share_of_target: round(shareOfTarget(p.actual, target)),
          note: ctx.noteOf(metric.id, unit.code, p.status === "yellow" || p.status === "red"),
        }
      : {
          unit: unit.code,
          name: lang === "zh" ? unit.zh : unit.en,
          actual: round(p.actual),
          target,
          expected: round(p.expected),
          progress: round(p.progress),
          status: p.status,
          target_source: source,
          gap: round(gap),
          note: ctx.noteOf(metric.id, unit.code, p.status === "yellow" || p.status === "red"),
        };
    unitRows[i] = row;
  }

  // the headline: the one unit in scope, or the district against the plan's target
  const scoped = ctx.scope !== null;
  const none: Progress = { actual: null, expected: null, progress: null, met: false, status: "no_data" };
  let headline: Progress & { target: number | null; gap: number | null; baseline: number | null };
  if (scoped) headline = first ?? { ...none, target: null, gap: null, baseline: null };
  else {
    const p = measure(metric, ctx.target, sumA, sumB, baseline, w.pace);
    p.status = judgedStatus(metric, w, ctx.target, p);
    headline = { ...p, target: ctx.target, gap: gapOf(metric, w, ctx.target, p), baseline };
  }
  if (!w.started) headline.status = "not_started";
  const headlineTrailing = scoped ? orNull(extra[0]) : sumExtra;
  const headlineSource = scoped ? (unitRows[0]?.target_source ?? ctx.targetSource) : ctx.targetSource;

  const projection = projectionFor({
    kind: take === "total" && metric.kind === "cap" ? "cumulative" : metric.kind,
    actual: headline.actual,
    baseline: stock ? headline.baseline : null,
    m: w.m,
    n: w.n,
    previousYear: ctx.previousYear,
  });
  const paced = metric.kind === "cumulative" || level;
  const coverage: Coverage =
    !w.started || (metric.kind === "deadline" && !ctx.cases.available)
      ? { reported: 0, expected: 0, missing: [] }
      : { reported, expected: count * months, missing };

  const alerts = ctx.alerts && w.started ? metricAlerts(ctx, metric, w, expected, headline, unitRows) : [];
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
    required_monthly: paced ? round(requiredMonthly(headline.target, headline.actual, w.m, w.n)) : null,
    trailing_monthly: metric.kind === "cumulative" ? round(trailingMonthly(headlineTrailing, w.m)) : null,
    met: headline.met,
    status: headline.status,
    status_words: statusWords(headline.status, how),
    judged: metric.judged,
    starts: metric.starts,
    due: metric.due,
    final: w.final,
    tolerance: metric.tolerance,
    target_source: headlineSource,
    gap: round(headline.gap),
    coverage,
    units: unitRows,
    unit_of_count: metric.unitOfCount,
    ...(metric.kind === "cap" && stock ? { baseline: round(headline.baseline) } : {}),
    ...(level
      ? {
          baseline: round(headline.baseline),
          increase: round(minus(headline.actual, headline.baseline)),
          increase_needed: round(minus(headline.target, headline.baseline)),
          share_of_target: round(shareOfTarget(headline.actual, headline.target)),
        }
      : {}),
    ...(metric.caseCategory ? { case_category: metric.caseCategory } : {}),
    quote: metric.quote,
    section: metric.section,
    responsible: metric.responsible,
  };
  return { metric: result, alerts };
}

/**
 * Fills each unit's figures over the metric's months and lists the unit-months not reported;
 * returns how many were reported.
 */
function unitFigures(
  ctx: MetricContext,
  metric: PlanMetric,
  w: MetricWindow,
  expected: number[],
  a: Float64Array,
  b: Float64Array,
  extra: Float64Array,
  missing: UnitMonth[],
): number {
  const months = w.to - w.from + 1;
  // the mask of every month of the window reported
  const full = POWERS[w.to + 1] - POWERS[w.from];
  const f = ctx.figures;
  let reported = 0;
  for (let i = 0; i < expected.length; i++) {
    const ui = expected[i];
    if (metric.kind === "deadline") {
      const code = ctx.units[ui].code;
      const c =
        ctx.cases.counts.get(`${code}|${metric.caseCategory}`) ??
        (ctx.cases.available ? { decided: 0, onTime: 0 } : null);
      if (c) {
        a[i] = c.onTime;
        b[i] = c.decided;
      }
      if (ctx.cases.ledgerUnits.has(code)) reported += months;
      else if (ctx.cases.available) {
        const entries = ctx.unitMonths(ui);
        for (let k = w.from; k <= w.to; k++) missing.push(entries[k]);
      }
      continue;
    }
    if (!f) {
      const entries = ctx.unitMonths(ui);
      for (let k = w.from; k <= w.to; k++) missing.push(entries[k]);
      continue;
    }
    a[i] = f.a[ui];
    b[i] = f.b[ui];
    extra[i] = f.extra[ui];
    const mask = f.mask[ui] || 0;
    if (mask === full) reported += months;
    else {
      const entries = ctx.unitMonths(ui);
      for (let k = w.from; k <= w.to; k++) {
        if (bit(mask, k)) reported++;
        else missing.push(entries[k]);
      }
    }
  }
  return reported;
}

function metricAlerts(
  ctx: MetricContext,
  metric: PlanMetric,
  w: MetricWindow,
  expected: number[],
  headline: JudgedFigures,
  unitRows: UnitProgress[],
): Alert[] {
  const { plan, lang, units } = ctx;
  const scoped = ctx.scope !== null;
  const alerts: Alert[] = [];
  const write = statusAlertWriter(plan, metric, w, ctx.asOf, lang);
  const head = write(scoped ? units[expected[0]] : null, headline);
  if (head) alerts.push(head);
  if (!scoped) {
    for (let i = 0; i < unitRows.length; i++) {
      const row = unitRows[i];
      if (row.status !== "red" && row.status !== "yellow") continue;
      const alert = write(units[expected[i]], row);
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
