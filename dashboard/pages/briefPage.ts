/**
 * The one-page brief (`brief.html`) for leading-group meetings: the data cutoff and fingerprint,
 * sentences to read aloud (targets needing attention first), one line per target not green with
 * the units behind it and their gaps in the target's unit, the overview as one compact table with
 * every target not stated by the policy marked (上级下达) and its source below, and data
 * completeness — laid out for one A4 page in print. The alerts stay on the alerts page: what they
 * say about targets is in the sentences, overdue cases too.
 */

import { escapeHtml } from "../../core/html.ts";
import { gapText, unitsBehind } from "../../metrics/behind.ts";
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { completeness } from "../completeness.ts";
import { formatDateTime, formatMonth, formatPercent, formatValue, NONE } from "../format.ts";
import { judgedFigure } from "../judgedFigure.ts";
import { DATA_STATE_WORDS, SOURCE_WORDS } from "../labels.ts";
import { overdueCases } from "../overdueCases.ts";
import { metricSentence, summarySentence } from "../sentences.ts";
import { briefNotes } from "./briefNotes.ts";
import { metricName, type PageContext, t, unitName } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { fundsBriefLine } from "./fundsPage.ts";
import { layout } from "./layout.ts";
import { sourceTag, targetText } from "./metricCard.ts";
import { paceLine } from "./overviewPage.ts";
import { metricBadge } from "./statusBadge.ts";

const BRIEF_MISSING = 6;
/** Units named per target on the brief before 「另有N个单位」. */
const BRIEF_BEHIND = 3;

/** Print rules of the brief: A4, narrow margins, no site chrome. */
const BRIEF_PRINT_CSS = `<style>
@page { size: A4; margin: 10mm 12mm; }
@media print {
  html { font-size: 8pt; }
  body.brief { font-size: 1rem; line-height: 1.35; }
  body.brief .site-header, body.brief .site-footer, body.brief .skip-link, body.brief .no-print { display: none !important; }
  body.brief main { max-width: none; padding: 0; }
  body.brief h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
  body.brief h2 { font-size: 1.15rem; margin: .6rem 0 .2rem; }
  body.brief h3 { font-size: 1rem; margin: .3rem 0 .1rem; }
  body.brief p { margin: .2rem 0; }
  body.brief .table-wrap { border: none; margin: .2rem 0; overflow: visible; }
  body.brief caption { display: none; }
  body.brief td, body.brief th { padding: .05rem .3rem; line-height: 1.25; }
  body.brief .badge { font-size: .85rem; padding: 0 .35rem; line-height: 1.2; }
  body.brief .tag { font-size: .75rem; padding: 0 .25rem; line-height: 1.2; }
  body.brief .sentences li { margin: 0; padding: 0 .4rem; }
  body.brief .who li { margin: 0; }
  body.brief .alert { border-width: 0 0 0 3px; border-radius: 0; padding: 0 .4rem; margin: 0 0 .15rem; }
  body.brief .alert .where { display: inline; }
  body.brief .columns { gap: 0 1rem; }
  body.brief section { break-inside: avoid; }
}
</style>
`;

const ATTENTION = new Set(["red", "yellow", "no_data"]);

/** A town's name without 街道 / 镇 (Subdistrict / Town), as people say it: 白鹤, Baihe. */
function shortName(name: string): string {
  return name.replace(/(街道|镇)$/, "").replace(/ (Subdistrict|Town)$/, "");
}

/** 「失业人员实现再就业：白鹤差224人、金泽差66人、练塘差31人，另有7个单位」: one line per target not green. */
function behindLines(ctx: PageContext): string {
  const { site, lang } = ctx;
  const lines = site.report.metrics
    .filter((m) => m.status === "red" || m.status === "yellow")
    .map((m) => {
      const behind = unitsBehind(m);
      if (behind.length === 0) return "";
      const named = behind.slice(0, BRIEF_BEHIND).map((u) => {
        const name = escapeHtml(shortName(unitName(site, u.unit, lang, u.name)));
        const gap =
          u.gap !== null && (u.gap > 0 || m.direction === "at_most")
            ? escapeHtml(gapText(m, u.gap, lang))
            : "";
        return lang === "zh" ? `${name}${gap}` : `${name}${gap ? ` (${gap})` : ""}`;
      });
      // 「+N」 is not read aloud in Chinese; the English "+N" stays, as any longer tail takes the brief past one A4 sheet
      const rest = behind.length - BRIEF_BEHIND;
      const more = rest > 0 ? t(ctx, `，另有${rest}个单位`, ` +${rest}`) : "";
      return `<li class="s-${m.status}"><strong>${escapeHtml(metricName(m, lang))}</strong>${t(ctx, "：", ": ")}${named.join(t(ctx, "、", "; "))}${more}</li>`;
    })
    .filter(Boolean);
  if (lines.length === 0) return "";
  const title = site.report.metrics.every((m) => m.final)
    ? t(ctx, "未完成的单位", "Units that missed")
    : t(ctx, "落后的单位（按落后程度，差距按各指标单位）", "Units behind, worst first, with their gaps");
  return `<h3>${title}</h3><ul class="sentences who">${lines.join("")}</ul>`;
}

