import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../core/finding.ts";
import { DOUBLE, INTEGER, VARCHAR, Warehouse } from "./db.ts";
import { latestVersion, readMigrations } from "./migrations.ts";

const tempFile = () => join(mkdtempSync(join(tmpdir(), "jobtrack-db-")), "test.duckdb");

describe("Warehouse", () => {
  it("creates the schema at the newest version with the §8 views", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    expect(db.schemaVersion).toBe(latestVersion(readMigrations()));
    const views = await db.query<{ name: string }>(
      "SELECT view_name AS name FROM duckdb_views() WHERE NOT internal ORDER BY 1",
    );
    expect(views.map((v) => v.name)).toEqual(expect.arrayContaining(["v_facts", "v_submissions", "v_units"]));
    await db.close();
  });

  it("append takes typed arrays and value arrays over several chunks, a typed array of another type by value", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    const n = 5000;
    // a view that starts past the beginning of its buffer
    const ints = Int32Array.from({ length: n + 3 }, (_, i) => i - 10).subarray(3);
    const doubles = Float64Array.from({ length: n }, (_, i) => i / 4);
    const texts = Array.from({ length: n }, (_, i) => `t${i}`);
    const sums = await db.write(async (tx) => {
      await tx.run("CREATE TEMP TABLE t (i INTEGER, d DOUBLE, s VARCHAR, w DOUBLE)");
      await tx.append("t", [INTEGER, DOUBLE, VARCHAR, DOUBLE], [ints, doubles, texts, ints.subarray(0, n)]);
      return tx.query(
        `SELECT count(*)::INTEGER AS n, sum(i)::DOUBLE AS i, sum(d) AS d, max(s) AS s, sum(w) AS w,
           max(i) FILTER (WHERE s = 't4321')::INTEGER AS at FROM t`,
      );
    });
    const total = (n * (n - 1)) / 2;
    expect(sums).toEqual([{ n, i: total - 7 * n, d: total / 4, s: "t999", w: total - 7 * n, at: 4314 }]);
    await db.close();
  });

  it("upgrades an older file: a version-1 database gets the later migrations and keeps its data", async () => {
    const path = tempFile();
    const old = await Warehouse.open({ path, migrations: readMigrations().filter((m) => m.version <= 1) });
    expect(old.schemaVersion).toBe(1);
    await old.write((tx) => tx.run("INSERT INTO units VALUES ('A', '甲镇', 'A Town', 'town')"));
    await old.close();
    const db = await Warehouse.open({ path });
    expect(db.schemaVersion).toBe(latestVersion(readMigrations()));
    expect(await db.query("SELECT unit, name_zh FROM v_units")).toEqual([{ unit: "A", name_zh: "甲镇" }]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM v_cases")).toEqual([{ n: 0 }]);
    await db.close();
  });

  it("refuses a file whose schema is newer than this program, naming both versions", async () => {
    const path = tempFile();
    const db = await Warehouse.open({ path });
    await db.write((tx) => tx.run("UPDATE meta SET value = '999' WHERE key = 'schema_version'"));
    await db.close();
    const error = await Warehouse.open({ path }).catch((e) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).findings[0].code).toBe("schema_too_new");
    expect((error as DataError).findings[0].en).toContain("999");
    expect((error as DataError).findings[0].zh).toContain("请升级");
  });

  it("refuses a second instance on the same file in one process", async () => {
    const path = tempFile();
    const db = await Warehouse.open({ path });
    await expect(Warehouse.open({ path })).rejects.toThrow(/already open/);
    await db.close();
    const again = await Warehouse.open({ path });
    await again.close();
  });

  it("runs writes one at a time, and a failed write leaves nothing behind", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((i) =>
        db.write(async (tx) => {
          order.push(i);
          await tx.run("INSERT INTO units VALUES ($c, $c, $c, 'town')", { c: `U${i}` });
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([1, 1, 2, 2, 3, 3]);
    await expect(
      db.write(async (tx) => {
        await tx.run("INSERT INTO units VALUES ('U9', 'x', 'x', 'town')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await db.query("SELECT code FROM units ORDER BY code");
    expect(rows).toEqual([{ code: "U1" }, { code: "U2" }, { code: "U3" }]);
    await db.close();
  });

  it("cannot read files through SQL at all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-x-"));
    writeFileSync(join(dir, "x.csv"), "a\n1\n");
    const db = await Warehouse.open({ path: ":memory:" });
    await expect(db.query(`SELECT * FROM read_csv('${join(dir, "x.csv")}')`)).rejects.toThrow(/disabled/);
    await db.close();
    expect(readdirSync(dir)).toEqual(["x.csv"]);
  });
});
