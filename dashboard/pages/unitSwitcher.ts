/**
 * The list of units as links, grouped by kind (街道, 镇, 区级部门). With scripts on, the enhancement
 * script adds a select above it that jumps to the chosen unit; the links stay for everyone.
 */
import { escapeHtml } from "../../core/html.ts";
import { UNIT_KIND_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { href, type PageContext, t, unitName } from "./context.ts";

/** `groupTag` names each group: a heading under an h2 (`h3`), or plain text where no heading fits (`p`). */
export function unitSwitcher(
  ctx: PageContext,
  note: (code: string) => string = () => "",
  groupTag: "h3" | "p" = "h3",
): string {
  const { site, lang } = ctx;
  const kinds = [...new Set(site.units.map((u) => u.kind))];
  const groups = kinds.map((kind) => {
    const items = site.units
      .filter((u) => u.kind === kind)
      .map((u) => {
        const current = ctx.path === PAGES.unit(u.code) ? ' aria-current="page"' : "";
        const n = note(u.code);
        return `<li><a href="${href(ctx, PAGES.unit(u.code))}"${current}>${escapeHtml(unitName(site, u.code, lang))}</a>${n ? ` <span class="note">${escapeHtml(n)}</span>` : ""}</li>`;
      })
      .join("");
    const heading = UNIT_KIND_WORDS[kind]?.[lang] ?? (kind || t(ctx, "其他", "other"));
    return `<div class="unit-group"><${groupTag} class="group-name">${escapeHtml(heading)}</${groupTag}><ul>${items}</ul></div>`;
  });
  return `<nav class="unit-switcher" data-unit-switcher data-label="${escapeHtml(t(ctx, "选择单位", "Choose a unit"))}" aria-label="${escapeHtml(t(ctx, "单位", "Units"))}">${groups.join("")}</nav>`;
}
