/**
 * The alerts page (`alerts.html`): every alert of the report, most important first, with a count
 * per type.
 */

import { sortAlerts } from "../../metrics/alerts.ts";
import type { AlertType } from "../../metrics/reportTypes.ts";
import { formatMonth } from "../format.ts";
import { ALERT_WORDS } from "../labels.ts";
import { alertList } from "./alertList.ts";
import { type PageContext, t } from "./context.ts";
import { layout } from "./layout.ts";

const TYPES: AlertType[] = ["behind_pace", "overdue_case", "missing_submission", "anomaly"];

export function alertsPage(ctx: PageContext): string {
  const { report } = ctx.site;
  const ranked = sortAlerts(
    report.alerts,
    report.metrics.map((m) => m.id),
  );
  const counts = TYPES.map((type) => {
    const n = report.alerts.filter((a) => a.type === type).length;
    return `<li>${ALERT_WORDS[type][ctx.lang]}<span class="count">${n}</span></li>`;
  }).join("");
  const title = t(ctx, "预警", "Alerts");
  const body = `<h1>${title}</h1>
<p class="lede">${t(ctx, `截至${formatMonth(report.asOf, "zh")}共${report.alerts.length}条预警，按严重程度排列。`, `${report.alerts.length} alerts as of ${formatMonth(report.asOf, "en")}, most severe first.`)}</p>
<ul class="type-counts" aria-label="${t(ctx, "按类型统计", "By type")}">${counts}</ul>
${alertList(ctx, ranked)}`;
  return layout(ctx, { title, body });
}
