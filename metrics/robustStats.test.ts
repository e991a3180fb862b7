import { describe, expect, it } from "vitest";
import { medianAndMad } from "./robustStats.ts";

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** A seeded generator, so the cases are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("medianAndMad", () => {
  it("matches the median and MAD of the values present", () => {
    const random = seeded(11);
    for (let n = 0; n <= 36; n++) {
      for (let t = 0; t < 100; t++) {
        const present = Array.from({ length: n }, () =>
          t % 2 ? Math.floor(random() * 50) : Math.round((random() - 0.5) * 1e5) / 100,
        );
        const med = median(present);
        const mad = med === null ? null : median(present.map((v) => Math.abs(v - med)));
        const values = new Float64Array(36 + 3).fill(-1);
        values.set(present);
        const got = medianAndMad(values, n, new Float64Array(36));
        expect({
          med: Number.isNaN(got.med) ? null : got.med,
          mad: Number.isNaN(got.mad) ? null : got.mad,
        }).toEqual({ med, mad });
      }
    }
  });
});
