import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../core/finding.ts";
import { Warehouse } from "./db.ts";
import { backup, restore } from "./parquet.ts";

async function seeded(): Promise<Warehouse> {
  const db = await Warehouse.open({ path: ":memory:" });
  await db.write(async (tx) => {
    await tx.run("INSERT INTO units VALUES ('A', '甲镇', 'A Town', 'town')");
    await tx.run(
      `INSERT INTO submissions VALUES
        (1, 'monthly', '甲镇8月.csv', 'aa', '2022-09-01 10:00:00+08', 'clerk', 'accepted', 1, ['A'], ['2022-08'], 'csv', 'gb18030', '[]'),
        (2, 'monthly', '甲镇8月-修订.csv', 'bb', '2022-09-09 10:00:00+08', 'clerk', 'accepted', 1, ['A'], ['2022-08'], 'csv', 'utf-8', '[]')`,
    );
    await tx.run(
      "INSERT INTO submission_unit_months VALUES (1, 'A', '2022-08', 1, 1, false), (2, 'A', '2022-08', 2, 1, true)",
    );
    await tx.run(
      "INSERT INTO facts VALUES (1, 'A', '2022-08', 'reemployed', 100, false), (2, 'A', '2022-08', 'reemployed', 112, true), (2, 'A', '2022-08', 'relief_financing', 1.25, true)",
    );
  });
  return db;
}

const facts = (db: Warehouse) => db.query("SELECT * FROM v_facts ORDER BY indicator");
const submissions = (db: Warehouse) => db.query("SELECT * FROM v_submissions ORDER BY submission_id");

describe("backup and restore", () => {
  it("restore into an empty database reproduces v_facts and v_submissions exactly", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "jobtrack-bak-")), "backup");
    const db = await seeded();
    const manifest = await backup(db, dir, new Date("2022-10-01T00:00:00Z"));
    expect(manifest.tables.find((t) => t.name === "facts")?.rows).toBe(3);
    const fresh = await Warehouse.open({ path: ":memory:" });
    await restore(fresh, dir);
    expect(await facts(fresh)).toEqual(await facts(db));
    expect(await facts(fresh)).toEqual([
      { unit: "A", month: "2022-08", indicator: "reemployed", value: 112, submission_id: 2 },
      { unit: "A", month: "2022-08", indicator: "relief_financing", value: 1.25, submission_id: 2 },
    ]);
    expect(await submissions(fresh)).toEqual(await submissions(db));
    await db.close();
    await fresh.close();
  });

  it("restore replaces what the database held", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "jobtrack-bak-")), "backup");
    const db = await seeded();
    await backup(db, dir, new Date("2022-10-01T00:00:00Z"));
    await db.write((tx) => tx.run("UPDATE facts SET value = 999"));
    await restore(db, dir);
    expect((await facts(db)).map((f) => f.value)).toEqual([112, 1.25]);
    await db.close();
  });

  it("refuses a damaged backup and leaves the database unchanged", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "jobtrack-bak-")), "backup");
    const db = await seeded();
    await backup(db, dir, new Date("2022-10-01T00:00:00Z"));
    const file = join(dir, "facts.parquet");
    const bytes = readFileSync(file);
    bytes[bytes.length - 20] ^= 0xff;
    writeFileSync(file, bytes);
    const error = await restore(db, dir).catch((e) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).findings[0].code).toBe("backup_corrupt");
    expect((await facts(db)).map((f) => f.value)).toEqual([112, 1.25]);
    await db.close();
  });
});