/** Data completeness in one paragraph: the counts and the unit-months missing. */
function briefCompleteness(ctx: PageContext): string {
  const { site, lang } = ctx;
  const c = completeness(site.input, site.report.asOf);
  const w = (s: keyof typeof DATA_STATE_WORDS) => DATA_STATE_WORDS[s][lang];
  const summary =
    lang === "zh"
      ? `已到报送期的${c.due}个单位月中：${w("on_time")}${c.counts.on_time}个，${w("late")}${c.counts.late}个，${w("revised")}${c.counts.revised}个，${w("missing")}${c.counts.missing}个`
      : `Of ${c.due} unit-months due: ${c.counts.on_time} ${w("on_time")}, ${c.counts.late} ${w("late")}, ${c.counts.revised} ${w("revised")}, ${c.counts.missing} ${w("missing")}`;
  const missing = c.missing
    .slice(0, BRIEF_MISSING)
    .map(
      (cell) => `${escapeHtml(unitName(site, cell.unit, lang))} ${escapeHtml(formatMonth(cell.month, lang))}`,
    );
  const more =
    c.missing.length > BRIEF_MISSING
      ? t(ctx, `等共${c.missing.length}个`, ` (${c.missing.length} in all)`)
      : "";
  const list = missing.length
    ? t(ctx, `。未报送：${missing.join("、")}${more}。`, `. Missing: ${missing.join(", ")}${more}.`)
    : t(ctx, "。", ".");
  return `<p>${summary}${list}</p>`;
}

/**
 * The targets the policy does not state, and where each comes from; then the policy's targets
 * whose figure it gives as a rule (不低于上年水平), with the figure the rule gave.
 */
function sourceFootnote(ctx: PageContext): string {
  const noted = (m: MetricProgress) => {
    const note = ctx.lang === "zh" ? m.target_source.note_zh : m.target_source.note_en;
    const text = note?.replace(/[。.]$/, "");
    return `${escapeHtml(metricName(m, ctx.lang))}${text ? t(ctx, "：", ": ") + escapeHtml(text) : ""}`;
  };
  const { metrics } = ctx.site.report;
  const assigned = metrics.filter((m) => m.target_source.kind === "assigned");
  const ruled = metrics.filter((m) => m.target_source.kind === "policy" && m.target_source.note !== null);
  const lines: string[] = [];
  if (assigned.length > 0)
    lines.push(
      `<p class="source-note">${SOURCE_WORDS.assigned[ctx.lang]}${t(ctx, "（政策文件未写明数值）：", " (not stated in the policy): ")}${assigned.map(noted).join(t(ctx, "；", "; "))}${t(ctx, "。", ".")}</p>`,
    );
  if (ruled.length > 0)
    lines.push(
      `<p class="source-note">${t(ctx, "按政策规则取数的目标：", "Targets the policy sets by a rule: ")}${ruled.map(noted).join(t(ctx, "；", "; "))}${t(ctx, "。", ".")}</p>`,
    );
  return lines.join("\n");
}

