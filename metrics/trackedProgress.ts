/**
 * One item a plan follows without a target (docs/contract.md §6 `tracked`): the district's figure (or the
 * one unit's the report is limited to), month by month, each reporting unit's figure, and the
 * unit-months not reported — and no target, pace, projection, colour or alert of its own: the
 * policy states no figure to judge it by. Its status says only whether there is a figure:
 * `no_target` (无目标), `no_data` without one, `not_started` before its first month. Pure.
 */
import type { Catalogue } from "../core/catalogue.ts";
import type { Lang } from "../core/lang.ts";
import type { Named } from "./alerts.ts";
import { bit, orNull, round } from "./metricProgress.ts";
import type { TrackedMetric } from "./plan.ts";
import {
  type Coverage,
  type Status,
  TRACKED,
  type TrackedProgress,
  type TrackedUnit,
  type UnitMonth,
} from "./reportTypes.ts";
import type { ItemFigures } from "./trackedFigures.ts";
import { STATUS_WORDS } from "./words.ts";

export interface TrackedContext {
  catalogue: Catalogue;
  lang: Lang;
  /** The period's months up to as-of. */
  months: readonly string[];
  /** Whether the report is limited to one unit: the headline is then that unit's figure. */
  scoped: boolean;
  units: readonly Named[];
  /** Unit index → one entry per month of `months`, shared with the metrics' lists of missing unit-months. */
  unitMonths: (ui: number) => UnitMonth[];
}

function statusOf(started: boolean, actual: number | null): Status {
  if (!started) return "not_started";
  return actual === null ? "no_data" : "no_target";
}

/** The tracked item for the units in `expected` (indexes into ctx.units). */
export function trackedProgress(
  ctx: TrackedContext,
  tracked: TrackedMetric,
  figures: ItemFigures,
  expected: readonly number[],
): TrackedProgress {
  const { lang } = ctx;
  const item = ctx.catalogue.byKey.get(tracked.indicator);
  const stock = item?.flow === "stock";
  const started = figures.from <= figures.to;
  const months = started ? figures.to - figures.from + 1 : 0;
  const full = started ? 2 ** (figures.to + 1) - 2 ** figures.from : 0;
  const units: TrackedUnit[] = new Array(expected.length);
  let reported = 0;
  let sum: number | null = null;
  for (let i = 0; i < expected.length; i++) {
    const ui = expected[i];
    const actual = started ? orNull(figures.value[ui]) : null;
    if (actual !== null) sum = (sum ?? 0) + actual;
    const unit = ctx.units[ui];
    units[i] = {
      unit: unit.code,
      name: lang === "zh" ? unit.zh : unit.en,
      actual: round(actual),
      status: statusOf(started, actual),
    };
    const mask = started ? figures.mask[ui] : 0;
    if (mask === full) reported += months;
    else if (mask !== 0) for (let k = figures.from; k <= figures.to; k++) if (bit(mask, k)) reported++;
  }
  // the unit-months not reported, in one list made at its size: an item nobody reports yet lists
  // every unit-month, and growing a list that long costs more than counting first
  const missing: UnitMonth[] = new Array(expected.length * months - reported);
  let at = 0;
  for (let i = 0; i < expected.length && at < missing.length; i++) {
    const ui = expected[i];
    const mask = figures.mask[ui];
    if (mask === full) continue;
    const entries = ctx.unitMonths(ui);
    for (let k = figures.from; k <= figures.to; k++)
      if (mask === 0 || !bit(mask, k)) missing[at++] = entries[k];
  }
  const actual = ctx.scoped ? (units[0]?.actual ?? null) : round(sum);
  const status = statusOf(started, actual);
  const coverage: Coverage = { reported, expected: expected.length * months, missing };
  return {
    id: tracked.id,
    name: lang === "zh" ? tracked.name.zh : tracked.name.en,
    name_zh: tracked.name.zh,
    name_en: tracked.name.en,
    kind: TRACKED,
    indicator: tracked.indicator,
    unit_of_count: item?.unitOfCount ?? "",
    flow: stock ? "stock" : "flow",
    actual,
    status,
    status_words: STATUS_WORDS[status],
    starts: tracked.starts,
    monthly: ctx.months.map((month, i) => ({ month, value: round(orNull(figures.monthly[i])) })),
    coverage,
    units,
    quote: tracked.quote,
    section: tracked.section,
    responsible: tracked.responsible,
  };
}
