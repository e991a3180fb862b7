/**
 * A target's page (`metric/<id>.html`): the sentence and the facts, how it is judged, where its
 * target comes from (the policy's sentence, its section and 责任单位, or the assignment's note),
 * the course over the months against pace and target, the monthly values (for a level or a cap,
 * the month's change), units ranked by the figure they are judged by, the alerts about it, what
 * is missing, and tables of the numbers behind every chart.
 */

import { escapeHtml } from "../../core/html.ts";
import { sortAlerts } from "../../metrics/alerts.ts";
import { gapText } from "../../metrics/behind.ts";
import type { MetricKind, MetricProgress, UnitProgress } from "../../metrics/reportTypes.ts";
import { statusWords } from "../../metrics/words.ts";
import { monthlyBars } from "../charts/monthlyBars.ts";
import { progressLine } from "../charts/progressLine.ts";
import { type RankingRow, unitRanking } from "../charts/unitRanking.ts";
import { formatMonth, formatPercent, formatValue, type Lang, NONE } from "../format.ts";
import { inlineSvg } from "../html.ts";
import { judgedFigure, standing } from "../judgedFigure.ts";
import { JUDGED_WORDS, KIND_WORDS, SOURCE_WORDS } from "../labels.ts";
import { overdueCases } from "../overdueCases.ts";
import { PAGES } from "../paths.ts";
import { metricSentence } from "../sentences.ts";
import { flowSeries, metricTrend, planTrend } from "../trend.ts";
import { alertList } from "./alertList.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { factList, metricFacts, sourceTag, targetText } from "./metricCard.ts";
import { metricBadge, statusBadge } from "./statusBadge.ts";
import { noteBeside } from "./unitNote.ts";

const TREND_TITLE: Record<MetricKind, { zh: string; en: string }> = {
  cumulative: { zh: "累计完成与序时进度", en: "Year to date against pace" },
  level: { zh: "期末数与序时进度", en: "Month-end level against pace" },
  cap: { zh: "期末数与控制目标", en: "Month-end level against the cap" },
  ratio: { zh: "比率与目标", en: "Share against the target" },
  deadline: { zh: "按期率与目标", en: "On-time share against the target" },
};

const MONTHLY_TITLE: Record<MetricKind, { zh: string; en: string }> = {
  cumulative: { zh: "各月本月数", en: "This month, month by month" },
  level: { zh: "各月较上月增减", en: "Change from the month before" },
  cap: { zh: "各月较上月增减", en: "Change from the month before" },
  ratio: { zh: "各月比率", en: "Share, month by month" },
  deadline: { zh: "各月按期率", en: "On-time share, month by month" },
};

/**
 * A chart with its caption, below it (a legend, a note) or above it (a title). Given a compact
 * drawing too, the page shows the full-size one on a wide screen and the compact one on a narrow
 * one, each at about the width it was drawn for, so that chart text is never shrunk below 11 px.
 */
export function figure(
  svg: string,
  caption: string,
  options: { captionFirst?: boolean; compact?: string; compactOnly?: boolean } = {},
): string {
  const chart = options.compact
    ? `<div class="chart-svg paired"><div class="chart-wide">${inlineSvg(svg)}</div><div class="chart-narrow">${inlineSvg(options.compact)}</div></div>`
    : `<div class="chart-svg${options.compactOnly ? " compact" : ""}">${inlineSvg(svg)}</div>`;
  const text = `<figcaption>${caption}</figcaption>`;
  return `<figure class="chart">${options.captionFirst ? text + chart : chart + text}</figure>`;
}

/** The width full-size charts are drawn at: about the page's width on a screen of 64rem and more. */
const WIDE = 960;

