/**
 * From the figures read in one snapshot to the Report of CONTRACT §6 — pure: each metric's kind
 * judges every unit and the district (or the one unit asked for), coverage lists the unit-months
 * not reported, and the alerts are gathered and sorted.
 */
import type { Lang } from "../etl/finding.ts";
import { INDICATOR_BY_KEY } from "../etl/indicators.ts";
import {
  anomalyAlert,
  behindPaceAlert,
  missingSubmissionAlerts,
  type Named,
  overdueCaseAlert,
  sortAlerts,
} from "./alerts.ts";
import { capInputs, capProgress } from "./cap.ts";
import { cumulativeInputs, cumulativeProgress } from "./cumulative.ts";
import { deadlineProgress } from "./deadline.ts";
import { districtBaseline, levelInputs, levelProgress } from "./level.ts";
import { paceFor } from "./pace.ts";
import { metricIndicators, type Plan, type PlanMetric } from "./plan.ts";
import { projectionFor, requiredMonthly, trailingMonthly } from "./projection.ts";
import { ratioInputs, ratioProgress } from "./ratio.ts";
import type { Alert, Coverage, MetricProgress, Report, UnitMonth, UnitProgress } from "./reportTypes.ts";
import type { Progress } from "./status.ts";
import type { MetricInput } from "./unitFigures.ts";

