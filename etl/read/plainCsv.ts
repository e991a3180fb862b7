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

/** Splits quote-free CSV text into rows of cells; `delimiter` is one character. */
export function splitPlainCsv(text: string, delimiter: string): string[][] {
  const delim = delimiter.charCodeAt(0);
  const hashes = new Int32Array(TABLE_SIZE);
  const shared: (string | undefined)[] = new Array(TABLE_SIZE).fill(undefined);
  let sharedCount = 0;
  const grid: string[][] = [];
  const row: string[] = [];
  let width = 0;
  const n = text.length;
  let start = 0;
  let hash = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== delim && c !== 10 && c !== 13) {
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    const length = i - start;
    let cell: string;
    if (length === 0) cell = "";
    else if (length > SHARED_MAX) cell = text.slice(start, i);
    else {
      let slot = (hash ^ (hash >>> 15)) & TABLE_MASK;
      for (;;) {
        const candidate = shared[slot];
        if (candidate === undefined) {
          cell = text.slice(start, i);
          if (sharedCount < TABLE_LIMIT) {
            shared[slot] = cell;
            hashes[slot] = hash;
            sharedCount++;
          }
          break;
        }
        if (hashes[slot] === hash && candidate.length === length && text.startsWith(candidate, start)) {
          cell = candidate;
          break;
        }
        slot = (slot + 1) & TABLE_MASK;
      }
    }
    row[width++] = cell;
    hash = 0;
    start = i + 1;
    if (c === delim) continue;
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
      i++;
      start = i + 1;
    }
    if (i < n || width > 1 || row[0] !== "") grid.push(row.slice(0, width));
    width = 0;
  }
  return grid;
}