function legend(kind: MetricKind, lang: Lang): string {
  const items =
    kind === "cumulative" || kind === "level"
      ? [
          ["actual", lang === "zh" ? "实线：实际" : "solid line: actual"],
          ["pace", lang === "zh" ? "虚线：序时进度" : "dashed line: expected to date"],
          ["target", lang === "zh" ? "橙色虚线：全年目标" : "orange dashed rule: annual target"],
        ]
      : [
          ["actual", lang === "zh" ? "实线：实际" : "solid line: actual"],
          ["target", lang === "zh" ? "橙色虚线：目标" : "orange dashed rule: target"],
        ];
  return `<ul class="legend">${items.map(([k, text]) => `<li><span class="key key-${k}" aria-hidden="true"></span>${text}</li>`).join("")}</ul>`;
}

/** Units ranked by the figure they are judged by, best first; the bar, its colour and its words agree. */
function rankingRows(ctx: PageContext, metric: MetricProgress): (RankingRow & { code: string })[] {
  return metric.units
    .map((u) => ({
      code: u.unit,
      name: unitName(ctx.site, u.unit, ctx.lang, u.name),
      progress: judgedFigure(metric, u).value,
      status: u.status,
      word: statusWords(u.status, metric)[ctx.lang],
      rank: standing(metric, u),
    }))
    .sort((a, b) => b.rank - a.rank || a.code.localeCompare(b.code));
}

function rankingCaption(ctx: PageContext, metric: MetricProgress, markWord: string): string {
  const judged =
    metric.kind === "level"
      ? t(ctx, "条长为增量完成率（较基期已增÷需增）", "Bars: the share of the required increase achieved")
      : metric.kind === "cap"
        ? t(ctx, "条长为占控制数的比例", "Bars: the share of the cap")
        : metric.kind === "cumulative"
          ? t(ctx, "条长为完成率", "Bars: progress against the target")
          : t(ctx, "条长为比例", "Bars: the share");
  return t(
    ctx,
    `${judged}；虚线为${markWord}；颜色和文字均表示按该指标考核方式判定的状态。`,
    `${judged}; the dashed rule is the ${markWord}; colour and words both give the status as this target is judged.`,
  );
}

/** How the target is judged, in one line: 按序时进度 · 2022年1月起 · 考核时点2022年12月. */
function judgedLine(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const parts = [KIND_WORDS[metric.kind][lang], JUDGED_WORDS[metric.judged][lang]];
  if (metric.judged === "always")
    parts.push(
      metric.tolerance === 0
        ? t(ctx, "不容差", "no shortfall allowed")
        : t(ctx, `容差${formatPercent(metric.tolerance)}`, `tolerance ${formatPercent(metric.tolerance)}`),
    );
  parts.push(
    t(ctx, `${formatMonth(metric.starts, "zh")}起`, `from ${formatMonth(metric.starts, "en")}`),
    t(ctx, `考核时点${formatMonth(metric.due, "zh")}`, `due ${formatMonth(metric.due, "en")}`),
  );
  return `<span class="kind">${escapeHtml(parts.join(" · "))} · <a href="${href(ctx, PAGES.rules)}">${t(ctx, "考核规则", "how targets are judged")}</a></span>`;
}

/** The policy's own words on an English page, marked as Chinese for the reader's tools. */
function inChinese(lang: Lang, html: string): string {
  return lang === "en" ? `<span lang="zh-CN">${html}</span>` : html;
}