export interface UnitRow {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

/** Per unit index (registry order): a, b, the mask of reported months, and the kind's extra figure. */
export interface MetricFigures {
  a: (number | null)[];
  b: (number | null)[];
  mask: number[];
  extra: (number | null)[];
}

/** One flagged month of one unit's flow. */
export interface AnomalyRow {
  ui: number;
  indicator: string;
  month: number;
  outlier: boolean;
  ytd: boolean;
  value: number;
  median: number;
  /** The year's earlier months added up when the value looks year-to-date, else the MAD. */
  third: number;
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

export interface ReportInput {
  plan: Plan;
  lang: Lang;
  asOf: string;
  months: string[];
  n: number;
  asReported: string | null;
  today: string;
  /** The unit the report is limited to, or null for the district. */
  scope: string | null;
  units: UnitRow[];
  figures: Map<number, MetricFigures>;
  previousYear: Map<string, { toDate: number | null; full: number | null; units: number }>;
  previousSpan: { first: string; asOf: string; last: string };
  anomalies: AnomalyRow[] | null;
  cases: CaseFigures;
  /** Per unit index, the mask of months with a counted submission; null when alerts are off. */
  submitted: number[] | null;
  /** Whether to gather alerts at all. */
  alerts: boolean;
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

const bit = (mask: number, i: number) => Math.floor(mask / 2 ** i) % 2 === 1;
const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 1e6) / 1e6);

export function reporting(unit: UnitRow, reporters: readonly string[]): boolean {
  return reporters.includes(unit.kind) || reporters.includes(unit.code);
}

export function assembleReport(input: ReportInput): Report {
  const { plan, lang, units } = input;
  const named: Named[] = units.map((u) => ({ code: u.code, zh: u.name_zh, en: u.name_en }));
  const inScope = (u: UnitRow) => input.scope === null || u.code === input.scope;
  const alerts: Alert[] = [];
  const metrics: MetricProgress[] = [];
  plan.metrics.forEach((metric, mi) => {
    const expected: number[] = [];
    units.forEach((u, ui) => {
      if (inScope(u) && reporting(u, metric.reporters)) expected.push(ui);
    });
    if (input.scope !== null && expected.length === 0) return;
    const built = metricOf(input, metric, mi, expected, named);
    metrics.push(built.metric);
    alerts.push(...built.alerts);
  });
  if (input.alerts && input.anomalies) alerts.push(...anomalyAlerts(input, named));
  if (input.alerts && input.submitted) {
    const indicators = new Set(plan.metrics.flatMap(metricIndicators));
    const monthly = units
      .map((u, ui) => ({ u, ui }))
      .filter(
        ({ u }) =>
          inScope(u) && [...indicators].some((k) => reporting(u, INDICATOR_BY_KEY.get(k)?.reporters ?? [])),
      );
    const submitted = input.submitted;
    const today =
      input.asReported !== null && input.asReported < input.today ? input.asReported : input.today;
    alerts.push(
      ...missingSubmissionAlerts(
        plan,
        monthly.map(({ ui }) => named[ui]),
        input.months,
        (i, m) => bit(submitted[monthly[i].ui], m),
        today,
        lang,
      ),
    );
  }
  return {
    plan: plan.id,
    asOf: input.asOf,
    asReported: input.asReported,
    monthsElapsed: input.months.length,
    monthsInPlan: input.n,
    unit: input.scope,
    today: input.today,
    metrics,
    alerts: sortAlerts(
      alerts,
      plan.metrics.map((m) => m.id),
    ),
  };
}

interface Judged extends Progress {
  target: number | null;
}

function metricOf(input: ReportInput, metric: PlanMetric, mi: number, expected: number[], named: Named[]) {
  const { plan, lang, units } = input;
  const m = input.months.length;
  const pace = paceFor(plan, metric, input.asOf);
  const allocation = plan.allocations[metric.id] ?? {};
  const share = metric.kind === "ratio" || metric.kind === "deadline";
  const unitTarget = (code: string) => allocation[code] ?? (share ? metric.target : null);
  const fig = input.figures.get(mi);
  const take = inputsOf(metric)[0]?.take;
  const missing: UnitMonth[] = [];
  let reported = 0;
  const covered = (ui: number, mask: number) => {
    for (let i = 0; i < m; i++) {
      if (bit(mask, i)) reported++;
      else missing.push({ unit: units[ui].code, month: input.months[i] });
    }
  };

  // district sums (or the one unit in scope)
  let sumA: number | null = null;
  let sumB: number | null = null;
  let sumExtra: number | null = null;
  const add = (x: number | null, to: number | null) => (x === null ? to : (to ?? 0) + x);
  const judged: Judged[] = [];
  if (metric.kind === "deadline") {
    const counts = input.cases;
    for (const ui of expected) {
      const code = units[ui].code;
      const c =
        counts.counts.get(`${code}|${metric.caseCategory}`) ??
        (counts.available ? { decided: 0, onTime: 0 } : null);
      if (counts.available && counts.ledgerUnits.has(code)) reported += m;
      else if (counts.available) for (const month of input.months) missing.push({ unit: code, month });
      sumA = add(c?.onTime ?? null, sumA);
      sumB = add(c?.decided ?? null, sumB);
      const target = unitTarget(code);
      const p = deadlineProgress({
        target,
        direction: metric.direction,
        decided: c?.decided ?? null,
        onTime: c?.onTime ?? null,
      });
      judged.push({ ...p, target });
    }
  } else {
    const baselines: (number | null)[] = [];
    for (const ui of expected) {
      const a = fig?.a[ui] ?? null;
      const b = fig?.b[ui] ?? null;
      const extra = fig?.extra[ui] ?? null;
      covered(ui, fig?.mask[ui] ?? 0);
      if (metric.kind === "ratio") {
        if (a !== null && b !== null) {
          sumA = add(a, sumA);
          sumB = add(b, sumB);
        }
      } else sumA = add(a, sumA);
      if (take === "latest") baselines.push(extra);
      else sumExtra = add(extra, sumExtra);
    }
    const baseline =
      take === "latest"
        ? districtBaseline(
            baselines,
            metric.kind === "level" && input.scope === null ? metric.baseline : null,
          )
        : null;
    expected.forEach((ui, i) => {
      const code = units[ui].code;
      const target = unitTarget(code);
      const a = fig?.a[ui] ?? null;
      let unitBaseline = baselines[i] ?? null;
      if (unitBaseline === null && target !== null) {
        const district = baseline ?? metric.baseline;
        unitBaseline = district === null ? null : (district * target) / metric.target;
      }
      judged.push({ ...judge(metric, target, a, fig?.b[ui] ?? null, unitBaseline, pace), target });
    });
    sumExtra = take === "latest" ? baseline : sumExtra;
  }

  const unitRows: UnitProgress[] = expected.map((ui, i) => ({
    unit: units[ui].code,
    name: lang === "zh" ? units[ui].name_zh : units[ui].name_en,
    actual: round(judged[i].actual),
    target: judged[i].target,
    expected: round(judged[i].expected),
    progress: round(judged[i].progress),
    status: judged[i].status,
  }));

  // the headline figure: the one unit in scope, or the district
  const scoped = input.scope !== null;
  const baseline = take === "latest" ? sumExtra : null;
  const headline: Judged = scoped
    ? (judged[0] ?? {
        actual: null,
        expected: null,
        progress: null,
        met: false,
        status: "no_data",
        target: null,
      })
    : metric.kind === "deadline"
      ? {
          ...deadlineProgress({
            target: metric.target,
            direction: metric.direction,
            decided: sumB,
            onTime: sumA,
          }),
          target: metric.target,
        }
      : { ...judge(metric, metric.target, sumA, sumB, baseline, pace), target: metric.target };
  const scopedBaseline =
    scoped && take === "latest" ? (input.figures.get(mi)?.extra[expected[0]] ?? null) : baseline;

  const prev = metric.indicator ? input.previousYear.get(metric.indicator) : undefined;
  const projection = projectionFor({
    kind: take === "total" && metric.kind === "cap" ? "cumulative" : metric.kind,
    actual: headline.actual,
    baseline: scopedBaseline,
    m,
    n: input.n,
    previousYear:
      prev && prev.units > 0 ? { toDate: prev.toDate, full: prev.full, ...input.previousSpan } : null,
  });
  const paced = metric.kind === "cumulative" || metric.kind === "level";
  const coverage: Coverage =
    metric.kind === "deadline" && !input.cases.available
      ? { reported: 0, expected: 0, missing: [] }
      : { reported, expected: expected.length * m, missing };

  const alerts: Alert[] = [];
  if (input.alerts) {
    const head = behindPaceAlert(
      plan,
      metric,
      scoped ? named[expected[0]] : null,
      headline,
      input.asOf,
      lang,
    );
    if (head) alerts.push(head);
    if (!scoped) {
      expected.forEach((ui, i) => {
        const a = behindPaceAlert(plan, metric, named[ui], judged[i], input.asOf, lang);
        if (a) alerts.push(a);
      });
    }
    if (metric.kind === "deadline") {
      for (const o of input.cases.overdue) {
        const ui = expected.find((x) => units[x].code === o.unit);
        if (o.category !== metric.caseCategory || ui === undefined) continue;
        alerts.push(
          overdueCaseAlert(
            plan,
            metric,
            named[ui],
            o.cases,
            o.earliest,
            input.cases.reference,
            input.asOf,
            lang,
          ),
        );
      }
    }
  }

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
    required_monthly: paced ? round(requiredMonthly(headline.target, headline.actual, m, input.n)) : null,
    trailing_monthly:
      metric.kind === "cumulative"
        ? round(trailingMonthly(scoped ? (fig?.extra[expected[0]] ?? null) : sumExtra, m))
        : null,
    met: headline.met,
    status: headline.status,
    coverage,
    units: unitRows,
    unit_of_count: metric.unitOfCount,
    ...(metric.kind === "level" ? { baseline: round(scopedBaseline) } : {}),
    quote: metric.quote,
    section: metric.section,
    responsible: metric.responsible,
  };
  return { metric: result, alerts };
}

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
      return { actual: null, expected: null, progress: null, met: false, status: "no_data" };
  }
}

function anomalyAlerts(input: ReportInput, named: Named[]): Alert[] {
  const metricFor = new Map<string, string>();
  for (const metric of [...input.plan.metrics].reverse())
    for (const k of metricIndicators(metric)) metricFor.set(k, metric.id);
  const out: Alert[] = [];
  for (const row of input.anomalies ?? []) {
    const unit = input.units[row.ui];
    const indicator = INDICATOR_BY_KEY.get(row.indicator);
    if (!unit || !indicator || !reporting(unit, indicator.reporters)) continue;
    if (input.scope !== null && unit.code !== input.scope) continue;
    const flag = {
      unit: named[row.ui],
      indicator: row.indicator,
      month: input.months[row.month],
      value: row.value,
      median: row.median,
      mad: row.ytd ? null : row.third,
      outlier: row.outlier,
      ytdPrior: row.ytd ? row.third : null,
      metric: metricFor.get(row.indicator) ?? null,
    };
    out.push(anomalyAlert(flag, input.lang));
  }
  return out;
}
