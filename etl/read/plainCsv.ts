/**
 * CSV text without a single quote character needs no CSV state machine: rows end at LF, CRLF or
 * CR and cells at the delimiter. This is the common shape of large machine exports, so it gets
 * its own loop over the UTF-8 bytes, which hashes each cell's bytes as it passes them and stores
 * the cell as the code of its text (cellDictionary.ts): no string is made for a cell whose text
 * came before. Delimiters and line ends are ASCII, which no byte of a multi-byte UTF-8 character
 * can be, so every cell is whole UTF-8.
 */
import { CellDictionary, EMPTY_CODE } from "./cellDictionary.ts";
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

/** The state of one pass over the text: the codes so far, and the cell and row being read. */
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
  /** Where the cell being read starts, and the hash of its bytes so far. */
  #start = 0;
  #hash = 0;

  constructor(bytes: Uint8Array, delim: number) {
    this.#bytes = bytes;
    this.#delim = delim;
    this.#dictionary = new CellDictionary(bytes);
    const expected = foreseen(bytes, delim);
    this.#codes = new Int32Array(expected.cells);
    this.#starts = new Int32Array(expected.rows);
  }

  /** Reads bytes [from, to); returns where to go on (past `to` when a CRLF straddles it). */
  scan(from: number, to: number): number {
    const bytes = this.#bytes;
    const n = bytes.length;
    const delim = this.#delim;
    const dictionary = this.#dictionary;
    let codes = this.#codes;
    let cells = this.#cells;
    let start = this.#start;
    let hash = this.#hash;
    let i = from;
    for (; i < to; i++) {
      const c = bytes[i];
      if (c !== delim && c !== LF && c !== CR) {
        hash = (Math.imul(hash, 31) + c) | 0;
        continue;
      }
      if (cells === codes.length) {
        codes = grown(codes);
        this.#codes = codes;
      }
      codes[cells++] = i === start ? EMPTY_CODE : dictionary.codeOf(start, i, hash);
      hash = 0;
      start = i + 1;
      if (c === delim) continue;
      if (c === CR && i + 1 < n && bytes[i + 1] === LF) {
        i++;
        start = i + 1;
      }
      this.#endRow(cells);
    }
    this.#cells = cells;
    this.#start = start;
    this.#hash = hash;
    return i;
  }

  #endRow(cells: number): void {
    if (this.#rows + 1 >= this.#starts.length) this.#starts = grown(this.#starts);
    this.#starts[this.#rows++] = this.#rowStart;
    if (cells - this.#rowStart > this.#width) this.#width = cells - this.#rowStart;
    this.#rowStart = cells;
  }

  table(): CellTable {
    const n = this.#bytes.length;
    // the last line, when the text does not end with a line break
    if (this.#start < n || this.#cells > this.#rowStart) {
      if (this.#cells === this.#codes.length) this.#codes = grown(this.#codes);
      this.#codes[this.#cells++] = this.#dictionary.codeOf(this.#start, n, this.#hash);
      this.#endRow(this.#cells);
    }
    this.#starts[this.#rows] = this.#cells;
    return new CellTable(this.#dictionary.texts, this.#codes, this.#starts, this.#rows, this.#width);
  }
}

/** Splits quote-free CSV text into rows of cells; equal cells share one string. */
export function splitPlainCsv(text: string, delimiter: string): string[][] {
  return plainCsvTable(Buffer.from(text, "utf8"), delimiter).toGrid();
}
