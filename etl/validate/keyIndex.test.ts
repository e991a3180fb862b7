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
});
