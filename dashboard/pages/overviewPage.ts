/**
 * The overview (`index.html`): one card per metric, the most important alerts, data completeness,
 * and the way to each unit's page.
 */

import { escapeHtml } from "../../core/html.ts";
import { sortAlerts } from "../../metrics/alerts.ts";
import type { Status } from "../../metrics/reportTypes.ts";
import { completeness } from "../completeness.ts";
import { formatMonth, formatPercent } from "../format.ts";
import { DATA_STATE_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { summarySentence } from "../sentences.ts";
import { alertList } from "./alertList.ts";
import { href, type PageContext, type Site, t, unitName } from "./context.ts";
import { fundsLink } from "./fundsPage.ts";
import { layout } from "./layout.ts";
import { metricCard } from "./metricCard.ts";
import { unexplainedRedsSection } from "./unexplainedReds.ts";
import { unitSwitcher } from "./unitSwitcher.ts";

/** Alerts shown on the overview; the alerts page lists them all. */
const TOP_ALERTS = 5;
/** Missing unit-months listed on the overview; the status page shows them all. */
const TOP_MISSING = 10;

export function paceLine(ctx: PageContext): string {
  const { report } = ctx.site;
  const m = report.monthsElapsed;
  const n = report.monthsInPlan;
  const pace = n > 0 ? formatPercent(m / n) : "—";
  return ctx.lang === "zh"
    ? `截至${formatMonth(report.asOf, "zh")}，全年${n}个月已过${m}个月，序时进度${pace}。`
    : `As of ${formatMonth(report.asOf, "en")}: ${m} of the plan's ${n} months have passed; expected to date ${pace}.`;
}

export function completenessSection(ctx: PageContext, limit = TOP_MISSING): string {
  const { site, lang } = ctx;
  const c = completeness(site.input, site.report.asOf);
  const w = (s: keyof typeof DATA_STATE_WORDS) => DATA_STATE_WORDS[s][lang];
  const summary =
    lang === "zh"
      ? `已到报送期的${c.due}个单位月中：${w("on_time")}${c.counts.on_time}个，${w("late")}${c.counts.late}个，${w("revised")}${c.counts.revised}个，${w("missing")}${c.counts.missing}个。`
      : `Of ${c.due} unit-months due: ${c.counts.on_time} ${w("on_time")}, ${c.counts.late} ${w("late")}, ${c.counts.revised} ${w("revised")}, ${c.counts.missing} ${w("missing")}.`;
  const missing = c.missing
    .slice(0, limit)
    .map(
      (cell) =>
        `<li><a href="${href(ctx, PAGES.unit(cell.unit))}">${escapeHtml(unitName(site, cell.unit, lang))}</a> ${escapeHtml(formatMonth(cell.month, lang))}</li>`,
    );
  const more =
    c.missing.length > limit
      ? `<li>${t(ctx, `等共${c.missing.length}个`, `${c.missing.length} in all`)}</li>`
      : "";
  const list =
    missing.length > 0
      ? `<p>${t(ctx, "未报送：", "Missing:")}</p><ul class="missing">${missing.join("")}${more}</ul>`
      : `<p>${t(ctx, "没有未报送的单位月。", "No unit-month is missing.")}</p>`;
  return `<p>${summary}</p>${list}<p><a href="${href(ctx, PAGES.status)}">${t(ctx, "查看各单位各月报送情况", "See the data status of every unit and month")}</a></p>`;
}

function behindCounts(site: Site, code: string): Record<Status, number> {
  const counts: Record<Status, number> = {
    green: 0,
    yellow: 0,
    red: 0,
    not_started: 0,
    no_data: 0,
    no_target: 0,
  };
  for (const m of site.report.metrics) {
    const entry = m.units.find((u) => u.unit === code);
    if (entry) counts[entry.status] += 1;
  }
  return counts;
}

export function overviewPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const { report } = site;
  const cards = report.metrics.map((m) => metricCard(ctx, m)).join("\n");
  const ranked = sortAlerts(
    report.alerts,
    report.metrics.map((m) => m.id),
  );
  const more =
    report.alerts.length > TOP_ALERTS
      ? `<p><a href="${href(ctx, PAGES.alerts)}">${t(ctx, `查看全部${report.alerts.length}条预警`, `All ${report.alerts.length} alerts`)}</a></p>`
      : `<p><a href="${href(ctx, PAGES.alerts)}">${t(ctx, "预警页", "Alerts page")}</a></p>`;
  const unitNotes = (code: string) => {
    const c = behindCounts(site, code);
    if (c.red + c.yellow === 0) return "";
    return lang === "zh"
      ? `红灯${c.red}项，黄灯${c.yellow}项`
      : `${c.red} behind, ${c.yellow} slightly behind`;
  };
  const title = t(ctx, "稳就业目标推进情况总览", "Employment targets: overview");
  const body = `<h1>${title}</h1>
<p class="lede">${escapeHtml(paceLine(ctx))}${lang === "en" ? " " : ""}${escapeHtml(summarySentence(report.metrics, lang))} <a href="${href(ctx, PAGES.brief)}">${t(ctx, "打印简报", "Printable brief")}</a></p>
<section aria-labelledby="metrics-h">
<h2 id="metrics-h">${t(ctx, "各项指标", "Targets")}</h2>
<p class="legend-link">${t(ctx, "未达绿灯的指标下列出落后的单位（最差在前）。各灯含义与考核方式见", "Under each target not green, the units behind it (worst first). What each colour means and how each target is judged:")} <a href="${href(ctx, PAGES.rules)}">${t(ctx, "考核规则", "how targets are judged")}</a>${t(ctx, "。", ".")}</p>
<div class="cards">
${cards}
</div>
${fundsLink(ctx)}
</section>
<div class="columns">
<section aria-labelledby="alerts-h">
<h2 id="alerts-h">${t(ctx, "重点预警", "Key alerts")}</h2>
${alertList(ctx, ranked.slice(0, TOP_ALERTS))}
${more}
</section>
<section aria-labelledby="completeness-h">
<h2 id="completeness-h">${t(ctx, "数据完整性", "Data completeness")}</h2>
${completenessSection(ctx)}
</section>
</div>
${unexplainedRedsSection(ctx)}
<section aria-labelledby="units-h">
<h2 id="units-h">${t(ctx, "各街镇和部门", "Towns and departments")}</h2>
${unitSwitcher(ctx, unitNotes)}
</section>`;
  return layout(ctx, { title, body });
}
