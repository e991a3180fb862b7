/**
 * One metric on the overview: name (linked to its page), status, actual against target, progress
 * bar with the pace marker, and the facts a reader asks next — progress, pace, projection, the
 * rate needed per month, and the change from last month.
 */
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { formatChange, formatPercent, formatValue, type Lang, NONE } from "../format.ts";
import { esc } from "../html.ts";
import { PAGES } from "../paths.ts";
import { neededAmount } from "../sentences.ts";
import { monthOnMonth } from "../trend.ts";
import { href, metricName, type PageContext, t } from "./context.ts";
import { progressBar } from "./progressBar.ts";
import { statusBadge } from "./statusBadge.ts";

/** The target as read: `5,000人`, `＞80%` for a strict ratio, `≤8,500人` for a cap. */
export function targetText(metric: MetricProgress, lang: Lang): string {
  if (metric.target === null) return NONE;
  const value = formatValue(metric.target, metric.unit_of_count, lang);
  if (metric.direction === "above") return `&gt;${value}`;
  if (metric.direction === "at_most") return `≤${value}`;
  return esc(value);
}

export interface Fact {
  label: string;
  value: string;
  title?: string;
}

/** The facts of a metric, by kind, as label–value pairs (values are HTML-escaped). */
export function metricFacts(ctx: PageContext, metric: MetricProgress): Fact[] {
  const { lang } = ctx;
  const u = metric.unit_of_count;
  const value = (v: number | null) => esc(formatValue(v, u, lang));
  const facts: Fact[] = [];
  const paced = metric.kind === "cumulative" || metric.kind === "level";
  if (paced) {
    facts.push({
      label: t(ctx, "完成率", "progress"),
      value: metric.progress === null ? NONE : formatPercent(metric.progress),
    });
    facts.push({ label: t(ctx, "序时进度", "expected to date"), value: value(metric.expected) });
    if (metric.projected !== null) {
      const method = metric.projection_method?.[lang];
      facts.push({
        label: t(ctx, "预计全年", "projected year end"),
        value: value(metric.projected),
        title: method,
      });
    }
    if (metric.required_monthly !== null) {
      facts.push({
        label: t(ctx, "剩余月均需完成", "needed per month"),
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
  const change = monthOnMonth(ctx.site.history, metric.id);
  if (change !== null) {
    facts.push({ label: t(ctx, "较上月", "vs last month"), value: esc(formatChange(change, u, lang)) });
  }
  return facts;
}

/** Facts as a description list; `notes` writes each fact's explanation after it, else it is a tooltip. */
export function factList(facts: Fact[], notes = false): string {
  const items = facts
    .map((f) => {
      const title = f.title ? ` title="${esc(f.title)}"` : "";
      const note = f.title && notes ? `<span class="note">${esc(f.title)}</span>` : "";
      return `<div${title}><dt>${esc(f.label)}</dt><dd>${f.value}${note}</dd></div>`;
    })
    .join("");
  return `<dl class="facts">${items}</dl>`;
}

export function metricCard(ctx: PageContext, metric: MetricProgress): string {
  const { lang } = ctx;
  const id = `card-${metric.id}`;
  const actual = esc(formatValue(metric.actual, metric.unit_of_count, lang));
  const target =
    metric.target === null
      ? `<span class="of">${t(ctx, "未设目标", "no target set")}</span>`
      : `<span class="of">${t(ctx, "目标", "target")} ${targetText(metric, lang)}</span>`;
  return `<article class="card s-${metric.status}" aria-labelledby="${id}">
<h3 id="${id}"><a href="${href(ctx, PAGES.metric(metric.id))}">${esc(metricName(metric, lang))}</a></h3>
<p class="status">${statusBadge(metric.status, lang, metric.met)}</p>
<p class="figure"><span class="actual">${actual}</span> ${target}</p>
${progressBar(metric, lang)}
${factList(metricFacts(ctx, metric))}
</article>`;
}
