/**
 * A unit's explanation (情况说明) beside its status: on the unit's page and in a target's table of
 * units, wherever the report gives a unit row a note (docs/contract.md §6 `units[].note`). The
 * words say whose they are and when they were written (Beijing time); a long one opens on demand
 * (a <details>, which works in the static site without script) so a table stays a table.
 */
import { escapeHtml } from "../../core/html.ts";
import type { UnitNote } from "../../metrics/reportTypes.ts";
import { formatDateTime } from "../format.ts";
import { type PageContext, t } from "./context.ts";

/** Characters shown before a note opens on demand. */
const SHOWN_CHARS = 80;

/** The note's text cut at a character count (code points, so no half of a surrogate pair). */
export function clipped(text: string, chars: number): string {
  const all = [...text.replace(/\s+/g, " ")];
  return all.length > chars ? `${all.slice(0, chars).join("")}…` : all.join("");
}

/** `情况说明：… （盈浦经办人，2022年9月3日 09:00）`, or nothing without a note. */
export function noteBeside(ctx: PageContext, note: UnitNote | null): string {
  if (!note) return "";
  const label = t(ctx, "情况说明", "Explanation");
  const by = `${t(ctx, "（", " (")}${escapeHtml(note.author)}${t(ctx, "，", ", ")}${escapeHtml(formatDateTime(note.at, ctx.lang))}${t(ctx, "）", ")")}`;
  const whole = [...note.text].length <= SHOWN_CHARS;
  if (whole) {
    return `<span class="note unit-note"><strong>${label}</strong>${t(ctx, "：", ": ")}${escapeHtml(note.text)}${by}</span>`;
  }
  return `<details class="note unit-note"><summary><strong>${label}</strong>${t(ctx, "：", ": ")}${escapeHtml(clipped(note.text, SHOWN_CHARS))}</summary>${escapeHtml(note.text)}${by}</details>`;
}
