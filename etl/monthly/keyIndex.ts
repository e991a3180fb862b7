/**
 * A map from non-negative integer keys (up to 2^53) to non-negative integers, on typed arrays
 * with open addressing. The duplicate checks of a million-row file ask it for every unit-month;
 * a `Map` with keys past the small-integer range allocates a heap number per key and spends more
 * time collecting garbage than looking up.
 *
 * While keys arrive in ascending order (a file sorted by unit and month, the common case) a new
 * key cannot be present yet, so nothing is probed: keys are only noted. The table is built the
 * first time a key arrives out of order.
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
  /** The largest key seen; keys above it are known to be new. */
  #max = -1;
  /** Keys (and values) noted in ascending order and not yet in the table: the first #pending. */
  #pendingKeys = new Float64Array(64);
  #pendingValues = new Int32Array(64);
  #pending = 0;

  /** `expected`: about how many keys will be stored; the table grows past it anyway. */
  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#keys = new Float64Array(0);
    this.#values = new Int32Array(0);
    this.#mask = capacity - 1;
  }

  get size(): number {
    return this.#size + this.#pending;
  }

  /** The value stored for the key, or -1. */
  get(key: number): number {
    if (key > this.#max) return EMPTY;
    this.#flush();
    const keys = this.#keys;
    let slot = hashOf(key) & this.#mask;
    for (;;) {
      const k = keys[slot];
      if (k === key) return this.#values[slot];
      if (k === EMPTY) return EMPTY;
      slot = (slot + 1) & this.#mask;
    }
  }

  /**
   * Stores the value unless the key is already there; returns the earlier value, or -1 when
   * this call stored it. One probe where `get` then `set` would take two.
   */
  claim(key: number, value: number): number {
    if (key > this.#max) {
      this.#max = key;
      const n = this.#pending;
      if (n === this.#pendingKeys.length) {
        const keys = new Float64Array(n * 2);
        keys.set(this.#pendingKeys);
        this.#pendingKeys = keys;
        const values = new Int32Array(n * 2);
        values.set(this.#pendingValues);
        this.#pendingValues = values;
      }
      this.#pendingKeys[n] = key;
      this.#pendingValues[n] = value;
      this.#pending = n + 1;
      return EMPTY;
    }
    this.#flush();
    return this.#insert(key, value, false);
  }

  /** Stores the value for the key, replacing an earlier one. */
  set(key: number, value: number): void {
    if (key > this.#max) {
      this.claim(key, value);
      return;
    }
    this.#flush();
    this.#insert(key, value, true);
  }

  #insert(key: number, value: number, replace: boolean): number {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    const keys = this.#keys;
    let slot = hashOf(key) & this.#mask;
    for (;;) {
      const k = keys[slot];
      if (k === key) {
        const earlier = this.#values[slot];
        if (replace) this.#values[slot] = value;
        return earlier;
      }
      if (k === EMPTY) {
        keys[slot] = key;
        this.#values[slot] = value;
        this.#size++;
        return EMPTY;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Moves the noted keys into the table, the first time one is needed there. */
  #flush(): void {
    const pending = this.#pending;
    if (pending === 0) return;
    const keys = this.#pendingKeys;
    const values = this.#pendingValues;
    this.#pending = 0;
    while ((this.#size + pending) * 2 > this.#mask + 1) this.#mask = this.#mask * 2 + 1;
    if (this.#keys.length < this.#mask + 1) this.#rehash(this.#mask + 1);
    for (let i = 0; i < pending; i++) this.#insert(keys[i], values[i], true);
  }

  #grow(): void {
    // the first table gets the planned capacity; later ones double
    this.#rehash(this.#keys.length === 0 ? this.#mask + 1 : this.#keys.length * 2);
  }

  #rehash(capacity: number): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    this.#keys = new Float64Array(capacity).fill(EMPTY);
    this.#values = new Int32Array(capacity);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let i = 0; i < oldKeys.length; i++)
      if (oldKeys[i] !== EMPTY) this.#insert(oldKeys[i], oldValues[i], true);
  }
}
