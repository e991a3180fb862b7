/**
 * CSV text without a single quote character needs no CSV state machine: rows end at LF, CRLF or
 * CR and cells at the delimiter. This is the common shape of large machine exports, so it gets
 * its own loop over the UTF-8 bytes, which hashes each cell's bytes as it passes them and stores
 * the cell as the code of its text (cellDictionary.ts): no string is made for a cell whose text
 * came before. Delimiters and line ends are ASCII, which no byte of a multi-byte UTF-8 character
 * can be, so every cell is whole UTF-8.
 */
import { CellDictionary, EMPTY_CODE, SHARED_MAX } from "./cellDictionary.ts";
import { CellTable } from "./cellTable.ts";

const LF = 10;
const CR = 13;

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}

/** Bytes sampled from the start to foresee how many cells and rows the text holds. */
const SAMPLE = 1 << 16;

/**
 * About how many cells and rows the text holds, a little over, judged from its first bytes:
 * arrays sized once are not copied while they fill (and the loop is not interrupted to grow them).
 */
function foreseen(bytes: Uint8Array, delim: number): { cells: number; rows: number } {
  const sample = Math.min(bytes.length, SAMPLE);
  let breaks = 1;
  let rows = 1;
  for (let i = 0; i < sample; i++) {
    const c = bytes[i];
    if (c === delim) breaks++;
    else if (c === LF || c === CR) {
      breaks++;
      rows++;
    }
  }
  const scale = (bytes.length / Math.max(sample, 1)) * 1.125;
  return { cells: Math.ceil(breaks * scale) + 1024, rows: Math.ceil(rows * scale) + 256 };
}

/**
 * Bytes read per call of the scanning loop. A loop the engine optimizes while it runs (on-stack
 * replacement) gets slower code than a function it optimizes between calls, so the text is read
 * in blocks by one method called many times.
 */
const BLOCK = 1 << 16;

/** The cells of quote-free CSV text given as UTF-8, untrimmed; `delimiter` is one ASCII character. */
export function plainCsvTable(bytes: Uint8Array, delimiter: string): CellTable {
  const reader = new PlainCsvReader(bytes, delimiter.charCodeAt(0));
  for (let at = 0; at < bytes.length; ) at = reader.scan(at, Math.min(bytes.length, at + BLOCK));
  return reader.table();
}

/**
 * Columns whose recent cells are remembered. A column mostly repeats one of its last two texts
 * (a unit code row after row, indicator keys taking turns), so a cell is first compared with
 * those, byte for byte, and only looked up in the dictionary when it is neither.
 */
const RECALLED_COLUMNS = 64;

/**
 * Filled cells of a column looked at before judging whether it repeats its texts. A column of
 * which nearly every such cell was a new text (ids, names) is not looked up any more: each of its
 * cells gets a code of its own, which keeps the dictionary's table small and quick for the rest.
 */
const JUDGED_CELLS = 1024;
const NEW_SHARE = 0.9;

/** The state of one pass over the text: the codes so far, and the row being read. */
class PlainCsvReader {
  readonly #bytes: Uint8Array;
  readonly #delim: number;
  readonly #dictionary: CellDictionary;
  #codes: Int32Array;
  #starts: Int32Array;
  #cells = 0;
  #rows = 0;
  #rowStart = 0;
  #width = 0;
  /**
   * By column, two recent cells: where their bytes start, their length (0: none) and code,
   * the more recent at 2·column.
   */
  readonly #recentStart = new Int32Array(RECALLED_COLUMNS * 2);
  readonly #recentLength = new Int32Array(RECALLED_COLUMNS * 2);
  readonly #recentCode = new Int32Array(RECALLED_COLUMNS * 2);
  /** By column: filled cells judged so far, how many of them were new texts, whether distinct. */
  readonly #judged = new Int32Array(RECALLED_COLUMNS);
  readonly #newTexts = new Int32Array(RECALLED_COLUMNS);
  readonly #distinct = new Uint8Array(RECALLED_COLUMNS);

  constructor(bytes: Uint8Array, delim: number) {
    this.#bytes = bytes;
    this.#delim = delim;
    this.#dictionary = new CellDictionary(bytes);
    const expected = foreseen(bytes, delim);
    this.#codes = new Int32Array(expected.cells);
    this.#starts = new Int32Array(expected.rows);
  }

