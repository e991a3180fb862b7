/**
 * A plain data table with a caption and header cells scoped for screen readers. Cells are HTML
 * already escaped by the caller; `numeric` columns align right. A table wider than the screen
 * scrolls sideways inside its box, its row headers staying in place, and says so above itself
 * (the enhancement script shows the line only when the table does not fit).
 */
import { escapeHtml } from "../../core/html.ts";
import type { Lang } from "../../core/lang.ts";

export interface TableSpec {
  lang: Lang;
  caption: string;
  head: string[];
  rows: string[][];
  /** Indices of columns holding numbers. */
  numeric?: number[];
  /** The first cell of each row heads the row. */
  rowHeaders?: boolean;
  className?: string;
  /** The line shown when the table scrolls sideways; defaults to a general one. */
  scrollHint?: { zh: string; en: string };
}

export const SCROLL_HINT = {
  zh: "表格较宽，可左右滑动查看 →",
  en: "The table is wider than the screen: scroll sideways →",
};

/** The line above a box that scrolls sideways, shown by the script when its content does not fit. */
export function scrollHint(text: string): string {
  return `<p class="scroll-hint" data-scroll-hint hidden>${escapeHtml(text)}</p>`;
}

export function dataTable(spec: TableSpec): string {
  const numeric = new Set(spec.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : "");
  const head = spec.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join("");
  const body = spec.rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === 0 && spec.rowHeaders ? `<th scope="row">${cell}</th>` : `<td${cls(i)}>${cell}</td>`,
      );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const className = spec.className ? ` class="${escapeHtml(spec.className)}"` : "";
  const hint = scrollHint((spec.scrollHint ?? SCROLL_HINT)[spec.lang]);
  return `${hint}<div class="table-wrap"><table${className}><caption>${escapeHtml(spec.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
