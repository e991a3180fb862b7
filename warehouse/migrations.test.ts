import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import { latestVersion, readMigrations } from "./migrations.ts";

const PROGRESS_COLUMNS = [
  { name: "metric", type: "VARCHAR" },
  { name: "unit", type: "VARCHAR" },
  { name: "month", type: "VARCHAR" },
  { name: "actual", type: "DOUBLE" },
  { name: "target", type: "DOUBLE" },
  { name: "expected", type: "DOUBLE" },
  { name: "status", type: "VARCHAR" },
];

async function columns(db: Warehouse, table: string) {
  return db.query<{ name: string; type: string }>(
    "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $t ORDER BY column_index",
    { t: table },
  );
}

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("migrations 004 (job_runs), 005 (notes), 006 (progress)", () => {
  it("a fresh database has v_progress with docs/contract.md §8's columns, empty, and the job_runs and notes tables", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    expect(await columns(db, "v_progress")).toEqual(PROGRESS_COLUMNS);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM v_progress")).toEqual([{ n: 0 }]);
    expect((await columns(db, "job_runs")).map((c) => c.name)).toEqual([
      "run_id",
      "job",
      "source",
      "started_at",
      "finished_at",
      "result",
      "detail",
    ]);
    expect((await columns(db, "notes")).map((c) => c.name)).toEqual([
      "note_id",
      "unit",
      "metric",
      "month",
      "text",
      "author",
      "role",
      "token_id",
      "at",
    ]);
    await db.close();
  });

  it("upgrades a database made by migrations 001–003 on which `jobtrack report` had made progress, keeping its rows", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-upgrade-"));
    const path = join(dir, "old.duckdb");
    const old = await Warehouse.open({ path, migrations: readMigrations().filter((m) => m.version <= 3) });
    expect(old.schemaVersion).toBe(3);
    // what `jobtrack report` used to create beside the migrations
    await old.write(async (tx) => {
      await tx.run(`CREATE OR REPLACE TABLE progress (
  metric VARCHAR NOT NULL, unit VARCHAR, month VARCHAR NOT NULL,
  actual DOUBLE, target DOUBLE, expected DOUBLE, status VARCHAR NOT NULL)`);
      await tx.run(
        "INSERT INTO progress VALUES ('reemployed', NULL, '2022-08', 3205, 5000, 3333.3333, 'yellow')",
      );
      await tx.run("CREATE OR REPLACE VIEW v_progress AS SELECT * FROM progress");
      await tx.run("INSERT INTO units VALUES ('310118002', '盈浦街道', 'Yingpu Subdistrict', 'subdistrict')");
    });
    await old.close();

    const db = await Warehouse.open({ path });
    expect(db.schemaVersion).toBe(latestVersion(readMigrations()));
    expect(db.schemaVersion).toBeGreaterThanOrEqual(6);
    expect(await columns(db, "v_progress")).toEqual(PROGRESS_COLUMNS);
    expect(await db.query("SELECT metric, unit, month, actual, status FROM v_progress")).toEqual([
      { metric: "reemployed", unit: null, month: "2022-08", actual: 3205, status: "yellow" },
    ]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM job_runs")).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM notes")).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT unit FROM v_units")).toEqual([{ unit: "310118002" }]);
    await db.close();
  });

  it("upgrades a database made by migrations 001–003 that never ran a report: v_progress appears, empty", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-upgrade-"));
    const path = join(dir, "old.duckdb");
    const old = await Warehouse.open({ path, migrations: readMigrations().filter((m) => m.version <= 3) });
    expect(
      await old.query("SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'v_progress'"),
    ).toEqual([{ n: 0 }]);
    await old.close();
    const db = await Warehouse.open({ path });
    expect(await columns(db, "v_progress")).toEqual(PROGRESS_COLUMNS);
    await db.close();
  });
});
