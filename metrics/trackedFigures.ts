/**
 * The figures of the items a plan follows without a target, and of the subsidies among them, from
 * the units' monthly series (monthlySeries.ts) the report has read anyway — pure arithmetic, no
 * second read of the facts. Per tracked item and unit: its flow summed over the item's months (from
 * its first month to as-of) or its stock at as-of, carried forward from the last month reported;
 * the months reported; and the district's figure month by month. Per subsidy: the amount paid and
 * whom it reached, by unit, by month, and both added up over the unit-months that reported both
 * (so that the cost per person is never an amount divided by a count of other months).
 */
import type { Catalogue, Indicator } from "../core/catalogue.ts";
import type { UnitRow } from "./assembleReport.ts";
import type { MonthlySeries } from "./monthlySeries.ts";
import type { Plan } from "./plan.ts";
import { isMoney } from "./readPlanTracked.ts";

export interface ItemFigures {
  /** Per unit index: the figure (NaN: none); the mask of the item's months reported. */
  value: Float64Array;
  mask: Float64Array;
  /** Per period month up to as-of: the district's figure (NaN: none, or before the item's first month). */
  monthly: Float64Array;
  /** The item's months, as indexes into the period's months (from > to: not started). */
  from: number;
  to: number;
}

export interface SubsidyFigures {
  /** Per unit index: 1 when the unit reports the subsidy's amount. */
  members: Uint8Array;
  /** Per unit index: paid and reached over the subsidy's months (NaN: none). */
  paid: Float64Array;
  reached: Float64Array;
  /** Per period month: the district's paid and reached (NaN: none). */
  paidMonthly: Float64Array;
  reachedMonthly: Float64Array;
  /** Paid and reached added up over the unit-months that reported both. */
  paidWithCount: number;
  reachedWithPaid: number;
}

export interface TrackedFigures {
  /** By tracked metric id. */
  items: Map<string, ItemFigures>;
  /** By tracked metric id, for the subsidies' amounts. */
  subsidies: Map<string, SubsidyFigures>;
  /** Per unit index × period month (u × months + i): the amount of every tracked subsidy together (NaN: none). */
  paidByUnitMonth: Float64Array;
}

/** The count item the catalogue pairs with a subsidy's amount (the persons, firms or projects reached). */
export function countItemOf(catalogue: Catalogue, amount: Indicator): Indicator | null {
  if (amount.subsidy === null) return null;
  return catalogue.items.find((i) => i.subsidy === amount.subsidy && !isMoney(i)) ?? null;
}

/** The items a report reads for the tracked metrics: each followed item, and each subsidy's count. */
export function trackedItems(plan: Pick<Plan, "tracked" | "catalogue">): string[] {
  const keys: string[] = [];
  for (const t of plan.tracked) {
    keys.push(t.indicator);
    const item = plan.catalogue.byKey.get(t.indicator);
    const count = item && isMoney(item) ? countItemOf(plan.catalogue, item) : null;
    if (count) keys.push(count.key);
  }
  return keys;
}

/** Amounts in 万元, whatever money unit the item is reported in. */
export function toWan(item: Pick<Indicator, "unit">): number {
  return item.unit === "亿元" ? 10_000 : 1;
}

/** Per unit: 1 when the unit's kind or code is among the reporters. */
function membersOf(units: readonly Pick<UnitRow, "code" | "kind">[], reporters: readonly string[]) {
  const out = new Uint8Array(units.length);
  for (let u = 0; u < units.length; u++)
    out[u] = reporters.includes(units[u].kind) || reporters.includes(units[u].code) ? 1 : 0;
  return out;
}

/**
 * The tracked items' and subsidies' figures. `indicators` are the series' items (index k), `months`
 * the period's months up to as-of.
 */
