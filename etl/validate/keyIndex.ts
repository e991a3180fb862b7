/**
 * A map from non-negative integer keys (up to 2^53) to non-negative integers, on typed arrays
 * with open addressing. The duplicate check of a million-row file asks it a million times; a
 * `Map` with keys past the small-integer range allocates a heap number per key and spends more
 * time collecting garbage than looking up.
 */

const EMPTY = -1;
const TWO_32 = 4294967296;

function hashOf(key: number): number {
  const lo = key >>> 0;
  const hi = (key / TWO_32) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  #keys: Float64Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  /** `expected`: about how many keys will be stored; the table grows past it anyway. */
  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#keys = new Float64Array(capacity).fill(EMPTY);
    this.#values = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** The value stored for the key, or -1. */
  get(key: number): number {
    const keys = this.#keys;
    let slot = hashOf(key) & this.#mask;
    for (;;) {
      const k = keys[slot];
      if (k === key) return this.#values[slot];
      if (k === EMPTY) return EMPTY;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Stores the value for the key, replacing an earlier one. */
  set(key: number, value: number): void {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    const keys = this.#keys;
    let slot = hashOf(key) & this.#mask;
    for (;;) {
      const k = keys[slot];
      if (k === key) break;
      if (k === EMPTY) {
        keys[slot] = key;
        this.#size++;
        break;
      }
      slot = (slot + 1) & this.#mask;
    }
    this.#values[slot] = value;
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    this.#keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.#values = new Int32Array(oldKeys.length * 2);
    this.#mask = this.#keys.length - 1;
    this.#size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i], oldValues[i]);
  }
}
