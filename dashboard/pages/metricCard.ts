/**
 * One metric on the overview: name (linked to its page), status in the words of its kind, where
 * the target comes from when the policy does not state it (上级下达, with its note), actual
 * against target — for a level target the increase achieved and needed, the level itself only
 * secondary — a progress bar with the mark it is judged against, the facts a reader asks next,
 * and, for a target not green, the units behind it (worst first, up to three, "+N").
 */

import { escapeHtml } from "../../core/html.ts";
import { unitsBehind } from "../../metrics/behind.ts";
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { formatChange, formatMonth, formatPercent, formatValue, type Lang, NONE } from "../format.ts";
import { JUDGED_WORDS, SOURCE_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { neededAmount } from "../sentences.ts";
import { monthOnMonth } from "../trend.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";
import { progressBar } from "./progressBar.ts";
import { metricBadge } from "./statusBadge.ts";

/** Units named on a card before "+N". */
const BEHIND_SHOWN = 3;

/** The target as read: `5,000人`, `＞80%` for a strict ratio, `≤8,500人` for a cap. */
export function targetText(metric: MetricProgress, lang: Lang): string {
  if (metric.target === null) return NONE;
  const value = formatValue(metric.target, metric.unit_of_count, lang);
  if (metric.direction === "above") return `&gt;${value}`;
  if (metric.direction === "at_most") return `≤${value}`;
  return escapeHtml(value);
}

interface Fact {
  label: string;
  value: string;
  title?: string;
}

/** The 上级下达 tag of a target the policy does not state, its note as the tooltip. */
export function sourceTag(ctx: PageContext, metric: MetricProgress): string {
  if (metric.target_source.kind !== "assigned") return "";
  const note = ctx.lang === "zh" ? metric.target_source.note_zh : metric.target_source.note_en;
  const title = note ? ` title="${escapeHtml(note)}"` : "";
  return `<span class="tag assigned"${title}>${SOURCE_WORDS.assigned[ctx.lang]}</span>`;
}

/**
 * 「目标来源：上级下达。市下达目标，……」 in words, for where a tooltip is not enough (cards, print);
 * for a policy target whose figure the policy gives as a rule (不低于上年水平), the note that says
 * where the figure was taken from.
 */
function sourceNote(ctx: PageContext, metric: MetricProgress): string {
  const note = ctx.lang === "zh" ? metric.target_source.note_zh : metric.target_source.note_en;
  if (metric.target_source.kind !== "assigned")
    return note ? `<p class="source-note">${escapeHtml(note)}</p>` : "";
  return `<p class="source-note">${t(ctx, "目标来源：", "Target source: ")}${SOURCE_WORDS.assigned[ctx.lang]}${note ? t(ctx, "。", ". ") + escapeHtml(note) : ""}</p>`;
}

/** 「白鹤镇、金泽镇、练塘镇 +6」: the units behind a target not green, worst first, linked to their pages. */
function behindLine(ctx: PageContext, metric: MetricProgress): string {
  if (metric.status === "green" || metric.status === "not_started") return "";
  const behind = unitsBehind(metric);
  if (behind.length === 0) return "";
  const names = behind
    .slice(0, BEHIND_SHOWN)
    .map(
      (u) =>
        `<a href="${href(ctx, PAGES.unit(u.unit))}">${escapeHtml(unitName(ctx.site, u.unit, ctx.lang, u.name))}</a>`,
    )
    .join(t(ctx, "、", ", "));
  const more = behind.length - BEHIND_SHOWN;
  const rest =
    more > 0
      ? ` <span class="more" title="${t(ctx, `另有${more}个单位`, `${more} more`)}">+${more}</span>`
      : "";
  const label = metric.final ? t(ctx, "未完成：", "Missed by: ") : t(ctx, "落后：", "Behind: ");
  return `<p class="behind"><span class="label">${label}</span>${names}${rest}</p>`;
}

/** The facts of a metric, by kind and judged mode, as label–value pairs (values are HTML-escaped). */
export function metricFacts(ctx: PageContext, metric: MetricProgress): Fact[] {
  const { lang } = ctx;
  const u = metric.unit_of_count;
  const value = (v: number | null | undefined) => escapeHtml(formatValue(v ?? null, u, lang));
  const facts: Fact[] = [];
  if (metric.status === "not_started") {
    facts.push({
      label: t(ctx, "开始考核", "judged from"),
      value: escapeHtml(formatMonth(metric.starts, lang)),
    });
    facts.push({ label: t(ctx, "考核时点", "due"), value: escapeHtml(formatMonth(metric.due, lang)) });
    return facts;
  }
  const level = metric.kind === "level";
  const paced = metric.kind === "cumulative" || level;
  if (paced) {
    facts.push({
      label: level ? t(ctx, "增量完成率", "increase done") : t(ctx, "完成率", "progress"),
      value: metric.progress === null ? NONE : formatPercent(metric.progress),
    });
    if (level) {
      facts.push({ label: t(ctx, "期末数", "month-end level"), value: value(metric.actual) });
      facts.push({
        label: t(ctx, "期末数占目标", "level as share of target"),
        value: metric.share_of_target == null ? NONE : formatPercent(metric.share_of_target),
      });
    }
    if (metric.judged === "pace" && !metric.final) {
      const expected =
        level && metric.baseline != null && metric.expected !== null
          ? t(
              ctx,
              `应增${value(metric.expected - metric.baseline)}`,
              `+${value(metric.expected - metric.baseline)}`,
            )
          : value(metric.expected);
      facts.push({ label: t(ctx, "序时进度", "expected to date"), value: expected });
    }
    if (metric.projected !== null && !metric.final) {
      facts.push({
        label: t(ctx, "预计全年", "projected year end"),
        value: value(metric.projected),
        title: metric.projection_method?.[lang],
      });
    }
    if (metric.required_monthly !== null && !metric.final) {
      facts.push({
        label: level
          ? t(ctx, "剩余月均需增加", "needed per month")
          : t(ctx, "剩余月均需完成", "needed per month"),
        value:
          metric.required_monthly <= 0
            ? t(ctx, "已完成", "achieved")
            : value(neededAmount(metric.required_monthly, u)),
      });
    }
  } else if (metric.kind === "cap" && metric.actual !== null && metric.target) {
    facts.push({
      label: t(ctx, "占控制数", "share of cap"),
      value: formatPercent(metric.actual / metric.target),
    });
  }
  if (metric.judged !== "pace") {
    facts.push({
      label: t(ctx, "考核方式", "judged"),
      value:
        metric.judged === "always" && metric.tolerance === 0
          ? t(ctx, "持续达标（不容差）", "every month, no shortfall allowed")
          : // the label already says "judged"
            JUDGED_WORDS[metric.judged][lang].replace(/^judged /, ""),
    });
    facts.push({ label: t(ctx, "考核时点", "due"), value: escapeHtml(formatMonth(metric.due, lang)) });
  }
  const change = monthOnMonth(ctx.site.history, metric.id);
  if (change !== null) {
    facts.push({
      label: t(ctx, "较上月", "vs last month"),
      value: escapeHtml(formatChange(change, u, lang)),
    });
  }
  return facts;
}

/** Facts as a description list; `notes` writes each fact's explanation after it, else it is a tooltip. */
export function factList(facts: Fact[], notes = false): string {
  const items = facts
    .map((f) => {
      const title = f.title ? ` title="${escapeHtml(f.title)}"` : "";
      const note = f.title && notes ? `<span class="note">${escapeHtml(f.title)}</span>` : "";
      return `<div${title}><dt>${escapeHtml(f.label)}</dt><dd>${f.value}${note}</dd></div>`;
    })
    .join("");
  return `<dl class="facts">${items}</dl>`;
}

/** The headline figure: the actual against the target; for a level, the increase achieved against the increase needed. */
function headlineFigure(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const u = metric.unit_of_count;
  if (metric.status === "not_started") {
    return `<p class="figure"><span class="of">${t(ctx, `${formatMonth(metric.starts, "zh")}起考核`, `judged from ${formatMonth(metric.starts, "en")}`)} · ${t(ctx, "目标", "target")} ${targetText(metric, lang)}</span></p>`;
  }
  if (metric.kind === "level" && metric.increase != null && metric.increase_needed != null) {
    const inc = metric.increase;
    const achieved = escapeHtml(formatValue(Math.abs(inc), u, lang));
    const needed = escapeHtml(formatValue(metric.increase_needed, u, lang));
    const head =
      inc >= 0 ? t(ctx, `已增${achieved}`, `+${achieved}`) : t(ctx, `减少${achieved}`, `−${achieved}`);
    return `<p class="figure"><span class="actual">${head}</span> <span class="of">${t(ctx, `需增${needed}（目标${targetText(metric, lang)}）`, `of +${needed} needed (target ${targetText(metric, lang)})`)}</span></p>`;
  }
  const actual = escapeHtml(formatValue(metric.actual, u, lang));
  const target =
    metric.target === null
      ? `<span class="of">${t(ctx, "未设目标", "no target set")}</span>`
      : `<span class="of">${t(ctx, "目标", "target")} ${targetText(metric, lang)}</span>`;
  return `<p class="figure"><span class="actual">${actual}</span> ${target}</p>`;
}

export function metricCard(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const id = `card-${metric.id}`;
  return `<article class="card s-${metric.status}" aria-labelledby="${id}">
<h3 id="${id}"><a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(metricName(metric, lang))}</a></h3>
<p class="status">${metricBadge(metric, lang)} ${sourceTag(ctx, metric)}</p>
${headlineFigure(ctx, metric)}
${progressBar(metric, lang)}
${factList(metricFacts(ctx, metric))}
${behindLine(ctx, metric)}
${sourceNote(ctx, metric)}
</article>`;
}
