/**
 * The progress bar of a metric card: the filled part is the progress, the marker the pace
 * (序时进度) for paced kinds, the target share for ratios, the ceiling for caps. The bar carries
 * its numbers as an accessible name; the card states them in text too.
 */
import type { MetricProgress } from "../../metrics/reportTypes.ts";
import { formatPercent, type Lang } from "../format.ts";
import { esc } from "../html.ts";
import { paceShare } from "../trend.ts";

interface BarParts {
  fill: number | null;
  marker: number | null;
  markerWord: string;
}

function parts(metric: MetricProgress, lang: Lang): BarParts {
  const { kind, actual, target } = metric;
  if (kind === "ratio" || kind === "deadline") {
    return { fill: actual, marker: target, markerWord: lang === "zh" ? "目标" : "target" };
  }
  if (kind === "cap") {
    return {
      fill: actual !== null && target ? actual / target : null,
      marker: target === null ? null : 1,
      markerWord: lang === "zh" ? "控制数" : "cap",
    };
  }
  const fill = metric.progress ?? (actual !== null && target ? actual / target : null);
  return { fill, marker: paceShare(metric), markerWord: lang === "zh" ? "序时进度" : "pace" };
}

const pct = (v: number) => `${Math.round(Math.min(1, Math.max(0, v)) * 1000) / 10}%`;

export function progressBar(metric: MetricProgress, lang: Lang): string {
  const { fill, marker, markerWord } = parts(metric, lang);
  if (fill === null) return "";
  const filled = lang === "zh" ? `完成${formatPercent(fill)}` : `${formatPercent(fill)} done`;
  const label = marker === null ? filled : `${filled}, ${markerWord} ${formatPercent(marker)}`;
  const markerHtml =
    marker === null
      ? ""
      : `<span class="marker" style="left:${pct(marker)}" title="${esc(markerWord)}"></span>`;
  return `<div class="bar s-${metric.status}" role="img" aria-label="${esc(label)}"><span class="fill" style="width:${pct(fill)}"></span>${markerHtml}</div>`;
}
