/**
 * Alerts as a list: the type in words, coloured as the status it reports (a target red for a unit
 * is red here too, whatever its rank among the alerts), the alert's rank (预警级别 高/中/低) in
 * plain words beside it, the message in the page's language, and links to the metric's and the
 * unit's pages. Anomalies of one month from many units are one entry with the items inside
 * (alertGroups.ts). Each entry names its type, metrics, units and rank in data attributes, which
 * the alerts page's filters read.
 */

import { escapeHtml } from "../../core/html.ts";
import type { Alert, AlertType, MetricProgress, Severity, Status } from "../../metrics/reportTypes.ts";
import { unitMetricName } from "../../metrics/words.ts";
import { type AlertEntry, type AlertGroup, alertEntries } from "../alertGroups.ts";
import { formatMonth, type Lang } from "../format.ts";
import { join } from "../html.ts";
import { ALERT_WORDS, SEVERITY_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";
import { statusIcon } from "./statusBadge.ts";

/** The alerts that report a target's status; their colour is that status. */
const STATUS_ALERTS = new Set<AlertType>([
  "behind_pace",
  "below_target",
  "near_cap",
  "over_cap",
  "missed_target",
]);

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Unit names shown in a group's sentence before "等" / "and N more". */
const GROUP_NAMES = 5;

/** The status an alert reports, as the report judges the metric for its unit (or the district). */
function reportedStatus(ctx: PageContext, alert: Alert): Status | null {
  if (!STATUS_ALERTS.has(alert.type) || alert.metric === null) return null;
  const metric = ctx.site.report.metrics.find((m) => m.id === alert.metric);
  if (!metric) return null;
  if (alert.unit === null) return metric.status;
  return metric.units.find((u) => u.unit === alert.unit)?.status ?? null;
}

function dataAttributes(
  types: string[],
  metrics: (string | null)[],
  units: (string | null)[],
  severities: Severity[],
) {
  const list = (values: (string | null)[]) =>
    escapeHtml([...new Set(values.filter((v) => v !== null))].join(" "));
  return ` data-type="${list(types)}" data-metric="${list(metrics)}" data-unit="${list(units)}" data-severity="${list(severities)}"`;
}

function severityText(ctx: PageContext, severity: Severity): string {
  return `<span class="sev sev-${severity}">${t(ctx, "预警级别", "Rank")} ${SEVERITY_WORDS[severity][ctx.lang]}</span>`;
}

/** The metric's name as the alert speaks of it: a unit's figure is not the district's (全区…). */
function linkName(metric: MetricProgress, alert: Alert, lang: Lang): string {
  const name = { zh: metricName(metric, "zh"), en: metricName(metric, "en") };
  return (alert.unit === null ? name : unitMetricName(name))[lang];
}

function alertItem(ctx: PageContext, alert: Alert): string {
  const { lang, site } = ctx;
  const metric = alert.metric === null ? undefined : site.report.metrics.find((m) => m.id === alert.metric);
  const status = reportedStatus(ctx, alert);
  const tone = status === "red" || status === "yellow" ? status : "neutral";
  const icon = status === "red" || status === "yellow" ? statusIcon(status) : "";
  const message = escapeHtml((lang === "zh" ? alert.zh : alert.en) || alert.message);
  const links = join(
    [
      metric &&
        `<a href="${href(ctx, PAGES.metric(metric.id))}">${escapeHtml(linkName(metric, alert, lang))}</a>`,
      alert.unit !== null &&
        `<a href="${href(ctx, PAGES.unit(alert.unit))}">${escapeHtml(unitName(site, alert.unit, lang))}</a>`,
      alert.month !== null && escapeHtml(formatMonth(alert.month, lang)),
    ],
    " · ",
  );
  const attributes = dataAttributes([alert.type], [alert.metric], [alert.unit], [alert.severity]);
  return `<li class="alert tone-${tone}"${attributes}><p class="alert-head">${icon}<span class="alert-type">${ALERT_WORDS[alert.type][lang]}</span> ${severityText(ctx, alert.severity)}</p><p class="msg">${message}</p>${links ? `<p class="where">${links}</p>` : ""}</li>`;
}

function groupItem(ctx: PageContext, group: AlertGroup): string {
  const { lang, site } = ctx;
  const names = group.units.slice(0, GROUP_NAMES).map((u) => unitName(site, u, lang));
  const more = group.units.length - names.length;
  const month = formatMonth(group.month, lang);
  const n = group.alerts.length;
  const k = group.units.length;
  const sentence =
    lang === "zh"
      ? `${month}，${k}个单位共${n}项数据异常：${names.join("、")}${more > 0 ? `等` : ""}。多个单位同月异常，可能有共同原因，请逐项核实。`
      : `${month}: ${n} figures from ${k} units look out of line (${names.join(", ")}${more > 0 ? `, and ${more} more` : ""}). Many units in one month may share a cause; please check each.`;
  const severity = [...group.alerts].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0].severity;
  const attributes = dataAttributes(
    [group.type],
    group.alerts.map((a) => a.metric),
    group.units,
    group.alerts.map((a) => a.severity),
  );
  const items = group.alerts.map((a) => alertItem(ctx, a)).join("\n");
  return `<li class="alert alert-group tone-neutral"${attributes} data-group><p class="alert-head"><span class="alert-type">${ALERT_WORDS.anomaly[lang]}</span> ${severityText(ctx, severity)}</p><p class="msg">${escapeHtml(sentence)}</p><details><summary>${t(ctx, `逐项查看（${n}项）`, `Each of the ${n}`)}</summary><ul class="alerts">\n${items}\n</ul></details></li>`;
}

function entryItem(ctx: PageContext, entry: AlertEntry): string {
  return entry.kind === "group" ? groupItem(ctx, entry) : alertItem(ctx, entry.alert);
}

/** The alerts in the order given, a month's anomalies from many units drawn together. */
export function alertList(ctx: PageContext, alerts: Alert[]): string {
  if (alerts.length === 0) return `<p>${t(ctx, "当前没有预警。", "No alerts at present.")}</p>`;
  return `<ul class="alerts" data-alert-list>\n${alertEntries(alerts)
    .map((e) => entryItem(ctx, e))
    .join("\n")}\n</ul>`;
}
