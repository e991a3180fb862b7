/**
 * 统计项 (`items.html`): every item the units report — the plan's catalogue, so an item added to it
 * is here with no code changed — with its unit of count, 本月数 or 期末数, who reports it, the
 * units' figures added up as of the month, how many of the unit-months due have reported it, and
 * what reads it: the targets (linked), the 政策资金 page for a subsidy, a tracked item without a
 * target, or nothing yet.
 */
import { escapeHtml } from "../../core/html.ts";
import { formatMonth, formatMonthSpan, trimmed } from "../../metrics/formatValue.ts";
import { NONE } from "../format.ts";
import type { ItemFigure } from "../gatherItems.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";

/** The kind and unit columns stay on one line. */
const ITEMS_CSS = `<style>
.items td:nth-child(2),.items td:nth-child(3){white-space:nowrap}
</style>
`;

/** What reads an item: its targets, the funds page, a tracked item, or nothing. */
function readBy(ctx: PageContext, item: ItemFigure): string {
  const { site, lang } = ctx;
  const parts = item.targets.map((id) => {
    const metric = site.report.metrics.find((m) => m.id === id);
    return `<a href="${href(ctx, PAGES.metric(id))}">${escapeHtml(metric ? metricName(metric, lang) : id)}</a>`;
  });
  if (item.tracked !== null) {
    const isFunds = (site.report.funds?.subsidies ?? []).some((s) => s.metric === item.tracked);
    parts.push(
      isFunds
        ? `<a href="${href(ctx, PAGES.funds)}">${t(ctx, "政策资金", "Policy funds")}</a>`
        : t(ctx, "跟踪（无目标）", "tracked (no target)"),
    );
  } else if (item.subsidy !== null)
    parts.push(`<a href="${href(ctx, PAGES.funds)}">${t(ctx, "政策资金", "Policy funds")}</a>`);
  return parts.length ? parts.join(t(ctx, "、", ", ")) : t(ctx, "仅报送", "reported only");
}

export function itemsPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const asOf = site.report.asOf;
  const first = site.elapsed[0] ?? asOf;
  const title = t(ctx, "报送统计项", "Reported items");
  const items = site.input.items?.get(asOf);
  const span = formatMonthSpan(first, asOf, lang);
  const table = items
    ? dataTable({
        lang,
        caption: t(
          ctx,
          `各统计项全区合计（截至${formatMonth(asOf, "zh")}）`,
          `Each item, the district's figure as of ${formatMonth(asOf, "en")}`,
        ),
        head: [
          t(ctx, "统计项", "Item"),
          t(ctx, "计量单位", "Unit"),
          t(ctx, "类型", "Kind"),
          t(ctx, "报送单位", "Reported by"),
          t(ctx, "全区合计", "District"),
          t(ctx, "已报单位月", "Unit-months reported"),
          t(ctx, "用于", "Read by"),
        ],
        rows: items.map((i) => [
          escapeHtml(lang === "zh" ? i.zh : i.en),
          escapeHtml(i.unit_of_count[lang]),
          escapeHtml(i.flow === "flow" ? t(ctx, "本月数", "this month") : t(ctx, "期末数", "month end")),
          escapeHtml(i.reported_by[lang]),
          i.total === null ? NONE : escapeHtml(trimmed(i.total, 4)),
          String(i.reported),
          readBy(ctx, i),
        ]),
        numeric: [4, 5],
        rowHeaders: true,
        className: "items",
      })
    : `<p>${t(ctx, "本看板未收集统计项数据。", "This dashboard was built without the items' figures.")}</p>`;
  const body = `<h1>${title}</h1>
<p class="lede">${escapeHtml(
    t(
      ctx,
      `各单位月报中的全部统计项（本计划的统计项目录），和各单位报告数的全区合计：本月数为${span}各月相加，期末数为各单位截至${formatMonth(asOf, "zh")}最近一次报告的月末数相加。`,
      `Every item of the units' monthly report (the plan's catalogue), with the units' figures added up: a this-month item over ${span}, a month-end item as each unit's latest month-end figure up to ${formatMonth(asOf, "en")}.`,
    ),
  )}</p>
<p class="note">${t(
    ctx,
    "合计只把各单位的报告数相加；考核指标按各自口径计算，见各指标页。已报单位月：报告了该项的单位月数（留空不计）。",
    "These totals only add up what the units reported; each target is worked out its own way, on its page. Unit-months reported: how many unit-months gave the item (a blank cell does not count).",
  )}</p>
${table}`;
  return layout(ctx, { title, body, head: ITEMS_CSS });
}