export function trackedFigures(
  plan: Pick<Plan, "tracked" | "catalogue" | "period">,
  series: MonthlySeries,
  indicators: readonly string[],
  units: readonly Pick<UnitRow, "code" | "kind">[],
  months: readonly string[],
): TrackedFigures {
  const m = months.length;
  const step = series.units;
  const items = new Map<string, ItemFigures>();
  const subsidies = new Map<string, SubsidyFigures>();
  const paidByUnitMonth = new Float64Array(units.length * m).fill(Number.NaN);
  const slot = new Map(indicators.map((key, k) => [key, k]));
  for (const tracked of plan.tracked) {
    const item = plan.catalogue.byKey.get(tracked.indicator);
    if (!item) continue;
    const from = months.indexOf(tracked.starts);
    const started = from >= 0;
    const f: ItemFigures = {
      value: new Float64Array(units.length).fill(Number.NaN),
      mask: new Float64Array(units.length),
      monthly: new Float64Array(m).fill(Number.NaN),
      from: started ? from : m,
      to: m - 1,
    };
    items.set(tracked.id, f);
    const members = membersOf(units, item.reporters);
    const values = series.values[slot.get(item.key) ?? -1] ?? null;
    if (started && values) itemFigures(f, values, members, step, item.flow === "stock");
    if (item.subsidy === null || !isMoney(item)) continue;
    const count = countItemOf(plan.catalogue, item);
    const counts = count ? (series.values[slot.get(count.key) ?? -1] ?? null) : null;
    const s: SubsidyFigures = {
      members,
      paid: new Float64Array(units.length).fill(Number.NaN),
      reached: new Float64Array(units.length).fill(Number.NaN),
      paidMonthly: new Float64Array(m).fill(Number.NaN),
      reachedMonthly: new Float64Array(m).fill(Number.NaN),
      paidWithCount: 0,
      reachedWithPaid: 0,
    };
    subsidies.set(tracked.id, s);
    if (started) subsidyFigures(s, values, counts, toWan(item), members, step, f.from, f.to, paidByUnitMonth);
  }
  return { items, subsidies, paidByUnitMonth };
}

/** Adds x to a NaN-started sum. */
const plus = (sum: number, x: number) => (Number.isNaN(sum) ? x : sum + x);

function itemFigures(
  f: ItemFigures,
  values: Float64Array,
  members: Uint8Array,
  step: number,
  stock: boolean,
): void {
  const bits = 2 ** f.from;
  for (let u = 0; u < members.length; u++) {
    if (!members[u]) continue;
    // the baseline month is slot u; period month i is slot (1 + i) × step + u
    let latest = values[u];
    for (let i = 0; i < f.from; i++) {
      const c = values[(1 + i) * step + u];
      if (!Number.isNaN(c)) latest = c;
    }
    let total = Number.NaN;
    let mask = 0;
    let bit = bits;
    for (let i = f.from; i <= f.to; i++, bit *= 2) {
      const c = values[(1 + i) * step + u];
      if (!Number.isNaN(c)) {
        mask += bit;
        total = plus(total, c);
        latest = c;
      }
      const shown = stock ? latest : c;
      if (!Number.isNaN(shown)) f.monthly[i] = plus(f.monthly[i], shown);
    }
    f.mask[u] = mask;
    f.value[u] = stock ? latest : total;
  }
}

function subsidyFigures(
  s: SubsidyFigures,
  amounts: Float64Array | null,
  counts: Float64Array | null,
  scale: number,
  members: Uint8Array,
  step: number,
  from: number,
  to: number,
  paidByUnitMonth: Float64Array,
): void {
  const m = paidByUnitMonth.length / members.length;
  for (let u = 0; u < members.length; u++) {
    if (!members[u]) continue;
    for (let i = from; i <= to; i++) {
      const at = (1 + i) * step + u;
      const a = amounts ? amounts[at] * scale : Number.NaN;
      const c = counts ? counts[at] : Number.NaN;
      if (!Number.isNaN(a)) {
        s.paid[u] = plus(s.paid[u], a);
        s.paidMonthly[i] = plus(s.paidMonthly[i], a);
        paidByUnitMonth[u * m + i] = plus(paidByUnitMonth[u * m + i], a);
      }
      if (!Number.isNaN(c)) {
        s.reached[u] = plus(s.reached[u], c);
        s.reachedMonthly[i] = plus(s.reachedMonthly[i], c);
      }
      if (!Number.isNaN(a) && !Number.isNaN(c)) {
        s.paidWithCount += a;
        s.reachedWithPaid += c;
      }
    }
  }
}
