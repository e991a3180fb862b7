/**
 * The progress bar of a metric card: the filled part is the figure the metric is judged by, the
 * mark what it is judged against (judgedFigure.ts) — the pace to date for a pace target (for a
 * level, on the increase), the target share for a ratio, the ceiling for a cap, the target itself
 * once the due month has come. The bar carries its numbers as an accessible name; the card states
 * them in text too.
 */

import { escapeHtml } from "../../core/html.ts";
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { formatPercent, type Lang } from "../format.ts";
import { judgedFigure } from "../judgedFigure.ts";

const pct = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 1000) / 10}%`;

export function progressBar(metric: MetricProgress, lang: Lang): string {
  if (metric.status === "not_started") return "";
  const { value, mark, markWord } = judgedFigure(metric, metric);
  if (value === null) return "";
  const word = markWord[lang];
  const filled =
    metric.kind === "level"
      ? lang === "zh"
        ? `增量完成${formatPercent(value)}`
        : `${formatPercent(value)} of the increase`
      : lang === "zh"
        ? `完成${formatPercent(value)}`
        : `${formatPercent(value)} done`;
  const label = mark === null ? filled : `${filled}, ${word} ${formatPercent(mark)}`;
  const markerHtml =
    mark === null ? "" : `<span class="marker" style="left:${pct(mark)}" title="${escapeHtml(word)}"></span>`;
  return `<div class="bar s-${metric.status}" role="img" aria-label="${escapeHtml(label)}"><span class="fill" style="width:${pct(value)}"></span>${markerHtml}</div>`;
}