/** 目标依据: the target's source, the policy's sentence, its section, the responsible bodies, the allocation's source. */
function sourceSection(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const source = metric.target_source;
  const note = lang === "zh" ? source.note_zh : source.note_en;
  const sourceText = `${SOURCE_WORDS[source.kind][lang]}${note ? t(ctx, "。", ". ") + escapeHtml(note) : ""}`;
  const allocation = metric.units.find((u) => u.target_source && u.target_source !== source)?.target_source;
  const allocationNote = allocation ? (lang === "zh" ? allocation.note_zh : allocation.note_en) : null;
  const rows: [string, string][] = [
    [t(ctx, "目标", "Target"), `${targetText(metric, lang)}`],
    [t(ctx, "目标来源", "Where the target comes from"), sourceText],
  ];
  if (allocation)
    rows.push([
      t(ctx, "分解目标来源", "Unit targets"),
      `${escapeHtml(allocationNote ?? "")}${allocation.document ? ` <span class="doc">${escapeHtml(allocation.document)}</span>` : ""}`,
    ]);
  if (metric.section)
    rows.push([t(ctx, "政策出处", "Section of the policy"), inChinese(lang, escapeHtml(metric.section))]);
  if (metric.responsible?.length)
    rows.push([
      t(ctx, "责任单位", "Responsible bodies"),
      inChinese(lang, escapeHtml(metric.responsible.join(t(ctx, "、", ", ")))),
    ]);
  const items = rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("");
  const sentence = source.quote ?? metric.quote;
  const quote = sentence
    ? `<blockquote class="quote" lang="zh-CN"><p>${escapeHtml(sentence)}</p></blockquote>${lang === "en" ? `<p class="note">${t(ctx, "", "The policy's sentence, its section and its responsible bodies, as published in Chinese.")}</p>` : ""}`
    : "";
  return `<section aria-labelledby="source-h">
<h2 id="source-h">${t(ctx, "目标依据", "Where the target comes from")}</h2>
${quote}
<dl class="source">${items}</dl>
</section>`;
}

/** The units table: for a level the baseline and the increase, for the others the figure and its target. */
function unitsTable(
  ctx: PageContext,
  metric: MetricProgress,
  ranked: (RankingRow & { code: string })[],
  caption: string,
): string {
  const { lang } = ctx;
  const u = metric.unit_of_count;
  const value = (v: number | null | undefined) => escapeHtml(formatValue(v ?? null, u, lang));
  const entry = (code: string) => metric.units.find((x) => x.unit === code) as UnitProgress;
  const link = (r: { code: string; name: string }) =>
    `<a href="${href(ctx, PAGES.unit(r.code))}">${escapeHtml(r.name)}</a>`;
  const gap = (e: UnitProgress) =>
    e.gap === null || e.gap <= 0 ? NONE : escapeHtml(gapText(metric, e.gap, lang));
  const percent = (v: number | null) => (v === null ? NONE : formatPercent(v));
  if (metric.kind === "level") {
    return dataTable({
      lang: ctx.lang,
      caption,
      head: [
        t(ctx, "单位", "Unit"),
        t(ctx, "基期", "Baseline"),
        t(ctx, "期末数", "Month-end level"),
        t(ctx, "分解目标", "Unit target"),
        t(ctx, "已增", "Increase"),
        t(ctx, "需增", "Needed"),
        t(ctx, "增量完成率", "Increase done"),
        t(ctx, "期末数占目标", "Level / target"),
        t(ctx, "差距", "Gap"),
        t(ctx, "状态", "Status"),
      ],
      rows: ranked.map((r) => {
        const e = entry(r.code);
        return [
          link(r),
          value(e.baseline),
          value(e.actual),
          value(e.target),
          value(e.increase),
          value(e.increase_needed),
          percent(e.progress),
          percent(e.share_of_target ?? null),
          gap(e),
          statusBadge(e.status, lang, statusWords(e.status, metric)) + noteBeside(ctx, e.note),
        ];
      }),
      numeric: [1, 2, 3, 4, 5, 6, 7],
      rowHeaders: true,
    });
  }
  const share = u === "share";
  return dataTable({
    lang: ctx.lang,
    caption,
    head: [
      t(ctx, "单位", "Unit"),
      t(ctx, "实际", "Actual"),
      share ? t(ctx, "目标", "Target") : t(ctx, "分解目标", "Unit target"),
      ...(metric.judged === "pace" ? [t(ctx, "序时进度", "Expected to date")] : []),
      ...(share ? [] : [t(ctx, "完成率", "Progress")]),
      t(ctx, "差距", "Gap"),
      t(ctx, "状态", "Status"),
    ],
    rows: ranked.map((r) => {
      const e = entry(r.code);
      return [
        link(r),
        value(e.actual),
        value(e.target),
        ...(metric.judged === "pace" ? [value(e.expected)] : []),
        ...(share ? [] : [percent(r.progress)]),
        gap(e),
        statusBadge(e.status, lang, statusWords(e.status, metric)) + noteBeside(ctx, e.note),
      ];
    }),
    numeric: share ? [1, 2, 3] : metric.judged === "pace" ? [1, 2, 3, 4, 5] : [1, 2, 3, 4],
    rowHeaders: true,
  });
}

