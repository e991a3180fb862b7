/**
 * The data status matrix (`status.html`): units × months, each cell on time, late, missing,
 * revised or not yet due — in words and colour — with a legend in words. Where the months do not
 * fit the screen the matrix scrolls sideways, the units' column staying in place, and a line above
 * it says so.
 */

import { escapeHtml } from "../../core/html.ts";
import { completeness } from "../completeness.ts";
import { formatMonth, formatMonthShort } from "../format.ts";
import { DATA_STATE_SHORT, DATA_STATE_WORDS, type DataState } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { href, type PageContext, t, unitName } from "./context.ts";
import { scrollHint } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { completenessSection } from "./overviewPage.ts";

const STATES: DataState[] = ["on_time", "late", "revised", "missing", "not_due"];

const MEANING: Record<DataState, { zh: string; en: string }> = {
  on_time: { zh: "在报送期限内报送", en: "received by the deadline" },
  late: { zh: "超过报送期限后报送", en: "received after the deadline" },
  revised: { zh: "已报送，之后又报送了修订版", en: "received, then replaced by a revision" },
  missing: { zh: "已到报送期限，尚未报送", en: "due and not received" },
  not_due: { zh: "尚未到报送期限", en: "not yet due" },
};

export function statusPage(ctx: PageContext): string {
  const { site, lang } = ctx;
  const months = [...new Set(site.input.dataStatus.map((c) => c.month))].sort();
  const cells = new Map(site.input.dataStatus.map((c) => [`${c.unit}|${c.month}`, c.state]));
  const codes = new Set(site.input.dataStatus.map((c) => c.unit));
  const units = site.units.filter((u) => codes.has(u.code));
  const head = months
    .map(
      (m) =>
        `<th scope="col"><abbr title="${escapeHtml(formatMonth(m, lang))}">${escapeHtml(formatMonthShort(m, lang))}</abbr></th>`,
    )
    .join("");
  const rows = units
    .map((u) => {
      const tds = months
        .map((m) => {
          const state = cells.get(`${u.code}|${m}`);
          if (!state) return `<td class="st st-none">${t(ctx, "无", "none")}</td>`;
          return `<td class="st st-${state}" title="${escapeHtml(`${formatMonth(m, lang)} ${DATA_STATE_WORDS[state][lang]}`)}">${DATA_STATE_SHORT[state][lang]}</td>`;
        })
        .join("");
      return `<tr><th scope="row"><a href="${href(ctx, PAGES.unit(u.code))}">${escapeHtml(unitName(site, u.code, lang))}</a></th>${tds}</tr>`;
    })
    .join("\n");
  const legend = STATES.map(
    (s) =>
      `<li><span class="st st-${s}">${DATA_STATE_SHORT[s][lang]}</span> <strong>${DATA_STATE_WORDS[s][lang]}</strong>${lang === "zh" ? "：" : ": "}${MEANING[s][lang]}</li>`,
  ).join("");
  const c = completeness(site.input, site.report.asOf);
  const title = t(ctx, "报送情况", "Data status");
  const matrix =
    months.length === 0
      ? `<p>${t(ctx, "暂无报送情况数据。", "No data status yet.")}</p>`
      : `${scrollHint(t(ctx, "← 左右滑动查看其他月份 →", "← Scroll sideways for the other months →"))}<div class="table-wrap"><table class="matrix"><caption>${t(ctx, "各单位各月月报报送情况", "Monthly reports by unit and month")}</caption><thead><tr><th scope="col">${t(ctx, "单位", "Unit")}</th>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
  const body = `<h1>${title}</h1>
<p class="lede">${t(ctx, `截至${formatMonth(site.report.asOf, "zh")}，未报送${c.counts.missing}个单位月。`, `As of ${formatMonth(site.report.asOf, "en")}, ${c.counts.missing} unit-months are missing.`)}</p>
<section aria-labelledby="legend-h"><h2 id="legend-h">${t(ctx, "图例", "Legend")}</h2><ul class="legend states">${legend}</ul></section>
<section aria-labelledby="matrix-h"><h2 id="matrix-h">${t(ctx, "单位 × 月份", "Units × months")}</h2>
${matrix}
</section>
<section aria-labelledby="completeness-h"><h2 id="completeness-h">${t(ctx, "数据完整性", "Data completeness")}</h2>
${completenessSection(ctx, Number.POSITIVE_INFINITY)}
</section>`;
  return layout(ctx, { title, body });
}