  /**
   * Reads the cells that start in bytes [from, to), `from` being the start of a cell; returns
   * where the next cell starts (past `to` when the last cell goes on beyond it).
   */
  scan(from: number, to: number): number {
    const bytes = this.#bytes;
    const n = bytes.length;
    const delim = this.#delim;
    const recentStart = this.#recentStart;
    const recentLength = this.#recentLength;
    const recentCode = this.#recentCode;
    const distinct = this.#distinct;
    const dictionary = this.#dictionary;
    let codes = this.#codes;
    let cells = this.#cells;
    let rowStart = this.#rowStart;
    let i = from;
    while (i < to) {
      const column = cells - rowStart;
      let code = -1;
      if (column < RECALLED_COLUMNS && distinct[column] === 1) {
        const start = i;
        for (; i < n; i++) {
          const c = bytes[i];
          if (c === delim || c === LF || c === CR) break;
        }
        code = dictionary.fresh(start, i);
      } else if (column < RECALLED_COLUMNS) {
        const at = column * 2;
        code = recalled(bytes, i, recentStart[at], recentLength[at], recentCode[at], delim);
        if (code < 0) {
          code = recalled(bytes, i, recentStart[at + 1], recentLength[at + 1], recentCode[at + 1], delim);
          if (code >= 0) {
            // the older one is the more recent now
            swap(recentStart, at);
            swap(recentLength, at);
            swap(recentCode, at);
          }
        }
        if (code >= 0) {
          i += recentLength[at];
          if (this.#judged[column] < JUDGED_CELLS) this.#judge(column, false);
        }
      }
      if (code < 0) {
        const start = i;
        let hash = 0;
        for (; i < n; i++) {
          const c = bytes[i];
          if (c === delim || c === LF || c === CR) break;
          hash = (Math.imul(hash, 31) + c) | 0;
        }
        const known = dictionary.texts.length;
        code = i === start ? EMPTY_CODE : dictionary.codeOf(start, i, hash);
        if (i > start && column < RECALLED_COLUMNS && this.#judged[column] < JUDGED_CELLS)
          this.#judge(column, dictionary.texts.length > known);
        if (column < RECALLED_COLUMNS && i - start > 0 && i - start <= SHARED_MAX) {
          const at = column * 2;
          recentStart[at + 1] = recentStart[at];
          recentLength[at + 1] = recentLength[at];
          recentCode[at + 1] = recentCode[at];
          recentStart[at] = start;
          recentLength[at] = i - start;
          recentCode[at] = code;
        }
      }
      if (cells === codes.length) {
        codes = grown(codes);
        this.#codes = codes;
      }
      codes[cells++] = code;
      if (i === n) break;
      const c = bytes[i++];
      if (c === delim) continue;
      if (c === CR && i < n && bytes[i] === LF) i++;
      this.#endRow(cells);
      rowStart = cells;
    }
    this.#cells = cells;
    return i;
  }

  /** Counts a filled cell of the column, a new text or not, and judges the column once enough are. */
  #judge(column: number, isNew: boolean): void {
    if (isNew) this.#newTexts[column]++;
    if (++this.#judged[column] === JUDGED_CELLS)
      this.#distinct[column] = this.#newTexts[column] >= JUDGED_CELLS * NEW_SHARE ? 1 : 0;
  }

  #endRow(cells: number): void {
    if (this.#rows + 1 >= this.#starts.length) this.#starts = grown(this.#starts);
    this.#starts[this.#rows++] = this.#rowStart;
    if (cells - this.#rowStart > this.#width) this.#width = cells - this.#rowStart;
    this.#rowStart = cells;
  }

  table(): CellTable {
    // the last line, when the text does not end with a line break: the empty cell after a
    // final delimiter, and the row
    const n = this.#bytes.length;
    if (n > 0 && this.#bytes[n - 1] === this.#delim) {
      if (this.#cells === this.#codes.length) this.#codes = grown(this.#codes);
      this.#codes[this.#cells++] = EMPTY_CODE;
    }
    if (this.#cells > this.#rowStart) this.#endRow(this.#cells);
    this.#starts[this.#rows] = this.#cells;
    return new CellTable(this.#dictionary.texts, this.#codes, this.#starts, this.#rows, this.#width);
  }
}

/**
 * The code of the cell at bytes[i …] when it is the earlier cell bytes[start, start + length)
 * with that code, followed by the end of the cell; else -1.
 */
function recalled(
  bytes: Uint8Array,
  i: number,
  start: number,
  length: number,
  code: number,
  delim: number,
): number {
  if (length === 0) return -1;
  const end = i + length;
  if (end > bytes.length) return -1;
  for (let k = 0; k < length; k++) if (bytes[i + k] !== bytes[start + k]) return -1;
  if (end < bytes.length) {
    const c = bytes[end];
    if (c !== delim && c !== LF && c !== CR) return -1;
  }
  return code;
}

function swap(array: Int32Array, at: number): void {
  const t = array[at];
  array[at] = array[at + 1];
  array[at + 1] = t;
}

/** Splits quote-free CSV text into rows of cells; equal cells share one string. */
export function splitPlainCsv(text: string, delimiter: string): string[][] {
  return plainCsvTable(Buffer.from(text, "utf8"), delimiter).toGrid();
}
