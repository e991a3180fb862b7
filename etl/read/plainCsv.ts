/**
 * CSV text without a single quote character needs no CSV state machine: rows end at LF, CRLF or
 * CR and cells at the delimiter. This is the common shape of large machine exports, so it gets
 * its own loop. Cells repeat a lot (unit codes, months, indicator keys, small counts); equal
 * short cells share one string, which keeps a million-row grid small and later lookups fast
 * (a string caches its hash).
 */

/** Cells longer than this are copied, not shared: they are rarely repeated. */
const SHARED_MAX = 24;
const TABLE_BITS = 18;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
/** The table stops taking new strings when half full; later cells are copied. */
const TABLE_LIMIT = TABLE_SIZE >> 1;

const LF = 10;
const CR = 13;

/** Equal cells share one string: an open-addressing table keyed by the cell's hash. */
class CellStrings {
  readonly #hashes = new Int32Array(TABLE_SIZE);
  readonly #strings: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);
  #count = 0;

  /** The string of text[start, end), shared with an equal earlier cell when there was one. */
  get(text: string, start: number, end: number, hash: number): string {
    const length = end - start;
    if (length === 0) return "";
    if (length > SHARED_MAX) return text.slice(start, end);
    let slot = (hash ^ (hash >>> 15)) & TABLE_MASK;
    for (;;) {
      const candidate = this.#strings[slot];
      if (candidate === undefined) break;
      if (this.#hashes[slot] === hash && candidate.length === length && sameChars(text, start, candidate)) {
        return candidate;
      }
      slot = (slot + 1) & TABLE_MASK;
    }
    const cell = text.slice(start, end);
    if (this.#count < TABLE_LIMIT) {
      this.#strings[slot] = cell;
      this.#hashes[slot] = hash;
      this.#count++;
    }
    return cell;
  }
}

function sameChars(text: string, start: number, candidate: string): boolean {
  for (let k = 0; k < candidate.length; k++) {
    if (text.charCodeAt(start + k) !== candidate.charCodeAt(k)) return false;
  }
  return true;
}

/** Splits quote-free CSV text into rows of cells; `delimiter` is one character. */
export function splitPlainCsv(text: string, delimiter: string): string[][] {
  const delim = delimiter.charCodeAt(0);
  const strings = new CellStrings();
  const grid: string[][] = [];
  const row: string[] = [];
  let width = 0;
  const n = text.length;
  let start = 0;
  let hash = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== delim && c !== LF && c !== CR) {
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    row[width++] = strings.get(text, start, i, hash);
    hash = 0;
    start = i + 1;
    if (c === delim) continue;
    if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) {
      i++;
      start = i + 1;
    }
    grid.push(row.slice(0, width));
    width = 0;
  }
  // the last line, when the text does not end with a line break
  if (start < n || width > 0) {
    row[width++] = strings.get(text, start, n, hash);
    grid.push(row.slice(0, width));
  }
  return grid;
}
