/**
 * How a column is named: by its header as written, or by its Excel letter where the header is
 * blank or cannot be quoted; the upload page labels its preview with the same letters.
 */
import { REDACTED } from "./redacted.ts";

/** `A`, `B`, …, `Z`, `AA`: the Excel letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * How findings name a column: its header as written, or its Excel letter when the header is
 * blank or was redacted (it held a personal number, which no message may repeat).
 */
export function columnName(headerCells: readonly string[] | undefined, index: number): string {
  const text = (headerCells?.[index] ?? "").trim();
  return text === "" || text === REDACTED ? columnLetter(index) : text;
}
