/**
 * Alerts as a list: severity and type in words, the message in the page's language, and links to
 * the metric's and the unit's pages where the alert names them.
 */

import { escapeHtml } from "../../core/html.ts";
import type { Alert } from "../../metrics/reportTypes.ts";
import { formatMonth } from "../format.ts";
import { join } from "../html.ts";
import { ALERT_WORDS, SEVERITY_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";

function alertItem(ctx: PageContext, alert: Alert): string {
  const { lang, site } = ctx;
  const metric = alert.metric === null ? undefined : site.report.metrics.find((m) => m.id === alert.metric);
  const severity = `<span class="sev sev-${alert.severity}">${t(ctx, "等级", "severity")} ${SEVERITY_WORDS[alert.severity][lang]}</span>`;
  const type = `<span class="alert-type">${ALERT_WORDS[alert.type][lang]}</span>`;
  const message = escapeHtml((lang === "zh" ? alert.zh : alert.en) || alert.message);
  const links = join(
    [
      metric && `<a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(metricName(metric, lang))}</a>`,
      alert.unit !== null &&
        `<a href="${href(ctx, PAGES.unit(alert.unit))}">${escapeHtml(unitName(site, alert.unit, lang))}</a>`,
      alert.month !== null && escapeHtml(formatMonth(alert.month, lang)),
    ],
    " · ",
  );
  return `<li class="alert sev-${alert.severity}">${severity} ${type} <span class="msg">${message}</span>${links ? ` <span class="where">${links}</span>` : ""}</li>`;
}

export function alertList(ctx: PageContext, alerts: Alert[]): string {
  if (alerts.length === 0) return `<p>${t(ctx, "当前没有预警。", "No alerts at present.")}</p>`;
  return `<ul class="alerts">\n${alerts.map((a) => alertItem(ctx, a)).join("\n")}\n</ul>`;
}