export function briefPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const { report, input } = site;
  const sentence = (m: MetricProgress) =>
    `<li class="s-${m.status}">${escapeHtml(metricSentence(m, lang, { overdueCases: overdueCases(report.alerts, m.id) }))}${m.target_source.kind === "assigned" ? ` ${sourceTag(ctx, m)}` : ""}</li>`;
  const attention = report.metrics.filter((m) => ATTENTION.has(m.status));
  const fine = report.metrics.filter((m) => !ATTENTION.has(m.status));
  const anyLevel = report.metrics.some((m) => m.kind === "level");
  const table = dataTable({
    lang: ctx.lang,
    caption: t(ctx, "各项指标一览", "All targets at a glance"),
    head: [
      t(ctx, "指标", "Indicator"),
      t(ctx, "实际", "Actual"),
      t(ctx, "目标", "Target"),
      t(ctx, anyLevel ? "完成率*" : "完成率", anyLevel ? "Progress*" : "Progress"),
      t(ctx, "序时进度", "Pace"),
      t(ctx, "状态", "Status"),
    ],
    rows: report.metrics.map((m) => {
      const judged = judgedFigure(m, m);
      const pace = m.judged === "pace" && !m.final ? judged.mark : null;
      const started = m.status !== "not_started";
      return [
        escapeHtml(metricName(m, lang)),
        started ? escapeHtml(formatValue(m.actual, m.unit_of_count, lang)) : NONE,
        `${targetText(m, lang)}${sourceTag(ctx, m) ? ` ${sourceTag(ctx, m)}` : ""}`,
        !started || judged.value === null || m.unit_of_count === "share" ? NONE : formatPercent(judged.value),
        pace === null ? NONE : formatPercent(pace),
        metricBadge(m, lang),
      ];
    }),
    numeric: [1, 2, 3, 4],
    rowHeaders: true,
    className: "compact",
  });
  const levelNote = anyLevel
    ? `<p class="note">${t(ctx, "* 期末数类指标（正规就业）按增量计：完成率=较基期已增÷需增。", "* A month-end level (formal employment) counts the increase: progress = increase achieved ÷ increase needed.")}</p>`
    : "";
  const latest = input.latestSubmissionAt
    ? formatDateTime(input.latestSubmissionAt, lang)
    : t(ctx, "暂无", "none");
  const title = t(ctx, "稳就业工作简报", "Employment targets: brief");
  const body = `<article class="brief-sheet">
<header class="brief-head">
<h1>${t(ctx, `青浦区稳就业工作简报（${formatMonth(report.asOf, "zh")}）`, `Qingpu employment targets — brief, ${formatMonth(report.asOf, "en")}`)}</h1>
<p class="cutoff">${t(ctx, "数据截至", "Data as of")} <strong>${escapeHtml(formatMonth(report.asOf, lang))}</strong> · ${t(ctx, "最新报送时间", "latest submission")} <strong>${escapeHtml(latest)}</strong>${t(ctx, "（北京时间）", " (Beijing time)")} · ${t(ctx, "数据指纹", "data fingerprint")} <code>${escapeHtml(input.fingerprint)}</code> · ${t(ctx, "生成于", "built")} ${escapeHtml(formatDateTime(input.builtAt, lang))}</p>
<p class="no-print"><button type="button" class="js-only" data-print>${t(ctx, "打印本页", "Print this page")}</button> ${t(ctx, "本页按A4纸一页排版。", "This page prints on one A4 sheet.")}</p>
</header>
<section aria-labelledby="summary-h">
<h2 id="summary-h">${t(ctx, "总体情况", "Summary")}</h2>
<p>${escapeHtml(paceLine(ctx))}${lang === "en" ? " " : ""}${escapeHtml(summarySentence(report.metrics, lang))}</p>
${fundsBriefLine(ctx)}
${attention.length > 0 ? `<h3>${attention.every((m) => m.final) ? t(ctx, "未完成", "Missed") : t(ctx, "需关注", "Needs attention")}</h3><ul class="sentences">${attention.map(sentence).join("")}</ul>` : ""}
${behindLines(ctx)}
${briefNotes(ctx)}
${fine.length > 0 ? `<h3>${report.metrics.every((m) => m.final) ? t(ctx, "已完成", "Achieved") : t(ctx, "进展正常", "On track")}</h3><ul class="sentences">${fine.map(sentence).join("")}</ul>` : ""}
</section>
<section aria-labelledby="table-h">
<h2 id="table-h">${t(ctx, "指标一览", "At a glance")}</h2>
${table}
${levelNote}
${sourceFootnote(ctx)}
</section>
<section aria-labelledby="completeness-h">
<h2 id="completeness-h">${t(ctx, "数据完整性", "Data completeness")}</h2>
${briefCompleteness(ctx)}
</section>
</article>`;
  return layout(ctx, { title, body, head: BRIEF_PRINT_CSS, bodyClass: "brief" });
}
