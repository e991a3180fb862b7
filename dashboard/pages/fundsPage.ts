/**
 * 政策资金 (`funds.html`): what the policy's money bought, as the paying units report it — paid to
 * date in all and by subsidy, whom it reached and the amount per person or firm, each subsidy that
 * serves a target beside that target, the money month by month by paying group (chart and the
 * numbers behind it), each subsidy and each paying unit month by month, and the policy's sentence
 * that names each subsidy. Every sentence on it is true of any plan: the policy sets no target for
 * the money, the amounts are what the units reported, and an amount per person is an average of
 * what was paid, never a standard; the demo's illustrative amounts are said to be so.
 */
import { escapeHtml } from "../../core/html.ts";
import { formatValue, formatWan, formatYuan } from "../../metrics/formatValue.ts";
import { fundsSentence, payerText, reachText } from "../../metrics/fundsWords.ts";
import type { FundSubsidy, Funds, MetricProgress } from "../../metrics/reportTypes.ts";
import { fundsBars, fundsColour } from "../charts/fundsBars.ts";
import { formatMonth, formatPercent, NONE } from "../format.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";
import {
  groupRows,
  monthlyTable,
  payerGroups,
  subsidiesTable,
  subsidyMonthsTable,
  unitsTable,
} from "./fundsTables.ts";
import { layout } from "./layout.ts";
import { targetText } from "./metricCard.ts";
import { figure } from "./metricPage.ts";
import { metricBadge } from "./statusBadge.ts";

/** Unit-months without an amount named under the chart before "N in all". */
const UNREPORTED_SHOWN = 10;

/** The page's own layout: a subsidy and its target side by side, stacked on a narrow screen. */
const FUNDS_CSS = `<style>
.pairs{display:grid;gap:1rem}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:.6rem;background:#eaeef2;border-radius:6px;padding:.6rem}
.pair .card{margin:0}
.pair .card.money{border-top-color:#0969da}
.pair .role{margin:0;font-size:.8rem;color:#57606a}
.caveats{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem .5rem 2rem;margin:.6rem 0}
.caveats li{margin:.2rem 0}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:-.1rem;margin-right:.35rem}
.policy-quotes dt{font-weight:600;margin-top:.5rem}
.policy-quotes dd{margin:0}
main th[scope=row]{min-width:7em}
table.by-month th[scope=row]{white-space:nowrap;min-width:0}
</style>
`;

/** The subsidy's side of a pair: paid, whom it reached, per person or firm, who paid it. */
function moneyCard(ctx: PageContext, s: FundSubsidy): string {
  const { lang } = ctx;
  const payers = payerText(
    s.units.map((u) => unitName(ctx.site, u.unit, lang)),
    lang,
  );
  return `<article class="card money">
<p class="role">${t(ctx, "补贴（无目标）", "Subsidy (no target)")}</p>
<h3>${escapeHtml(lang === "zh" ? s.name_zh : s.name_en)}</h3>
<p class="figure"><span class="actual">${s.paid === null ? NONE : escapeHtml(formatWan(s.paid, lang))}</span><span class="of">${t(ctx, "已发放", "paid")}</span></p>
<dl class="facts">
<div><dt>${t(ctx, "人数（户数）", "Reached")}</dt><dd>${escapeHtml(reachText(s.reached, s.count_unit, lang))}</dd></div>
<div><dt>${t(ctx, "人均（户均）", "Per person or firm")}</dt><dd>${s.per_head === null ? NONE : escapeHtml(formatYuan(s.per_head, lang))}</dd></div>
<div><dt>${t(ctx, "发放单位", "Paid by")}</dt><dd>${escapeHtml(payers)}</dd></div>
</dl>
</article>`;
}

/** The target's side of a pair: its figure against its target, in its own status words. */
function targetCard(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const progress =
    metric.progress === null || metric.unit_of_count === "share" ? "" : formatPercent(metric.progress);
  return `<article class="card s-${metric.status}">
<p class="role">${t(ctx, "所服务的指标", "The target it serves")}</p>
<h3><a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(metricName(metric, lang))}</a></h3>
<p class="status">${metricBadge(metric, lang)}</p>
<p class="figure"><span class="actual">${escapeHtml(formatValue(metric.actual, metric.unit_of_count, lang))}</span><span class="of">${t(ctx, "目标", "target")} ${targetText(metric, lang)}</span></p>
${progress ? `<dl class="facts"><div><dt>${t(ctx, "完成率", "Progress")}</dt><dd>${progress}</dd></div></dl>` : ""}
</article>`;
}

