/**
 * CSV text → a table of string cells. Excel writes `,` (or `;` in some locales) and "Unicode
 * text" uses tabs; fields holding the delimiter are quoted (`"1,234"`), and line ends are CRLF.
 * Every cell stays the string as written: numbers, months and units are read later, where a
 * problem can be reported with its row and column.
 */
import Papa from "papaparse";
import { CellTable } from "./cellTable.ts";
import { utf8String } from "./decode.ts";
import { plainCsvTable } from "./plainCsv.ts";
import { trimGrid } from "./trimGrid.ts";

const DELIMITERS = [",", ";", "\t"];

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DELIMITER_CODES = DELIMITERS.map((d) => d.charCodeAt(0));

/** How many characters of the text the delimiter is guessed from, at most. */
const GUESS_CHARS = 65536;

/**
 * Which of `,` `;` tab separates cells: the one that occurs most outside quotes in the first
 * lines. Read from the UTF-8 bytes: these characters are ASCII, and no byte of a multi-byte
 * character is; `chars` counts UTF-16 units, as the text's length would.
 */
function guessDelimiter(utf8: Uint8Array): string {
  const counts = [0, 0, 0];
  let quoted = false;
  let line = 0;
  let chars = 0;
  for (let i = 0; i < utf8.length && chars < GUESS_CHARS; i++) {
    const ch = utf8[i];
    // a character begins at a byte that is not 10xxxxxx; four-byte ones are two UTF-16 units
    if ((ch & 0xc0) !== 0x80) chars += ch >= 0xf0 ? 2 : 1;
    if (ch === QUOTE) quoted = !quoted;
    else if (!quoted && (ch === LF || (ch === CR && utf8[i + 1] !== LF))) {
      // a title row above the header often has no delimiter at all: look at a few lines
      if (counts[0] + counts[1] + counts[2] > 0 && ++line >= 3) break;
    } else if (!quoted) {
      const d = DELIMITER_CODES.indexOf(ch);
      if (d >= 0) counts[d]++;
    }
  }
  let best = 0;
  for (let d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
  return DELIMITERS[best];
}

/**
 * Parses CSV text, given as UTF-8 bytes, into a table of cells without trailing blank rows and
 * columns. Text with quotes goes through papaparse; quote-free text (most large exports) through
 * a plain split of the bytes.
 */
export function parseCsvTable(utf8: Uint8Array): CellTable {
  const delimiter = guessDelimiter(utf8);
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  if (bytes.indexOf(QUOTE) < 0) return plainCsvTable(utf8, delimiter).trimmed();
  const result = Papa.parse<string[]>(utf8String(utf8), {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  return CellTable.fromGrid(trimGrid(result.data));
}

/** Parses CSV text into rows of string cells, as parseCsvTable does. */
export function parseCsvGrid(text: string): string[][] {
  return parseCsvTable(Buffer.from(text, "utf8")).toGrid();
}
