/**
 * A plain data table with a caption and header cells scoped for screen readers. Cells are HTML
 * already escaped by the caller; `numeric` columns align right.
 */
import { escapeHtml } from "../../core/html.ts";

interface TableSpec {
  caption: string;
  head: string[];
  rows: string[][];
  /** Indices of columns holding numbers. */
  numeric?: number[];
  /** The first cell of each row heads the row. */
  rowHeaders?: boolean;
  className?: string;
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
  return `<div class="table-wrap"><table${className}><caption>${escapeHtml(spec.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
