/**
 * The numbers of the 政策资金 page as tables, and the rows of its chart: the money by paying group
 * month by month (the towns together, each department on its own — the chart's segments), each
 * subsidy to date with whom it reached and the amount per person or firm, each subsidy month by
 * month, and each paying unit month by month. Amounts are 万元 as the units reported them.
 */
import { escapeHtml } from "../../core/html.ts";
import { formatWan, formatYuan, trimmed } from "../../metrics/formatValue.ts";
import { payerText, reachText } from "../../metrics/fundsWords.ts";
import type { Funds } from "../../metrics/reportTypes.ts";
import type { FundsBarRow } from "../charts/fundsBars.ts";
import { formatMonth, NONE } from "../format.ts";
import { PAGES } from "../paths.ts";
import { href, type PageContext, t, unitName } from "./context.ts";
import { dataTable } from "./dataTable.ts";

/** Unit kinds paid for together as "the towns". */
const TOWN_KINDS = new Set(["subdistrict", "town"]);

export interface PayerGroup {
  name: string;
  units: string[];
}

/** The paying groups: the towns and subdistricts together (first), then each other unit by name. */
export function payerGroups(ctx: PageContext, funds: Funds): PayerGroup[] {
  const towns: string[] = [];
  const others: PayerGroup[] = [];
  for (const u of funds.units) {
    const kind = ctx.site.unitsByCode.get(u.unit)?.kind ?? "";
    if (TOWN_KINDS.has(kind)) towns.push(u.unit);
    else others.push({ name: unitName(ctx.site, u.unit, ctx.lang, u.name), units: [u.unit] });
  }
  const groups = towns.length ? [{ name: t(ctx, "各街镇", "Towns"), units: towns }, ...others] : others;
  return groups;
}

/** Per group and month, the amount paid (null when none of the group's units reported any). */
export function groupRows(funds: Funds, groups: PayerGroup[]): FundsBarRow[] {
  const byUnit = new Map(funds.units.map((u) => [u.unit, u.paid_monthly]));
  return groups.flatMap((g) =>
    funds.months.map((month, i) => {
      let value: number | null = null;
      for (const code of g.units) {
        const x = byUnit.get(code)?.[i] ?? null;
        if (x !== null) value = (value ?? 0) + x;
      }
      return { month, group: g.name, value: value === null ? null : Math.round(value * 1e4) / 1e4 };
    }),
  );
}

/** An amount in a table of 万元: `12.34`, or — when nothing was reported. */
const wan = (x: number | null) => (x === null ? NONE : trimmed(x, 2));

/** The numbers behind the chart: a row per month, a column per paying group, and the total. */
export function monthlyTable(ctx: PageContext, funds: Funds, groups: PayerGroup[]): string {
  const rows = groupRows(funds, groups);
  return dataTable({
    lang: ctx.lang,
    caption: t(ctx, "各月发放金额（万元），按发放单位", "Paid each month (10,000 CNY), by paying unit"),
    head: [t(ctx, "月份", "Month"), ...groups.map((g) => g.name), t(ctx, "合计", "Total")],
    rows: funds.months.map((month) => {
      const values = groups.map(
        (g) => rows.find((r) => r.month === month && r.group === g.name)?.value ?? null,
      );
      const present = values.filter((v): v is number => v !== null);
      const total = present.length ? present.reduce((a, b) => a + b, 0) : null;
      return [escapeHtml(formatMonth(month, ctx.lang)), ...values.map(wan), wan(total)];
    }),
    numeric: groups.map((_, i) => i + 1).concat(groups.length + 1),
    rowHeaders: true,
    className: "by-month",
  });
}

/** Each subsidy to date: who paid it, paid, whom it reached, per person or firm, the target it serves. */
export function subsidiesTable(ctx: PageContext, funds: Funds): string {
  const { site, lang } = ctx;
  return dataTable({
    lang: ctx.lang,
    caption: t(
      ctx,
      `各项补贴截至${formatMonth(funds.months.at(-1) ?? "", "zh")}累计`,
      `Each subsidy to ${formatMonth(funds.months.at(-1) ?? "", "en")}`,
    ),
    head: [
      t(ctx, "补贴", "Subsidy"),
      t(ctx, "发放单位", "Paid by"),
      t(ctx, "已发放", "Paid"),
      t(ctx, "人数（户数）", "Reached"),
      t(ctx, "人均（户均）", "Per person or firm"),
      t(ctx, "所服务的指标", "Target it serves"),
    ],
    rows: funds.subsidies.map((s) => {
      const payers = s.units.map((u) => unitName(site, u.unit, lang));
      const serves = (s.serves?.targets ?? [])
        .map(
          (m) =>
            `<a href="${href(ctx, PAGES.metric(m.id))}">${escapeHtml(lang === "zh" ? m.name_zh : m.name_en)}</a>`,
        )
        .join(t(ctx, "、", ", "));
      return [
        escapeHtml(lang === "zh" ? s.name_zh : s.name_en),
        escapeHtml(payerText(payers, lang)),
        s.paid === null ? NONE : escapeHtml(formatWan(s.paid, lang)),
        escapeHtml(reachText(s.reached, s.count_unit, lang)),
        s.per_head === null ? NONE : escapeHtml(formatYuan(s.per_head, lang)),
        serves || NONE,
      ];
    }),
    numeric: [2, 3, 4],
    rowHeaders: true,
  });
}

/** Each subsidy month by month (万元). */
export function subsidyMonthsTable(ctx: PageContext, funds: Funds): string {
  const { lang } = ctx;
  return dataTable({
    lang: ctx.lang,
    caption: t(ctx, "各项补贴各月发放金额（万元）", "Each subsidy, paid month by month (10,000 CNY)"),
    head: [
      t(ctx, "补贴", "Subsidy"),
      ...funds.months.map((m) => formatMonth(m, lang)),
      t(ctx, "累计", "To date"),
    ],
    rows: funds.subsidies.map((s) => [
      escapeHtml(lang === "zh" ? s.name_zh : s.name_en),
      ...s.paid_monthly.map(wan),
      wan(s.paid),
    ]),
    numeric: funds.months.map((_, i) => i + 1).concat(funds.months.length + 1),
    rowHeaders: true,
  });
}

/** Each paying unit month by month (万元), linked to its page. */
export function unitsTable(ctx: PageContext, funds: Funds): string {
  const { site, lang } = ctx;
  return dataTable({
    lang: ctx.lang,
    caption: t(ctx, "各单位各月发放金额（万元）", "Each paying unit, month by month (10,000 CNY)"),
    head: [
      t(ctx, "单位", "Unit"),
      ...funds.months.map((m) => formatMonth(m, lang)),
      t(ctx, "累计", "To date"),
    ],
    rows: funds.units.map((u) => [
      `<a href="${href(ctx, PAGES.unit(u.unit))}">${escapeHtml(unitName(site, u.unit, lang, u.name))}</a>`,
      ...u.paid_monthly.map(wan),
      wan(u.paid),
    ]),
    numeric: funds.months.map((_, i) => i + 1).concat(funds.months.length + 1),
    rowHeaders: true,
  });
}
