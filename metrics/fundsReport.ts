/**
 * The policy's money as of the month (docs/contract.md §6 `funds`): every subsidy the plan tracks — a
 * tracked item that is a subsidy's amount (docs/funds.md) — with what its paying units reported:
 * paid to date and whom it reached, by unit and month by month, the cost per person (or firm)
 * reached, and the targets that read the item the subsidy serves, beside it. Every figure is what
 * the units reported, added up; nothing is judged, since the policy sets no figure for the money.
 * Pure.
 */
import type { Lang } from "../core/lang.ts";
import type { Named } from "./alerts.ts";
import { orNull, round } from "./metricProgress.ts";
import { metricIndicators, type Plan } from "./plan.ts";
import { isMoney } from "./readPlanTracked.ts";
import type { FundSubsidy, Funds, MetricProgress, ServedTarget } from "./reportTypes.ts";
import { countItemOf, type TrackedFigures } from "./trackedFigures.ts";

export interface FundsContext {
  plan: Pick<Plan, "tracked" | "catalogue" | "metrics">;
  lang: Lang;
  /** The period's months up to as-of. */
  months: readonly string[];
  units: readonly Named[];
  /** The unit the report is limited to, or null for the district. */
  scope: string | null;
  /** The report's targets, for the ones a subsidy serves. */
  metrics: readonly MetricProgress[];
}

const figure = (x: number) => round(orNull(x));

/** The funds of a report, or null when the plan tracks no subsidy. */
export function fundsReport(ctx: FundsContext, figures: TrackedFigures): Funds | null {
  const { plan, lang, units } = ctx;
  const m = ctx.months.length;
  const subsidies: FundSubsidy[] = [];
  // per unit index: 1 when it pays a tracked subsidy in the report's scope
  const payers = new Uint8Array(units.length);
  const reached = new Map<string, number>();
  let paid: number | null = null;
  for (const tracked of plan.tracked) {
    const s = figures.subsidies.get(tracked.id);
    const amount = plan.catalogue.byKey.get(tracked.indicator);
    if (!s || !amount || amount.subsidy === null || !isMoney(amount)) continue;
    const count = countItemOf(plan.catalogue, amount);
    const rows: FundSubsidy["units"] = [];
    let subsidyPaid: number | null = null;
    let subsidyReached: number | null = null;
    for (let ui = 0; ui < units.length; ui++) {
      if (!s.members[ui] || (ctx.scope !== null && units[ui].code !== ctx.scope)) continue;
      payers[ui] = 1;
      const p = orNull(s.paid[ui]);
      const r = orNull(s.reached[ui]);
      if (p !== null) subsidyPaid = (subsidyPaid ?? 0) + p;
      if (r !== null) subsidyReached = (subsidyReached ?? 0) + r;
      if (p !== null || r !== null) rows.push({ unit: units[ui].code, paid: round(p), reached: round(r) });
    }
    if (subsidyPaid !== null) paid = (paid ?? 0) + subsidyPaid;
    if (count && subsidyReached !== null)
      reached.set(count.unit, (reached.get(count.unit) ?? 0) + subsidyReached);
    subsidies.push({
      subsidy: amount.subsidy,
      metric: tracked.id,
      name: lang === "zh" ? tracked.name.zh : tracked.name.en,
      name_zh: tracked.name.zh,
      name_en: tracked.name.en,
      amount_indicator: amount.key,
      count_indicator: count?.key ?? null,
      count_unit: count?.unit ?? null,
      paid: round(subsidyPaid),
      reached: round(subsidyReached),
      per_head: s.reachedWithPaid > 0 ? round(s.paidWithCount / s.reachedWithPaid) : null,
      paid_monthly: Array.from(s.paidMonthly, figure),
      reached_monthly: Array.from(s.reachedMonthly, figure),
      units: rows,
      serves: servesOf(ctx, amount.subsidy),
    });
  }
  if (subsidies.length === 0) return null;
  const byUnit: Funds["units"] = [];
  for (let ui = 0; ui < units.length; ui++) {
    if (!payers[ui]) continue;
    const monthly: (number | null)[] = new Array(m);
    let total: number | null = null;
    for (let i = 0; i < m; i++) {
      const x = figures.paidByUnitMonth[ui * m + i];
      monthly[i] = figure(x);
      if (!Number.isNaN(x)) total = (total ?? 0) + x;
    }
    byUnit.push({
      unit: units[ui].code,
      name: lang === "zh" ? units[ui].zh : units[ui].en,
      paid: round(total),
      paid_monthly: monthly,
    });
  }
  return {
    amount_unit: "万元",
    months: [...ctx.months],
    paid: round(paid),
    reached: [...reached].map(([unit, n]) => ({ unit, count: round(n) as number })),
    subsidies,
    units: byUnit,
  };
}

/** The item a subsidy's pair names as the one it serves, and the report's targets that read it. */
function servesOf(ctx: FundsContext, subsidy: string): FundSubsidy["serves"] {
  const { catalogue } = ctx.plan;
  const key = catalogue.items.find((i) => i.subsidy === subsidy && i.serves !== null)?.serves ?? null;
  const item = key === null ? undefined : catalogue.byKey.get(key);
  if (!item) return null;
  const ids = new Set(
    ctx.plan.metrics.filter((m) => metricIndicators(m).includes(item.key)).map((m) => m.id),
  );
  const targets: ServedTarget[] = ctx.metrics
    .filter((m) => ids.has(m.id))
    .map((m) => ({
      id: m.id,
      name: m.name,
      name_zh: m.name_zh,
      name_en: m.name_en,
      kind: m.kind,
      direction: m.direction,
      unit_of_count: m.unit_of_count,
      actual: m.actual,
      target: m.target,
      progress: m.progress,
      status: m.status,
      status_words: m.status_words,
    }));
  return { indicator: item.key, name_zh: item.zh, name_en: item.en, targets };
}
