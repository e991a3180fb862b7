/**
 * CSV text → a grid of strings. Excel writes `,` (or `;` in some locales) and "Unicode text"
 * uses tabs; fields holding the delimiter are quoted (`"1,234"`), and line ends are CRLF.
 * Every cell stays the string as written: numbers, months and units are read later, where a
 * problem can be reported with its row and column.
 */
import Papa from "papaparse";
import { splitPlainCsv } from "./plainCsv.ts";
import { trimGrid } from "./trimGrid.ts";

const DELIMITERS = [",", ";", "\t"];

/** Which of `,` `;` tab separates cells: the one that occurs most outside quotes in the first lines. */
function guessDelimiter(text: string): string {
  const counts = [0, 0, 0];
  let quoted = false;
  let line = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n"))) {
      // a title row above the header often has no delimiter at all: look at a few lines
      if (counts[0] + counts[1] + counts[2] > 0 && ++line >= 3) break;
    } else if (!quoted) {
      const d = DELIMITERS.indexOf(ch);
      if (d >= 0) counts[d]++;
    }
  }
  let best = 0;
  for (let d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
  return DELIMITERS[best];
}

/**
 * Parses CSV text into rows of string cells, without trailing blank rows and columns. Text with
 * quotes goes through papaparse; quote-free text (most large exports) through a plain split.
 */
export function parseCsvGrid(text: string): string[][] {
  const delimiter = guessDelimiter(text);
  if (!text.includes('"')) return trimGrid(splitPlainCsv(text, delimiter));
  const result = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  return trimGrid(result.data);
}
