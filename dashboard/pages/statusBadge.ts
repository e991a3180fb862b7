/**
 * A status as colour, icon and word together (绿灯 · 进度正常 / on track …), never colour alone,
 * in the words of the metric's kind and judged mode (metrics/words.ts). Each status has its own
 * icon shape, so the badge also reads in greyscale.
 */
import type { MetricProgress, Status } from "../../metrics/reportTypes.ts";
import type { Lang } from "../format.ts";
import { MET_WORDS, STATUS_WORDS, type Words } from "../labels.ts";

const ICON_PATHS: Record<Status, string> = {
  // circle with a tick
  green:
    '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.2l2.3 2.3 4.7-4.8" fill="none" stroke="#fff" stroke-width="1.8"/>',
  // triangle with an exclamation mark
  yellow:
    '<path d="M8 1l7 13H1z"/><path d="M8 5.5v4.2" stroke="#fff" stroke-width="1.8"/><circle cx="8" cy="11.8" r="1" fill="#fff"/>',
  // octagon with a cross
  red: '<path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z"/><path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" stroke-width="1.8"/>',
  // hollow circle with a clock hand: not yet started
  not_started:
    '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 4.5V8h3" fill="none" stroke="currentColor" stroke-width="1.6"/>',
  // hollow circle with a dash
  no_data:
    '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5 8h6" stroke="currentColor" stroke-width="1.6"/>',
  // hollow circle with a slash
  no_target:
    '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M4 12l8-8" stroke="currentColor" stroke-width="1.6"/>',
};

export function statusIcon(status: Status): string {
  return `<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor">${ICON_PATHS[status]}</svg>`;
}

/** `<span class="badge s-red">[icon] 红灯 · 明显滞后</span>`, with 已完成 beside it once met. */
export function statusBadge(status: Status, lang: Lang, words?: Words, met = false): string {
  const word = (words ?? STATUS_WORDS[status])[lang];
  const badge = `<span class="badge s-${status}">${statusIcon(status)}<span class="word">${word}</span></span>`;
  return met ? `${badge} <span class="badge met">✓ ${MET_WORDS[lang]}</span>` : badge;
}

/**
 * A metric's own badge: its status in its words, with 已完成 beside a pace target already reached
 * before its due month (at the due month the status itself says 已完成).
 */
export function metricBadge(metric: MetricProgress, lang: Lang): string {
  const early = metric.met && !metric.final && metric.judged === "pace";
  return statusBadge(metric.status, lang, metric.status_words, early);
}
