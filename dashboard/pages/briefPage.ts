/**
 * The one-page brief (`brief.html`) for leading-group meetings: the data cutoff and fingerprint,
 * sentences to read aloud (targets needing attention first), the overview as one compact table,
 * the key alerts and data completeness — laid out for one A4 page in print.
 */
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { overdueCases, rankAlerts } from "../alertRanking.ts";
import { formatDateTime, formatMonth, formatPercent, formatValue, NONE } from "../format.ts";
import { esc } from "../html.ts";
import { metricSentence, summarySentence } from "../sentences.ts";
import { paceShare } from "../trend.ts";
import { alertList } from "./alertList.ts";
import { metricName, type PageContext, t } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { targetText } from "./metricCard.ts";
import { completenessSection, paceLine } from "./overviewPage.ts";
import { statusBadge } from "./statusBadge.ts";

const BRIEF_ALERTS = 5;
const BRIEF_MISSING = 6;

/** Print rules of the brief: A4, narrow margins, no site chrome. */
export const BRIEF_PRINT_CSS = `<style>
@page { size: A4; margin: 10mm 12mm; }
@media print {
  html { font-size: 8.5pt; }
  body.brief { font-size: 1rem; line-height: 1.4; }
  body.brief .site-header, body.brief .site-footer, body.brief .skip-link, body.brief .no-print { display: none !important; }
  body.brief main { max-width: none; padding: 0; }
  body.brief h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
  body.brief h2 { font-size: 1.15rem; margin: .6rem 0 .2rem; }
  body.brief h3 { font-size: 1rem; margin: .3rem 0 .1rem; }
  body.brief p { margin: .2rem 0; }
  body.brief .table-wrap { border: none; margin: .2rem 0; overflow: visible; }
  body.brief caption { display: none; }
  body.brief td, body.brief th { padding: .05rem .3rem; }
  body.brief .badge { font-size: .85rem; padding: 0 .35rem; }
  body.brief .sentences li { margin: 0; padding: 0 .4rem; }
  body.brief .alert { border-width: 0 0 0 3px; border-radius: 0; padding: 0 .4rem; margin: 0 0 .15rem; }
  body.brief .alert .where { display: inline; }
  body.brief .columns { gap: 0 1rem; }
  body.brief section { break-inside: avoid; }
}
</style>
`;

const ATTENTION = new Set(["red", "yellow", "no_data"]);

export function briefPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const { report, input } = site;
  const sentence = (m: MetricProgress) =>
    `<li class="s-${m.status}">${esc(metricSentence(m, lang, { overdueCases: overdueCases(report.alerts, m.id) }))}</li>`;
  const attention = report.metrics.filter((m) => ATTENTION.has(m.status));
  const fine = report.metrics.filter((m) => !ATTENTION.has(m.status));
  const table = dataTable({
    caption: t(ctx, "各项指标一览", "All targets at a glance"),
    head: [
      t(ctx, "指标", "Indicator"),
      t(ctx, "实际", "Actual"),
      t(ctx, "目标", "Target"),
      t(ctx, "完成率", "Progress"),
      t(ctx, "序时进度", "Pace"),
      t(ctx, "状态", "Status"),
    ],
    rows: report.metrics.map((m) => {
      const pace = paceShare(m);
      return [
        esc(metricName(m, lang)),
        esc(formatValue(m.actual, m.unit_of_count, lang)),
        targetText(m, lang),
        m.progress === null ? NONE : formatPercent(m.progress),
        pace === null ? NONE : formatPercent(pace),
        statusBadge(m.status, lang, m.met),
      ];
    }),
    numeric: [1, 2, 3, 4],
    rowHeaders: true,
    className: "compact",
  });
  const alerts = rankAlerts(
    report.alerts,
    report.metrics.map((m) => m.id),
  ).slice(0, BRIEF_ALERTS);
  const latest = input.latestSubmissionAt
    ? formatDateTime(input.latestSubmissionAt, lang)
    : t(ctx, "暂无", "none");
  const title = t(ctx, "稳就业工作简报", "Employment targets: brief");
  const body = `<article class="brief-sheet">
<header class="brief-head">
<h1>${t(ctx, `青浦区稳就业工作简报（${formatMonth(report.asOf, "zh")}）`, `Qingpu employment targets — brief, ${formatMonth(report.asOf, "en")}`)}</h1>
<p class="cutoff">${t(ctx, "数据截至", "Data as of")} <strong>${esc(formatMonth(report.asOf, lang))}</strong> · ${t(ctx, "最新报送时间", "latest submission")} <strong>${esc(latest)}</strong>${t(ctx, "（北京时间）", " (Beijing time)")} · ${t(ctx, "数据指纹", "data fingerprint")} <code>${esc(input.fingerprint)}</code> · ${t(ctx, "生成于", "built")} ${esc(formatDateTime(input.builtAt, lang))}</p>
<p class="no-print"><button type="button" class="js-only" data-print>${t(ctx, "打印本页", "Print this page")}</button> ${t(ctx, "本页按A4纸一页排版。", "This page prints on one A4 sheet.")}</p>
</header>
<section aria-labelledby="summary-h">
<h2 id="summary-h">${t(ctx, "总体情况", "Summary")}</h2>
<p>${esc(paceLine(ctx))}${lang === "en" ? " " : ""}${esc(summarySentence(report.metrics, lang))}</p>
${attention.length > 0 ? `<h3>${t(ctx, "需关注", "Needs attention")}</h3><ul class="sentences">${attention.map(sentence).join("")}</ul>` : ""}
${fine.length > 0 ? `<h3>${t(ctx, "进展正常", "On track")}</h3><ul class="sentences">${fine.map(sentence).join("")}</ul>` : ""}
</section>
<section aria-labelledby="table-h">
<h2 id="table-h">${t(ctx, "指标一览", "At a glance")}</h2>
${table}
</section>
<div class="columns">
<section aria-labelledby="alerts-h">
<h2 id="alerts-h">${t(ctx, "重点预警", "Key alerts")}</h2>
${alertList(ctx, alerts)}
</section>
<section aria-labelledby="completeness-h">
<h2 id="completeness-h">${t(ctx, "数据完整性", "Data completeness")}</h2>
${completenessSection(ctx, BRIEF_MISSING)}
</section>
</div>
</article>`;
  return layout(ctx, { title, body, head: BRIEF_PRINT_CSS, bodyClass: "brief" });
}
