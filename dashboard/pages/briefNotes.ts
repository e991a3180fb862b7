/**
 * The brief's explanations: one short line per red a unit has explained (情况说明), so the meeting
 * reads the cause and remedy beside who is behind. A month's note that explains several of a
 * unit's reds is one line naming them all. Lines are cut short and few, so the brief stays one A4
 * page; the unit's page has the whole text.
 */
import { escapeHtml } from "../../core/html.ts";
import { metricName, type PageContext, t, unitName } from "./context.ts";
import { clipped } from "./unitNote.ts";

/** Lines on the brief at most, and the characters of each explanation shown. */
const BRIEF_NOTES = 4;
const BRIEF_NOTE_CHARS = 36;

interface Explained {
  unit: string;
  text: string;
  metrics: string[];
}

/** The explained reds, one entry per unit and text, in the report's order. */
function explainedReds(ctx: PageContext): Explained[] {
  const lines = new Map<string, Explained>();
  for (const m of ctx.site.report.metrics) {
    for (const u of m.units) {
      if (u.status !== "red" || u.note === null) continue;
      const key = `${u.unit}\u0000${u.note.text}`;
      const line = lines.get(key) ?? { unit: u.unit, text: u.note.text, metrics: [] };
      line.metrics.push(metricName(m, ctx.lang));
      lines.set(key, line);
    }
  }
  return [...lines.values()];
}

/** 「练塘镇（就业困难人员实现就业）：汛期招聘会推迟…」 per explained red, or nothing. */
export function briefNotes(ctx: PageContext): string {
  const all = explainedReds(ctx);
  if (all.length === 0) return "";
  const shown = all.slice(0, BRIEF_NOTES).map((x) => {
    const unit = escapeHtml(unitName(ctx.site, x.unit, ctx.lang));
    const metrics = x.metrics.map(escapeHtml).join(t(ctx, "、", "; "));
    return `<li>${unit}${t(ctx, "（", " (")}${metrics}${t(ctx, "）：", "): ")}${escapeHtml(clipped(x.text, BRIEF_NOTE_CHARS))}</li>`;
  });
  const more =
    all.length > BRIEF_NOTES
      ? `<li>${t(ctx, `另有${all.length - BRIEF_NOTES}条，见各单位页面`, `${all.length - BRIEF_NOTES} more on the units' pages`)}</li>`
      : "";
  return `<h3>${t(ctx, "红灯情况说明", "Reds explained")}</h3><ul class="sentences who">${shown.join("")}${more}</ul>`;
}
