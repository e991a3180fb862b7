import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { bitonicMergeLayers, sortingLayers, withMedianAndMad } from "./robustStats.ts";
import { fixtureWarehouse } from "./test/warehouseFixture.ts";

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

describe("sorting networks", () => {
  const random = seeded(7);
  it("sort any n values (missing ones last)", () => {
    for (let n = 1; n <= 24; n++) {
      for (let t = 0; t < 300; t++) {
        const values = Array.from({ length: n }, () =>
          random() < 0.2 ? Number.POSITIVE_INFINITY : Math.floor(random() * 10),
        );
        const s = [...values];
        for (const layer of sortingLayers(n))
          for (const [a, b] of layer) if (s[a] > s[b]) [s[a], s[b]] = [s[b], s[a]];
        expect(s).toEqual([...values].sort((a, b) => a - b));
      }
    }
  });
  it("merge the distances from a median (falling, then rising)", () => {
    for (let n = 1; n <= 24; n++) {
      for (let t = 0; t < 300; t++) {
        const present = Math.floor(random() * (n + 1));
        const sorted = Array.from({ length: present }, () => Math.floor(random() * 20)).sort((a, b) => a - b);
        const pivot = median(sorted) ?? 0;
        const d = Array.from({ length: n }, (_, i) =>
          i < present ? Math.abs(sorted[i] - pivot) : Number.POSITIVE_INFINITY,
        );
        const s = [...d];
        for (const layer of bitonicMergeLayers(n))
          for (const [a, b] of layer) if (s[a] > s[b]) [s[a], s[b]] = [s[b], s[a]];
        expect(s).toEqual([...d].sort((a, b) => a - b));
      }
    }
  });
});

describe("withMedianAndMad on DuckDB", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse([]);
  });
  afterAll(() => db.close());

  it("matches the median and MAD of the months present", async () => {
    const random = seeded(11);
    const n = 12;
    const rows = Array.from({ length: 200 }, () =>
      Array.from({ length: n }, () => (random() < 0.25 ? null : Math.floor(random() * 50))),
    );
    const values = rows
      .map((r, id) => `(${id}, ${r.map((v) => (v === null ? "NULL::DOUBLE" : `${v}::DOUBLE`)).join(", ")})`)
      .join(",\n");
    const cols = Array.from({ length: n }, (_, i) => `c${i}`).join(", ");
    const from = `SELECT * FROM (VALUES ${values}) t(id, ${cols})`;
    const got = await db.query<{ id: number; n_months: number; med: number | null; mad: number | null }>(
      `SELECT id, n_months, med, mad FROM (${withMedianAndMad(from, n)}) ORDER BY id`,
    );
    rows.forEach((r, id) => {
      const present = r.filter((v): v is number => v !== null);
      const med = median(present);
      const mad = med === null ? null : median(present.map((v) => Math.abs(v - med)));
      expect(got[id]).toEqual({ id, n_months: present.length, med, mad });
    });
  });
});
