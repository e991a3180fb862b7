import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { districtDayEnd } from "../core/districtTime.ts";
import type { Warehouse } from "../warehouse/db.ts";
import { paramsFor } from "../warehouse/snapshot.ts";
import { factsSource, unitMonthsSource } from "./factsSource.ts";
import { fixtureWarehouse, submit } from "./test/warehouseFixture.ts";

describe("factsSource", () => {
  it("current: the current cells, filters bound as parameters", () => {
    const sql = factsSource(
      { kind: "current" },
      { from: "2022-01", to: "2022-03", unit: "310118001", indicators: ["reemployed"] },
    );
    expect(sql.sql).toBe(
      "SELECT f.unit, f.month, f.indicator, f.value FROM facts f WHERE f.current AND f.month BETWEEN $src_from AND $src_to AND f.unit = $src_unit AND f.indicator IN ($src_i0)",
    );
    expect(sql.params).toEqual({
      src_from: "2022-01",
      src_to: "2022-03",
      src_unit: "310118001",
      src_i0: "reemployed",
    });
  });

  it("as reported: the latest accepted submission per unit-month received before the day ends in Shanghai", () => {
    expect(districtDayEnd("2022-04-05")).toBe("2022-04-06T00:00:00+08:00");
    expect(districtDayEnd("2022-12-31")).toBe("2023-01-01T00:00:00+08:00");
    const sql = unitMonthsSource(
      { kind: "as_reported", day: "2022-04-05" },
      { from: "2022-01", to: "2022-12" },
    );
    expect(sql.sql).toContain("max(m.submission_id) AS submission_id");
    expect(sql.sql).toContain("s.received_at < $src_cutoff::TIMESTAMPTZ");
    expect(sql.params).toEqual({
      src_from: "2022-01",
      src_to: "2022-12",
      src_cutoff: "2022-04-06T00:00:00+08:00",
    });
  });

  it("passes only the parameters a statement names", () => {
    expect(paramsFor("SELECT $a, $ab", { a: 1, ab: 2, b: 3 })).toEqual({ a: 1, ab: 2 });
  });

  describe("on DuckDB", () => {
    let db: Warehouse;
    beforeAll(async () => {
      db = await fixtureWarehouse();
      await submit(db, "2022-04-05T23:59:00+08:00", [
        { unit: "310118001", month: "2022-03", reemployed: 36, new_jobs: 5 },
      ]);
      // the revision comes a minute after midnight, Shanghai time (still 5 April in UTC)
      await submit(db, "2022-04-06T00:01:00+08:00", [
        { unit: "310118001", month: "2022-03", reemployed: 35 },
      ]);
    });
    afterAll(() => db.close());

    const read = async (selection: Parameters<typeof factsSource>[0]) => {
      const sql = factsSource(selection, { from: "2022-01", to: "2022-12" });
      return db.query(`${sql.sql} ORDER BY indicator`, sql.params);
    };

    it("current reads the revision (whose blank cell is not reported)", async () => {
      expect(await read({ kind: "current" })).toEqual([
        { unit: "310118001", month: "2022-03", indicator: "reemployed", value: 35 },
      ]);
    });

    it("as reported on 5 April reads the first submission whole", async () => {
      expect(await read({ kind: "as_reported", day: "2022-04-05" })).toEqual([
        { unit: "310118001", month: "2022-03", indicator: "new_jobs", value: 5 },
        { unit: "310118001", month: "2022-03", indicator: "reemployed", value: 36 },
      ]);
      expect(await read({ kind: "as_reported", day: "2022-04-04" })).toEqual([]);
    });
  });
});
