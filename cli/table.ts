/**
 * A plain text table for the terminal; CJK characters count two columns wide. A cell's control
 * characters, line breaks and tabs included, are shown escaped, so each row stays one line and no
 * cell can move the cursor or reorder what follows it.
 */
import { escapeControls } from "../server/assets/escapeControls.js";
import type { Value } from "../warehouse/db.ts";

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6))
        ? 2
        : 1;
  }
  return width;
}

function cellText(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "object") return escapeControls(JSON.stringify(value));
  return escapeControls(String(value));
}

export function formatTable(columns: string[], rows: Value[][], numeric: boolean[] = []): string {
  const heads = columns.map((c) => escapeControls(c));
  const texts = rows.map((row) => row.map(cellText));
  const widths = heads.map((c, i) => Math.max(displayWidth(c), ...texts.map((r) => displayWidth(r[i]))));
  const pad = (text: string, i: number) => {
    const fill = " ".repeat(widths[i] - displayWidth(text));
    return numeric[i] ? fill + text : text + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join("  ").trimEnd();
  return `${[line(heads), widths.map((w) => "─".repeat(w)).join("  "), ...texts.map(line)].join("\n")}\n`;
}
