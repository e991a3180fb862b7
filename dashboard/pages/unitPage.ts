/**
 * A unit's page (`unit/<code>.html`): every metric the unit counts in, against its own target
 * (its allocation, with where that comes from), judged as the metric is — a level on the unit's
 * increase from its own baseline — with the gap in the target's unit; its course month by month;
 * its data status; its submissions with revisions; its alerts.
 */

import { escapeHtml } from "../../core/html.ts";
import { sortAlerts } from "../../metrics/alerts.ts";
import { gapText } from "../../metrics/behind.ts";
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { statusWords, unitMetricName } from "../../metrics/words.ts";
import { progressLine } from "../charts/progressLine.ts";
import { formatDateTime, formatMonth, formatPercent, formatValue, type Lang, NONE } from "../format.ts";
import { judgedFigure } from "../judgedFigure.ts";
import { DATA_STATE_SHORT, DATA_STATE_WORDS, SUBMISSION_STATUS_WORDS, UNIT_KIND_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { metricTrend, planTrend } from "../trend.ts";
import { alertList } from "./alertList.ts";
import { href, type PageContext, t, type UnitRow, unitName } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { figure } from "./metricPage.ts";
import { statusBadge } from "./statusBadge.ts";
import { noteBeside } from "./unitNote.ts";
import { unitSwitcher } from "./unitSwitcher.ts";

/** A metric's name for this unit's own figure: 正规就业人数, not 全区正规就业人数. */
function ownName(metric: MetricProgress, lang: Lang): string {
  const own = unitMetricName({ zh: metric.name_zh || metric.name, en: metric.name_en || metric.name });
  return own[lang];
}

function trendLegend(ctx: PageContext): string {
  const items: [string, string][] = [
    ["actual", t(ctx, "实线：本单位实际", "solid line: the unit's actual")],
    ["pace", t(ctx, "虚线：序时进度", "dashed line: expected to date")],
    ["target", t(ctx, "橙色虚线：本单位目标", "orange dashed rule: the unit's target")],
  ];
  return `<ul class="legend">${items.map(([k, text]) => `<li><span class="key key-${k}" aria-hidden="true"></span>${text}</li>`).join("")}</ul>`;
}

function submissionsTable(ctx: PageContext, unit: UnitRow): string {
  const { site, lang } = ctx;
  const rows = site.input.submissions
    .filter((s) => s.unit === unit.code)
    .sort((a, b) => b.received_at.localeCompare(a.received_at) || b.submission_id - a.submission_id);
  if (rows.length === 0) return `<p>${t(ctx, "暂无报送记录。", "No submissions yet.")}</p>`;
  return dataTable({
    lang: ctx.lang,
    caption: t(ctx, `${unit.name_zh}的报送记录（最新在前）`, `Submissions of ${unit.name_en}, newest first`),
    head: [
      t(ctx, "编号", "No."),
      t(ctx, "文件名", "File"),
      t(ctx, "报送时间", "Received"),
      t(ctx, "所含月份", "Months"),
      t(ctx, "行数", "Rows"),
      t(ctx, "版本", "Revision"),
      t(ctx, "状态", "Status"),
      "SHA-256",
    ],
    rows: rows.map((s) => [
      String(s.submission_id),
      escapeHtml(s.file_name),
      escapeHtml(formatDateTime(s.received_at, lang)),
      escapeHtml(s.month_list.map((m) => formatMonth(m, lang)).join(lang === "zh" ? "、" : ", ")),
      String(s.rows),
      s.revision > 0 ? t(ctx, `第${s.revision}版`, `revision ${s.revision}`) : NONE,
      `<span class="sub sub-${s.status}">${SUBMISSION_STATUS_WORDS[s.status][lang]}</span>`,
      `<code title="${escapeHtml(s.sha256)}">${escapeHtml(s.sha256.slice(0, 12))}</code>`,
    ]),
    numeric: [0, 4],
    rowHeaders: true,
  });
}

function statusStrip(ctx: PageContext, unit: UnitRow): string {
  const cells = ctx.site.input.dataStatus
    .filter((c) => c.unit === unit.code)
    .sort((a, b) => a.month.localeCompare(b.month));
  if (cells.length === 0) return "";
  const items = cells
    .map(
      (c) =>
        `<li class="st st-${c.state}" title="${escapeHtml(DATA_STATE_WORDS[c.state][ctx.lang])}"><span class="m">${escapeHtml(formatMonth(c.month, ctx.lang))}</span> <span class="w">${DATA_STATE_SHORT[c.state][ctx.lang]}</span></li>`,
    )
    .join("");
  return `<section aria-labelledby="status-h"><h2 id="status-h">${t(ctx, "各月报送情况", "Data status by month")}</h2><ul class="strip">${items}</ul><p><a href="${href(ctx, PAGES.status)}">${t(ctx, "全部单位的报送情况", "Data status of all units")}</a></p></section>`;
}

export function unitPage(ctx: PageContext, unit: UnitRow): string {
  const { site, lang } = ctx;
  const name = unitName(site, unit.code, lang);
  const entries = site.report.metrics
    .map((metric) => ({ metric, entry: metric.units.find((u) => u.unit === unit.code) }))
    .filter(
      (x): x is { metric: (typeof x)["metric"]; entry: NonNullable<(typeof x)["entry"]> } =>
        x.entry !== undefined,
    );
  const table =
    entries.length === 0
      ? `<p>${t(ctx, "本单位不单独分解目标。", "No target is allocated to this unit.")}</p>`
      : dataTable({
          lang: ctx.lang,
          caption: t(
            ctx,
            `${name}各项指标（截至${formatMonth(site.report.asOf, "zh")}）`,
            `${name}: every target, as of ${formatMonth(site.report.asOf, "en")}`,
          ),
          head: [
            t(ctx, "指标", "Indicator"),
            t(ctx, "实际", "Actual"),
            t(ctx, "分解目标", "Unit target"),
            t(ctx, "序时进度", "Expected to date"),
            t(ctx, "完成率", "Progress"),
            t(ctx, "差距", "Gap"),
            t(ctx, "状态", "Status"),
          ],
          rows: entries.map(({ metric, entry }) => {
            const v = (x: number | null | undefined) =>
              escapeHtml(formatValue(x ?? null, metric.unit_of_count, lang));
            const level = metric.kind === "level" && entry.increase != null && entry.increase_needed != null;
            const actual = level
              ? `${v(entry.actual)}<span class="note">${t(ctx, `已增${v(entry.increase)}，需增${v(entry.increase_needed)}`, `+${v(entry.increase)} of +${v(entry.increase_needed)} needed`)}</span>`
              : v(entry.actual);
            const judged = judgedFigure(metric, entry).value;
            const progress =
              judged === null || metric.unit_of_count === "share"
                ? NONE
                : `${formatPercent(judged)}${level ? t(ctx, "（增量）", " (increase)") : ""}`;
            const gap =
              entry.gap === null || (entry.gap <= 0 && metric.direction !== "at_most")
                ? NONE
                : escapeHtml(gapText(metric, entry.gap, lang));
            return [
              `<a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(ownName(metric, lang))}</a>`,
              actual,
              v(entry.target),
              metric.judged === "pace" && !metric.final ? v(entry.expected) : NONE,
              progress,
              gap,
              statusBadge(entry.status, lang, statusWords(entry.status, metric)) +
                noteBeside(ctx, entry.note),
            ];
          }),
          numeric: [1, 2, 3, 4],
          rowHeaders: true,
        });
  const trends = entries
    .map(({ metric, entry }) => {
      const rows = planTrend(metricTrend(site.history, metric.id, unit.code), site.months, metric.kind);
      if (rows.every((r) => r.actual === null)) return "";
      const own = ownName(metric, lang);
      const title = lang === "zh" ? `${name}${own}` : `${name}: ${own}`;
      const target = rows.findLast((r) => r.target !== null)?.target ?? null;
      const svg = progressLine(rows, {
        id: `${metric.id}-${unit.code}`,
        lang,
        kind: metric.kind,
        unitOfCount: metric.unit_of_count,
        target,
        label: title,
        compact: true,
      });
      const v = (x: number | null) => escapeHtml(formatValue(x, metric.unit_of_count, lang));
      const figures = [
        t(ctx, `实际 ${v(entry.actual)}`, `actual ${v(entry.actual)}`),
        target === null
          ? ""
          : metric.unit_of_count === "share"
            ? t(ctx, `目标 ${v(target)}`, `target ${v(target)}`)
            : t(ctx, `分解目标 ${v(target)}`, `unit target ${v(target)}`),
      ]
        .filter(Boolean)
        .join(" · ");
      const caption = `<a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(title)}</a><span class="chart-figures">${figures}</span>`;
      return figure(svg, caption, { captionFirst: true, compactOnly: true });
    })
    .filter(Boolean)
    .join("\n");
  const alerts = sortAlerts(
    site.report.alerts.filter((a) => a.unit === unit.code),
    site.report.metrics.map((m) => m.id),
  );
  const kind = UNIT_KIND_WORDS[unit.kind]?.[lang] ?? unit.kind;
  const body = `<p class="crumbs"><a href="${href(ctx, PAGES.overview)}">${t(ctx, "看板", "Dashboard")}</a> › ${escapeHtml(name)}</p>
<h1>${escapeHtml(name)}</h1>
<p class="unit-meta">${escapeHtml(kind)}${kind ? " · " : ""}${t(ctx, "代码", "code")} <code>${escapeHtml(unit.code)}</code></p>
<details class="unit-nav"><summary>${t(ctx, "其他单位", "Other units")}</summary>${unitSwitcher(ctx, undefined, "p")}</details>
<section aria-labelledby="metrics-h">
<h2 id="metrics-h">${t(ctx, "各项指标", "Targets")}</h2>
${table}
</section>
${trends ? `<section aria-labelledby="trend-h"><h2 id="trend-h">${t(ctx, `${escapeHtml(name)}各项指标走势`, `${escapeHtml(name)}: each target month by month`)}</h2>${trendLegend(ctx)}<div class="chart-grid">\n${trends}\n</div></section>` : ""}
<section aria-labelledby="alerts-h">
<h2 id="alerts-h">${t(ctx, "相关预警", "Alerts")}</h2>
${alertList(ctx, alerts)}
</section>
${statusStrip(ctx, unit)}
<section aria-labelledby="subs-h">
<h2 id="subs-h">${t(ctx, "报送与修订记录", "Submissions and revisions")}</h2>
${submissionsTable(ctx, unit)}
</section>`;
  return layout(ctx, { title: name, body });
}
