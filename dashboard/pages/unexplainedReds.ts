/**
 * Who has not explained a red (红灯未作说明): for the leading group, the units whose figure is red
 * on some target as of the report's month and that have written no explanation for it — neither
 * for that target nor for their month as a whole — each with the targets concerned. A supervision
 * meeting asks exactly these units for their 滞后说明.
 */
import { escapeHtml } from "../../core/html.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t, unitName } from "./context.ts";

interface Unexplained {
  unit: string;
  metrics: string[];
}

/** The units red without an explanation, in the report's order of targets, then of units. */
export function unexplainedReds(ctx: PageContext): Unexplained[] {
  const byUnit = new Map<string, string[]>();
  for (const m of ctx.site.report.metrics) {
    for (const u of m.units) {
      if (u.status !== "red" || u.note !== null) continue;
      const list = byUnit.get(u.unit) ?? [];
      list.push(metricName(m, ctx.lang));
      byUnit.set(u.unit, list);
    }
  }
  return [...byUnit].map(([unit, metrics]) => ({ unit, metrics }));
}

/** 「红灯未作说明：练塘镇（就业困难人员认定后三个月内就业）；…」 as a section, or nothing when every red is explained. */
export function unexplainedRedsSection(ctx: PageContext): string {
  const list = unexplainedReds(ctx);
  const reds = ctx.site.report.metrics.some((m) => m.units.some((u) => u.status === "red"));
  if (!reds) return "";
  const body =
    list.length === 0
      ? `<p>${t(ctx, "红灯单位均已作情况说明。", "Every unit in red has explained it.")}</p>`
      : `<p>${t(ctx, "以下单位有红灯指标，尚未提交情况说明（原因 / 整改措施）：", "These units are red on a target and have not yet explained it (cause and remedy):")}</p><ul class="unexplained">${list
          .map(
            (x) =>
              `<li><a href="${href(ctx, PAGES.unit(x.unit))}">${escapeHtml(unitName(ctx.site, x.unit, ctx.lang))}</a>${t(ctx, "（", " (")}${x.metrics.map(escapeHtml).join(t(ctx, "、", "; "))}${t(ctx, "）", ")")}</li>`,
          )
          .join("")}</ul>`;
  return `<section aria-labelledby="unexplained-h">
<h2 id="unexplained-h">${t(ctx, "红灯未作说明", "Red without an explanation")}</h2>
${body}
</section>`;
}
