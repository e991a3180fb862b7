/**
 * The distinct texts of a table's cells, each numbered once: a cell is stored as the number
 * (its code) of its text. Cells repeat a lot (unit codes, months, indicator keys, small counts),
 * so a million-row file holds a few thousand distinct texts, and everything that reads a cell's
 * text (the privacy check, the unit, month and number parsers) can do it once per code.
 *
 * Cells are slices of one UTF-8 buffer, looked up by a hash of their bytes in an open-addressing
 * table and compared with the bytes of the text's first occurrence, so no string is made for a
 * cell whose text came before. Long cells and, past a limit, new texts get a code of their own
 * without a lookup: they are rarely repeated. So do the cells of a column that holds few repeats
 * (plainCsv.ts), such as case ids: equal texts then need not share a code.
 */

/** Cells longer than this (in bytes) get a code of their own. */
export const SHARED_MAX = 24;
const FIRST_SIZE = 1 << 10;
const MAX_SIZE = 1 << 18;
/** The code of the empty cell, in every dictionary. */
export const EMPTY_CODE = 0;

/** The first slot to probe: the hash mixed (murmur3's finalizer), since similar texts hash alike. */
function slotOf(hash: number, mask: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** A slot of the table: the text's hash, its code + 1 (0: free), where it first occurred, its length. */
const SLOT = 4;

export class CellDictionary {
  /** By code: the text. Code 0 is the empty cell. */
  readonly texts: string[] = [""];
  readonly #bytes: Uint8Array;
  readonly #buffer: Buffer;
  /** SLOT numbers per slot, kept together so that a probe reads one cache line. */
  #table = new Int32Array(FIRST_SIZE * SLOT);
  #mask = FIRST_SIZE - 1;
  #count = 0;

  /** A dictionary of cells of `bytes` (UTF-8). */
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * The code of bytes[start, end), whose bytes hash to `hash` as the readers compute it:
   * `hash = (Math.imul(hash, 31) + byte) | 0` from 0.
   */
  codeOf(start: number, end: number, hash: number): number {
    const length = end - start;
    if (length === 0) return EMPTY_CODE;
    if (length > SHARED_MAX) return this.#add(start, end);
    const bytes = this.#bytes;
    const table = this.#table;
    let slot = slotOf(hash, this.#mask);
    for (;;) {
      const at = slot * SLOT;
      const entry = table[at + 1];
      if (entry === 0) break;
      if (table[at] === hash && table[at + 3] === length) {
        const first = table[at + 2];
        let k = 0;
        while (k < length && bytes[start + k] === bytes[first + k]) k++;
        if (k === length) return entry - 1;
      }
      slot = (slot + 1) & this.#mask;
    }
    const code = this.#add(start, end);
    // the table keeps at most half its slots filled, and stops growing at MAX_SIZE
    if ((this.#count + 1) * 2 > this.#mask + 1) {
      if (this.#mask + 1 >= MAX_SIZE) return code;
      this.#grow();
      slot = this.#freeSlot(hash);
    }
    const at = slot * SLOT;
    this.#table[at] = hash;
    this.#table[at + 1] = code + 1;
    this.#table[at + 2] = start;
    this.#table[at + 3] = length;
    this.#count++;
    return code;
  }

  /** A code of its own for bytes[start, end), without a lookup: for texts seldom repeated. */
  fresh(start: number, end: number): number {
    return end === start ? EMPTY_CODE : this.#add(start, end);
  }

  #add(start: number, end: number): number {
    return this.texts.push(this.#buffer.toString("utf8", start, end)) - 1;
  }

  #freeSlot(hash: number): number {
    let slot = slotOf(hash, this.#mask);
    while (this.#table[slot * SLOT + 1] !== 0) slot = (slot + 1) & this.#mask;
    return slot;
  }

  #grow(): void {
    const old = this.#table;
    const size = (this.#mask + 1) * 2;
    this.#table = new Int32Array(size * SLOT);
    this.#mask = size - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] === 0) continue;
      this.#table.set(old.subarray(at, at + SLOT), this.#freeSlot(old[at]) * SLOT);
    }
  }
}