/** Each subsidy that serves a target, beside it. */
function pairsSection(ctx: PageContext, funds: Funds): string {
  const byId = new Map(ctx.site.report.metrics.map((m) => [m.id, m]));
  const pairs = funds.subsidies.flatMap((s) =>
    (s.serves?.targets ?? [])
      .map((served) => byId.get(served.id))
      .filter((m): m is MetricProgress => m !== undefined)
      .map((m) => `<div class="pair">${moneyCard(ctx, s)}${targetCard(ctx, m)}</div>`),
  );
  if (pairs.length === 0) return "";
  return `<section aria-labelledby="pairs-h">
<h2 id="pairs-h">${t(ctx, "补贴与所服务的指标", "Subsidies beside the targets they serve")}</h2>
<p class="note">${t(
    ctx,
    "每组并列一项补贴和它所服务的指标。领取补贴的人数与计入指标的人数统计口径不同，本页只并列、不相除，也不据此推断补贴的作用。",
    "Each pair sets a subsidy beside the target it serves. Those a subsidy was paid for and those counted towards the target are counted differently, so the two stand side by side without one divided by the other, and nothing is inferred about what the subsidy achieved.",
  )}</p>
<div class="pairs">${pairs.join("\n")}</div>
</section>`;
}

/** What the figures are and are not, in plain sentences. */
function caveats(ctx: PageContext): string {
  const items = [
    t(
      ctx,
      "政策点名了下列补贴，但没有为任何一项规定金额、人数或每人标准，因此各项补贴都没有目标，不亮红黄绿灯，也不发预警（与补贴并列的指标按各自的考核方式显示）；发放单位未按时报送的，照常列入预警。",
      "The policy names these subsidies but sets no amount, number or standard per person for any of them, so no subsidy has a target, a colour or an alert of its own (the targets set beside them show as they are judged); a paying unit that does not report on time is listed among the alerts as usual.",
    ),
    t(
      ctx,
      "金额和人数（户数）均为各发放单位在月报中报告的数，本页只做加总；人数为各月相加，同一人（家）多月领取或领取多项补贴的，计多次。",
      "Amounts and counts are what the paying units report in their monthly reports, only added up here; counts are added over the months, so a person (or firm) paid in several months, or by several subsidies, counts each time.",
    ),
    t(
      ctx,
      "人均（户均）=报告金额÷报告人数（只计两项都报告了的单位月），是实际发放的平均数，不是补贴标准。",
      "Per person or firm = the amount reported ÷ the count reported (over the unit-months that reported both): an average of what was paid, not a standard.",
    ),
  ];
  if (ctx.site.input.demo)
    items.push(
      t(
        ctx,
        "本看板使用演示数据：各项金额是人数乘以演示用的每人示例金额生成的，不是实际发放数，也不是任何文件规定的标准。",
        "This dashboard shows demo data: each amount is the count times an illustrative amount per person made up for the demo — not money actually paid, and not a standard set anywhere.",
      ),
    );
  return `<ul class="caveats">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

/** Each subsidy's sentence in the policy, with its section; sentences naming several subsidies once. */
function policySection(ctx: PageContext): string {
  const { lang } = ctx;
  const funds = new Set((ctx.site.report.funds?.subsidies ?? []).map((s) => s.metric));
  const bySentence = new Map<string, { names: string[]; section: string | null }>();
  for (const tr of ctx.site.report.tracked ?? []) {
    if (!funds.has(tr.id)) continue;
    const entry = bySentence.get(tr.quote) ?? { names: [], section: tr.section };
    entry.names.push(lang === "zh" ? tr.name_zh : tr.name_en);
    bySentence.set(tr.quote, entry);
  }
  if (bySentence.size === 0) return "";
  const items = [...bySentence].map(
    ([quote, { names, section }]) =>
      `<div><dt>${escapeHtml(names.join(t(ctx, "、", "; ")))}${section ? ` <span class="note">${escapeHtml(section)}</span>` : ""}</dt><dd><blockquote class="quote" lang="zh-CN"><p>${escapeHtml(quote)}</p></blockquote></dd></div>`,
  );
  return `<section aria-labelledby="policy-h">
<h2 id="policy-h">${t(ctx, "政策原文", "Where the policy names them")}</h2>
${lang === "en" ? `<p class="note">The policy's sentences, as published in Chinese.</p>` : ""}
<details><summary>${t(ctx, `各项补贴所在的政策原文（${bySentence.size}句）`, `The policy's sentences naming the subsidies (${bySentence.size})`)}</summary>
<dl class="policy-quotes">${items.join("\n")}</dl>
</details>
</section>`;
}

/** What the bars are; "n/a" explained only when a month has it. */
function chartCaption(ctx: PageContext, funds: Funds): string {
  const empty = funds.months.some((_, i) => funds.units.every((u) => u.paid_monthly[i] === null));
  return `${t(ctx, "每月一条，长短为当月各单位报告的发放金额之和，所标数字为当月合计（万元）", "A bar a month adds up the amounts the units reported, its total written at its end (10,000 CNY)")}${empty ? t(ctx, "；“未报”为当月没有单位报告。", "; n/a: no unit reported that month.") : t(ctx, "。", ".")}`;
}

/** The paying units' months with no amount reported: the totals above leave them out. */
function unreported(ctx: PageContext, funds: Funds): string {
  const { site, lang } = ctx;
  const gaps = funds.units.flatMap((u) =>
    funds.months
      .filter((_, i) => u.paid_monthly[i] === null)
      .map((m) => `${unitName(site, u.unit, lang, u.name)} ${formatMonth(m, lang)}`),
  );
  if (gaps.length === 0) return "";
  const shown = gaps.slice(0, UNREPORTED_SHOWN).join(t(ctx, "、", ", "));
  const more = gaps.length > UNREPORTED_SHOWN ? t(ctx, `等${gaps.length}个`, ` (${gaps.length} in all)`) : "";
  return `<p class="note">${escapeHtml(t(ctx, `以下单位月没有报告补贴金额，上面的合计不含这些单位月：${shown}${more}。`, `No amount was reported for these unit-months, so the totals above leave them out: ${shown}${more}.`))}</p>`;
}

export function fundsPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const funds = site.report.funds ?? null;
  const title = t(ctx, "政策资金", "Policy funds");
  if (!funds) {
    const body = `<h1>${title}</h1>
<p class="lede">${t(ctx, "本目标计划没有跟踪政策资金。", "This plan tracks none of the policy's funds.")}</p>`;
    return layout(ctx, { title, body });
  }
  const groups = payerGroups(ctx, funds);
  const chartLabel = t(
    ctx,
    "各月发放金额（万元），按发放单位",
    "Paid each month (10,000 CNY), by paying unit",
  );
  const barOptions = { lang, months: funds.months, groups: groups.map((g) => g.name), label: chartLabel };
  const rows = groupRows(funds, groups);
  const chart = fundsBars(rows, { ...barOptions, id: "funds-monthly" });
  const chartCompact = fundsBars(rows, { ...barOptions, id: "funds-monthly-c", compact: true });
  const legend = `<ul class="legend">${groups.map((g, i) => `<li><span class="swatch" style="background:${fundsColour(i)}" aria-hidden="true"></span>${escapeHtml(g.name)}</li>`).join("")}</ul>`;
  const body = `<h1>${title}</h1>
<p class="lede">${escapeHtml(fundsSentence(funds, site.report.asOf, lang))}</p>
${caveats(ctx)}
${pairsSection(ctx, funds)}
<section aria-labelledby="monthly-h">
<h2 id="monthly-h">${t(ctx, "各月发放金额", "Paid month by month")}</h2>
${figure(chart, `${legend}${chartCaption(ctx, funds)}`, { compact: chartCompact })}
${unreported(ctx, funds)}
${monthlyTable(ctx, funds, groups)}
</section>
<section aria-labelledby="subsidies-h">
<h2 id="subsidies-h">${t(ctx, "各项补贴", "Each subsidy")}</h2>
${subsidiesTable(ctx, funds)}
${subsidyMonthsTable(ctx, funds)}
</section>
<section aria-labelledby="units-h">
<h2 id="units-h">${t(ctx, "各发放单位", "Each paying unit")}</h2>
${unitsTable(ctx, funds)}
</section>
${policySection(ctx)}`;
  return layout(ctx, { title, body, head: FUNDS_CSS });
}

/** The brief's one line on the money: the total, whom it reached, and that nothing is judged. */
export function fundsBriefLine(ctx: PageContext): string {
  const funds = ctx.site.report.funds;
  if (!funds) return "";
  return `<p class="funds-line"><strong>${t(ctx, "政策资金", "Policy funds")}</strong>${t(ctx, "：", ": ")}${escapeHtml(fundsSentence(funds, ctx.site.report.asOf, ctx.lang))}</p>`;
}

/** A link to the 政策资金 page with the total paid, for the overview. */
export function fundsLink(ctx: PageContext): string {
  const funds = ctx.site.report.funds;
  if (!funds) return "";
  const paid =
    funds.paid === null
      ? ""
      : t(ctx, `（已发放${formatWan(funds.paid, "zh")}）`, ` (${formatWan(funds.paid, "en")} paid)`);
  return `<p class="funds-link"><a href="${href(ctx, PAGES.funds)}">${t(ctx, "政策资金", "Policy funds")}</a>${escapeHtml(paid)}${t(ctx, "：各项补贴发放情况，政策未设资金目标。", ": the subsidies paid; the policy sets no target for the money.")}</p>`;
}
