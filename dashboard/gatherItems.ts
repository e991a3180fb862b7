/**
 * Every reported item of the plan's catalogue with the units' figures added up as of the month
 * (the IO edge of the 统计项 page): a flow summed over the period's months to as-of, a stock as
 * the units' latest month-end levels to as-of added up (a unit's earlier month standing in for
 * one it has not sent), and the unit-months that reported it. One query over v_facts for all items,
 * so an item added to the catalogue shows here without any code knowing its name.
 */
import { previousMonth } from "../core/month.ts";
import { describeItems, type ItemDescription } from "../etl/catalogue/describeItems.ts";
import { metricIndicators, type Plan } from "../metrics/plan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";

export interface ItemFigure extends ItemDescription {
  /** The district's figure as of the month (null: nothing reported). */
  total: number | null;
  /** Unit-months that reported it, from the period's first month to as-of. */
  reported: number;
  /** The targets that read it, the tracked metric that follows it, by id. */
  targets: string[];
  tracked: string | null;
}

export async function gatherItems(
  db: Warehouse,
  options: { plan: Plan; units: Unit[]; asOf: string },
): Promise<ItemFigure[]> {
  const { plan, units, asOf } = options;
  const first = plan.period.first;
  const rows = await db.query<{
    indicator: string;
    flow_total: number | null;
    stock_total: number | null;
    reported: number;
  }>(
    `WITH f AS (
       SELECT unit, month, indicator, value FROM v_facts WHERE month >= $baseline AND month <= $as_of
     ), latest AS (
       SELECT indicator, arg_max(value, month) AS value FROM f GROUP BY indicator, unit
     )
     SELECT i.indicator,
            (SELECT sum(value) FROM f WHERE f.indicator = i.indicator AND month >= $first)::DOUBLE AS flow_total,
            (SELECT sum(value) FROM latest l WHERE l.indicator = i.indicator)::DOUBLE AS stock_total,
            (SELECT count(*) FROM f WHERE f.indicator = i.indicator AND month >= $first)::INTEGER AS reported
     FROM (SELECT DISTINCT indicator FROM f) i`,
    { baseline: previousMonth(first), first, as_of: asOf },
  );
  const byKey = new Map(rows.map((r) => [r.indicator, r]));
  return describeItems(plan.catalogue, units).map((d) => {
    const row = byKey.get(d.key);
    return {
      ...d,
      total: (d.flow === "flow" ? row?.flow_total : row?.stock_total) ?? null,
      reported: row?.reported ?? 0,
      targets: plan.metrics.filter((m) => metricIndicators(m).includes(d.key)).map((m) => m.id),
      tracked: plan.tracked.find((t) => t.indicator === d.key)?.id ?? null,
    };
  });
}
