import { describe, expect, it } from "vitest";
import { KeyIndex } from "./keyIndex.ts";

describe("KeyIndex", () => {
  it("get of a missing key is -1", () => {
    expect(new KeyIndex().get(42)).toBe(-1);
  });

  it("keeps keys past 2^32 apart from their low bits", () => {
    const index = new KeyIndex(4);
    index.set(2 ** 40 + 5, 1);
    index.set(5, 2);
    index.set(2 ** 52 + 5, 3);
    expect([index.get(2 ** 40 + 5), index.get(5), index.get(2 ** 52 + 5), index.get(2 ** 41 + 5)]).toEqual([
      1, 2, 3, -1,
    ]);
  });

  it("grows past its expected size and keeps every key", () => {
    const index = new KeyIndex(2);
    for (let k = 0; k < 10_000; k++) index.set(k * 64 + 3, k);
    expect(index.size).toBe(10_000);
    let ok = true;
    for (let k = 0; k < 10_000; k++) if (index.get(k * 64 + 3) !== k) ok = false;
    expect(ok).toBe(true);
    expect(index.get(64 * 10_000 + 3)).toBe(-1);
  });

  it("set of an existing key replaces its value", () => {
    const index = new KeyIndex();
    index.set(7, 1);
    index.set(7, 2);
    expect([index.get(7), index.size]).toEqual([2, 1]);
  });

  it("claim stores a new key (-1) and returns the earlier value of a known one", () => {
    const index = new KeyIndex();
    expect(index.claim(2 ** 35, 4)).toBe(-1);
    expect(index.claim(2 ** 35, 9)).toBe(4);
    expect(index.get(2 ** 35)).toBe(4);
  });

  it("keys claimed in ascending order, then out of order, are all found", () => {
    const index = new KeyIndex(4);
    for (let k = 0; k < 1000; k++) expect(index.claim(k * 3, k)).toBe(-1);
    expect(index.get(2999)).toBe(-1);
    expect(index.claim(30, 99)).toBe(10);
    expect(index.claim(31, 7)).toBe(-1);
    expect([index.get(0), index.get(2997), index.get(31), index.size]).toEqual([0, 999, 7, 1001]);
    expect(index.claim(5000, 1)).toBe(-1);
    expect(index.get(5000)).toBe(1);
  });
});