export function metricPage(ctx: PageContext, metric: MetricProgress): string {
  const { site, lang } = ctx;
  const u = metric.unit_of_count;
  const name = metricName(metric, lang);
  const value = (v: number | null) => escapeHtml(formatValue(v, u, lang));
  const trend = planTrend(metricTrend(site.history, metric.id), site.months, metric.kind);
  const flows = flowSeries(site.input.monthlyFlows, metric.id, null, site.elapsed);
  const alerts = sortAlerts(
    site.report.alerts.filter((a) => a.metric === metric.id),
    [metric.id],
  );
  const sentence = metricSentence(metric, lang, {
    overdueCases: overdueCases(site.report.alerts, metric.id),
  });
  const trendTitle = TREND_TITLE[metric.kind][lang];
  const monthlyTitle = MONTHLY_TITLE[metric.kind][lang];
  // a level is judged on the increase: its headline facts are the increase achieved and needed
  const level = metric.kind === "level" && metric.increase != null && metric.increase_needed != null;
  const facts = [
    level
      ? { label: t(ctx, "较基期已增", "increase so far"), value: value(metric.increase ?? null) }
      : { label: t(ctx, "实际", "actual"), value: value(metric.actual) },
    level
      ? { label: t(ctx, "需增", "increase needed"), value: value(metric.increase_needed ?? null) }
      : { label: t(ctx, "目标", "target"), value: targetText(metric, lang) },
    ...metricFacts(ctx, metric),
    ...(metric.trailing_monthly === null
      ? []
      : [
          {
            label: t(ctx, "近三个月月均", "last three months, per month"),
            value: value(metric.trailing_monthly),
          },
        ]),
    {
      label: t(ctx, "数据覆盖", "coverage"),
      value: t(
        ctx,
        `${metric.coverage.reported}/${metric.coverage.expected}个单位月`,
        `${metric.coverage.reported} of ${metric.coverage.expected} unit-months`,
      ),
    },
  ];

  const lineOptions = {
    id: `${metric.id}-trend`,
    lang,
    kind: metric.kind,
    unitOfCount: u,
    target: metric.target,
    label: `${name}：${trendTitle}`,
  };
  const lineSvg = progressLine(trend, { ...lineOptions, width: WIDE, height: 320 });
  const lineCompact = progressLine(trend, { ...lineOptions, id: `${metric.id}-trend-c`, compact: true });
  const barsOptions = {
    id: `${metric.id}-monthly`,
    lang,
    unitOfCount: u,
    label: `${name}：${monthlyTitle}`,
    changes: metric.kind === "level" || metric.kind === "cap",
  };
  const barsSvg = monthlyBars(flows, { ...barsOptions, width: WIDE, height: 260 });
  const barsCompact = monthlyBars(flows, { ...barsOptions, id: `${metric.id}-monthly-c`, compact: true });
  const ranked = rankingRows(ctx, metric);
  const judged = judgedFigure(metric, metric);
  const rankingTitle =
    metric.kind === "level"
      ? t(
          ctx,
          "各单位增量完成情况（按增量完成率排序）",
          "Units by the share of their required increase achieved",
        )
      : t(ctx, "各单位完成情况（按考核指标排序）", "Units ranked by the figure they are judged by");
  const rankingOptions = {
    id: `${metric.id}-units`,
    lang,
    pace: judged.mark,
    paceWord: judged.markWord[lang],
    label: `${name}：${rankingTitle}`,
  };
  // a chart of units none of which has a figure to draw (no unit targets) would be bars of nothing
  const showRanking = ranked.some((r) => r.progress !== null) && metric.status !== "not_started";
  const rankingSvg = showRanking ? unitRanking(ranked, { ...rankingOptions, width: WIDE }) : "";
  const rankingCompact = showRanking
    ? unitRanking(ranked, { ...rankingOptions, id: `${metric.id}-units-c`, compact: true })
    : "";

  const flowByMonth = new Map(flows.map((f) => [f.month, f.value]));
  const trendTable = dataTable({
    lang: ctx.lang,
    caption: t(ctx, `${name}：各月数据`, `${name}: figures by month`),
    head: [
      t(ctx, "月份", "Month"),
      t(ctx, "实际", "Actual"),
      t(ctx, "序时进度", "Expected to date"),
      t(ctx, "目标", "Target"),
      monthlyTitle,
    ],
    rows: trend
      .filter((r) => r.month <= site.report.asOf)
      .map((r) => [
        escapeHtml(formatMonth(r.month, lang)),
        value(r.actual),
        value(r.expected),
        value(r.target),
        value(flowByMonth.get(r.month) ?? null),
      ]),
    numeric: [1, 2, 3, 4],
    rowHeaders: true,
  });
  const table = unitsTable(ctx, metric, ranked, rankingTitle);
  const missing = metric.coverage.missing
    .map(
      (m) =>
        `<li><a href="${href(ctx, PAGES.unit(m.unit))}">${escapeHtml(unitName(site, m.unit, lang))}</a> ${escapeHtml(formatMonth(m.month, lang))}</li>`,
    )
    .join("");

  const body = `<p class="crumbs"><a href="${href(ctx, PAGES.overview)}">${t(ctx, "看板", "Dashboard")}</a> › ${escapeHtml(name)}</p>
<h1>${escapeHtml(name)}</h1>
<p class="status">${metricBadge(metric, lang)} ${sourceTag(ctx, metric)} ${judgedLine(ctx, metric)}</p>
<p class="sentence">${escapeHtml(sentence)}</p>
${factList(facts, true)}
${sourceSection(ctx, metric)}
<section aria-labelledby="trend-h">
<h2 id="trend-h">${trendTitle}</h2>
${figure(lineSvg, legend(metric.kind, lang), { compact: lineCompact })}
</section>
<section aria-labelledby="monthly-h">
<h2 id="monthly-h">${monthlyTitle}</h2>
${figure(
  barsSvg,
  metric.kind === "level" || metric.kind === "cap"
    ? t(
        ctx,
        "图中数字为期末数较上月的增减（1月较基期）；“未报”表示该月无数据。",
        "The numbers are the change of the month-end figure from the month before (January: from the baseline); “n/a” marks a month without data.",
      )
    : t(
        ctx,
        "图中数字为当月数值；“未报”表示该月无数据。",
        "The numbers are the month's values; “n/a” marks a month without data.",
      ),
  { compact: barsCompact },
)}
</section>
${
  rankingSvg
    ? `<section aria-labelledby="units-h">
<h2 id="units-h">${rankingTitle}</h2>
${figure(rankingSvg, rankingCaption(ctx, metric, judged.markWord[lang]), { compact: rankingCompact })}
</section>`
    : ""
}
<section aria-labelledby="alerts-h">
<h2 id="alerts-h">${t(ctx, "相关预警", "Alerts")}</h2>
${alertList(ctx, alerts)}
</section>
${
  missing
    ? `<section aria-labelledby="missing-h"><h2 id="missing-h">${t(ctx, "未报送的单位月", "Missing unit-months")}</h2><p>${t(ctx, "以下单位月未报送（期末数按该单位最近一次报送值计入）：", "Not reported (a month-end level counts with the unit's latest earlier value):")}</p><ul class="missing">${missing}</ul></section>`
    : ""
}
<section aria-labelledby="data-h">
<h2 id="data-h">${t(ctx, "图表数据", "The numbers behind the charts")}</h2>
${trendTable}
${ranked.length > 0 ? table : ""}
</section>`;
  return layout(ctx, { title: name, body });
}
