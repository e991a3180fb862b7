/**
 * A target's page (`metric/<id>.html`): the sentence and the facts, the course over the months
 * against pace and target, the monthly values, units ranked against their allocation, the alerts
 * about it, what is missing, and tables of the numbers behind every chart.
 */
import type { MetricKind, MetricProgress } from "../../metrics/reportTypes.ts";
import { overdueCases, rankAlerts } from "../alertRanking.ts";
import { monthlyBars } from "../charts/monthlyBars.ts";
import { progressLine } from "../charts/progressLine.ts";
import { type RankingRow, unitRanking } from "../charts/unitRanking.ts";
import { formatMonth, formatPercent, formatValue, type Lang, NONE } from "../format.ts";
import { esc, inlineSvg } from "../html.ts";
import { KIND_WORDS, STATUS_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { metricSentence } from "../sentences.ts";
import { flowSeries, metricTrend, paceShare, planTrend } from "../trend.ts";
import { alertList } from "./alertList.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { factList, metricFacts, targetText } from "./metricCard.ts";
import { statusBadge } from "./statusBadge.ts";

const TREND_TITLE: Record<MetricKind, { zh: string; en: string }> = {
  cumulative: { zh: "累计完成与序时进度", en: "Year to date against pace" },
  level: { zh: "期末数与序时进度", en: "Month-end level against pace" },
  cap: { zh: "期末数与控制目标", en: "Month-end level against the cap" },
  ratio: { zh: "比率与目标", en: "Share against the target" },
  deadline: { zh: "按期率与目标", en: "On-time share against the target" },
};

const MONTHLY_TITLE: Record<MetricKind, { zh: string; en: string }> = {
  cumulative: { zh: "各月本月数", en: "This month, month by month" },
  level: { zh: "各月期末数", en: "Month-end level, month by month" },
  cap: { zh: "各月期末数", en: "Month-end level, month by month" },
  ratio: { zh: "各月比率", en: "Share, month by month" },
  deadline: { zh: "各月按期率", en: "On-time share, month by month" },
};

/** A chart with its caption, below it (a legend, a note) or above it (a title). */
export function figure(svg: string, caption: string, captionFirst = false): string {
  const chart = `<div class="chart-svg">${inlineSvg(svg)}</div>`;
  const text = `<figcaption>${caption}</figcaption>`;
  return `<figure class="chart">${captionFirst ? text + chart : chart + text}</figure>`;
}

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

function rankingRows(ctx: PageContext, metric: MetricProgress): (RankingRow & { code: string })[] {
  return metric.units
    .map((u) => ({
      code: u.unit,
      name: unitName(ctx.site, u.unit, ctx.lang, u.name),
      progress: u.progress,
      status: u.status,
    }))
    .sort((a, b) => (b.progress ?? -1) - (a.progress ?? -1) || a.code.localeCompare(b.code));
}

function rankingCaption(ctx: PageContext, paced: boolean): string {
  const words = [STATUS_WORDS.green.zh, STATUS_WORDS.yellow.zh, STATUS_WORDS.red.zh].join("、");
  return paced
    ? t(
        ctx,
        `颜色和文字均表示状态（${words}）；虚线为序时进度。`,
        "Colour and words both give the status; the dashed rule is the pace.",
      )
    : t(ctx, `颜色和文字均表示状态（${words}）。`, "Colour and words both give the status.");
}

export function metricPage(ctx: PageContext, metric: MetricProgress): string {
  const { site, lang } = ctx;
  const u = metric.unit_of_count;
  const name = metricName(metric, lang);
  const value = (v: number | null) => esc(formatValue(v, u, lang));
  const trend = planTrend(metricTrend(site.history, metric.id), site.months, metric.kind);
  const flows = flowSeries(site.input.monthlyFlows, metric.id, null, site.elapsed);
  const alerts = rankAlerts(
    site.report.alerts.filter((a) => a.metric === metric.id),
    [metric.id],
  );
  const sentence = metricSentence(metric, lang, {
    overdueCases: overdueCases(site.report.alerts, metric.id),
  });
  const trendTitle = TREND_TITLE[metric.kind][lang];
  const monthlyTitle = MONTHLY_TITLE[metric.kind][lang];
  const facts = [
    { label: t(ctx, "实际", "actual"), value: value(metric.actual) },
    { label: t(ctx, "目标", "target"), value: targetText(metric, lang) },
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

  const lineSvg = progressLine(trend, {
    id: `${metric.id}-trend`,
    lang,
    kind: metric.kind,
    unitOfCount: u,
    target: metric.target,
    label: `${name}：${trendTitle}`,
  });
  const barsSvg = monthlyBars(flows, {
    id: `${metric.id}-monthly`,
    lang,
    unitOfCount: u,
    label: `${name}：${monthlyTitle}`,
  });
  const ranked = rankingRows(ctx, metric);
  const rankingTitle = t(
    ctx,
    "各单位完成情况（按完成率排序）",
    "Units ranked by progress against their allocation",
  );
  const rankingSvg =
    ranked.length > 0
      ? unitRanking(ranked, {
          id: `${metric.id}-units`,
          lang,
          pace: paceShare(metric),
          label: `${name}：${rankingTitle}`,
        })
      : "";

  const flowByMonth = new Map(flows.map((f) => [f.month, f.value]));
  const trendTable = dataTable({
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
        esc(formatMonth(r.month, lang)),
        value(r.actual),
        value(r.expected),
        value(r.target),
        value(flowByMonth.get(r.month) ?? null),
      ]),
    numeric: [1, 2, 3, 4],
    rowHeaders: true,
  });
  const unitsTable = dataTable({
    caption: rankingTitle,
    head: [
      t(ctx, "单位", "Unit"),
      t(ctx, "实际", "Actual"),
      t(ctx, "分解目标", "Allocation"),
      t(ctx, "序时进度", "Expected to date"),
      t(ctx, "完成率", "Progress"),
      t(ctx, "状态", "Status"),
    ],
    rows: ranked.map((r) => {
      const entry = metric.units.find((x) => x.unit === r.code);
      return [
        `<a href="${href(ctx, PAGES.unit(r.code))}">${esc(r.name)}</a>`,
        value(entry?.actual ?? null),
        value(entry?.target ?? null),
        value(entry?.expected ?? null),
        r.progress === null ? NONE : formatPercent(r.progress),
        statusBadge(r.status, lang),
      ];
    }),
    numeric: [1, 2, 3, 4],
    rowHeaders: true,
  });
  const missing = metric.coverage.missing
    .map(
      (m) =>
        `<li><a href="${href(ctx, PAGES.unit(m.unit))}">${esc(unitName(site, m.unit, lang))}</a> ${esc(formatMonth(m.month, lang))}</li>`,
    )
    .join("");

  const body = `<p class="crumbs"><a href="${href(ctx, PAGES.overview)}">${t(ctx, "总览", "Overview")}</a> › ${esc(name)}</p>
<h1>${esc(name)}</h1>
<p class="status">${statusBadge(metric.status, lang, metric.met)} <span class="kind">${KIND_WORDS[metric.kind][lang]}</span></p>
<p class="sentence">${esc(sentence)}</p>
${factList(facts, true)}
<section aria-labelledby="trend-h">
<h2 id="trend-h">${trendTitle}</h2>
${figure(lineSvg, legend(metric.kind, lang))}
</section>
<section aria-labelledby="monthly-h">
<h2 id="monthly-h">${monthlyTitle}</h2>
${figure(barsSvg, t(ctx, "柱上数字为当月数值；“未报”表示该月无数据。", "Numbers above the bars are the month's values; “n/a” marks a month without data."))}
</section>
${
  rankingSvg
    ? `<section aria-labelledby="units-h">
<h2 id="units-h">${rankingTitle}</h2>
${figure(rankingSvg, rankingCaption(ctx, paceShare(metric) !== null))}
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
${ranked.length > 0 ? unitsTable : ""}
</section>`;
  return layout(ctx, { title: name, body });
}
