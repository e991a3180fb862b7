/**
 * The alerts page (`alerts.html`): every alert of the report in the order metrics ranks them, how
 * many of each type in words, and filters by type, target, unit and rank. The filters are a form
 * the enhancement script brings to life on the page itself (no server; the site works from disk),
 * and it keeps the choice in the address's fragment, so a filtered list can be linked to; without
 * scripts the form stays hidden and the whole list shows.
 */

import { escapeHtml } from "../../core/html.ts";
import { sortAlerts } from "../../metrics/alerts.ts";
import type { Alert, AlertType, Severity } from "../../metrics/reportTypes.ts";
import { alertEntries } from "../alertGroups.ts";
import { formatMonth } from "../format.ts";
import { ALERT_WORDS, SEVERITY_WORDS } from "../labels.ts";
import { alertList } from "./alertList.ts";
import { metricName, type PageContext, t, unitName } from "./context.ts";
import { layout } from "./layout.ts";

const TYPES: AlertType[] = [
  "missed_target",
  "behind_pace",
  "below_target",
  "over_cap",
  "near_cap",
  "overdue_case",
  "missing_submission",
  "anomaly",
];
const SEVERITIES: Severity[] = ["high", "medium", "low"];

function option(value: string, text: string): string {
  return `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`;
}

function countOf<T>(alerts: Alert[], key: (a: Alert) => T, value: T): number {
  return alerts.filter((a) => key(a) === value).length;
}

/** 「未完成41条、数据异常37条（3组）」: the count of each type present, in words. */
function typeCounts(ctx: PageContext, alerts: Alert[]): string {
  const groups = alertEntries(alerts).filter((e) => e.kind === "group").length;
  return TYPES.filter((type) => alerts.some((a) => a.type === type))
    .map((type) => {
      const n = countOf(alerts, (a) => a.type, type);
      const grouped =
        type === "anomaly" && groups > 0 ? t(ctx, `（合并为${groups}组）`, ` (in ${groups} groups)`) : "";
      return t(ctx, `${ALERT_WORDS[type].zh}${n}条${grouped}`, `${n} ${ALERT_WORDS[type].en}${grouped}`);
    })
    .join(t(ctx, "、", ", "));
}

function filters(ctx: PageContext, alerts: Alert[]): string {
  const { site, lang } = ctx;
  const all = t(ctx, "全部", "All");
  const types = TYPES.filter((type) => alerts.some((a) => a.type === type)).map((type) =>
    option(type, `${ALERT_WORDS[type][lang]}（${countOf(alerts, (a) => a.type, type)}）`),
  );
  const metrics = site.report.metrics
    .filter((m) => alerts.some((a) => a.metric === m.id))
    .map((m) => option(m.id, metricName(m, lang)));
  const units = site.units
    .filter((u) => alerts.some((a) => a.unit === u.code))
    .map((u) => option(u.code, unitName(site, u.code, lang)));
  const severities = SEVERITIES.filter((s) => alerts.some((a) => a.severity === s)).map((s) =>
    option(s, SEVERITY_WORDS[s][lang]),
  );
  const select = (name: string, label: string, options: string[]) =>
    `<label>${label}<select name="${name}"><option value="">${all}</option>${options.join("")}</select></label>`;
  const template = t(ctx, "显示 {shown} 条，共 {total} 条", "Showing {shown} of {total}");
  return `<form class="alert-filters" data-alert-filters hidden aria-label="${t(ctx, "筛选预警", "Filter the alerts")}">
${select("type", t(ctx, "类型", "Type"), types)}
${select("metric", t(ctx, "指标", "Target"), metrics)}
${select("unit", t(ctx, "单位", "Unit"), units)}
${select("severity", t(ctx, "预警级别", "Rank"), severities)}
<button type="reset" class="secondary">${t(ctx, "清除筛选", "Clear")}</button>
<p class="filter-count" data-template="${escapeHtml(template)}" aria-live="polite"></p>
</form>
<p class="filter-empty" data-filter-empty hidden>${t(ctx, "没有符合筛选条件的预警。", "No alert matches the filters.")}</p>`;
}

export function alertsPage(ctx: PageContext): string {
  const { report } = ctx.site;
  const ranked = sortAlerts(
    report.alerts,
    report.metrics.map((m) => m.id),
  );
  const title = t(ctx, "预警", "Alerts");
  const lede =
    report.alerts.length === 0
      ? ""
      : t(
          ctx,
          `截至${formatMonth(report.asOf, "zh")}共${report.alerts.length}条预警，按预警级别排列：${typeCounts(ctx, ranked)}。`,
          `${report.alerts.length} alerts as of ${formatMonth(report.asOf, "en")}, highest rank first: ${typeCounts(ctx, ranked)}.`,
        );
  const body = `<h1>${title}</h1>
${lede ? `<p class="lede">${lede}</p>` : ""}
${report.alerts.length > 0 ? filters(ctx, ranked) : ""}
${alertList(ctx, ranked)}`;
  return layout(ctx, { title, body });
}
