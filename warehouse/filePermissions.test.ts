/**
 * The files that hold the data are readable by their owner only: the database, its write-ahead
 * log (created again after every checkpoint), the folder made for them and every backup (the
 * server's hand-off file: server/serverFile.test.ts).
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import { backup } from "./parquet.ts";
import { withPrivateFiles } from "./privateFiles.ts";

const mode = (path: string) => statSync(path).mode & 0o777;
const currentUmask = () => {
  const mask = process.umask(0o022);
  process.umask(mask);
  return mask;
};

let dir = "";
let db: Warehouse | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("file permissions", () => {
  it("the database folder is 0700, the database and its write-ahead log 0600, after every checkpoint too", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-perm-"));
    const path = join(dir, "data", "jobtrack.duckdb");
    const before = currentUmask();
    db = await Warehouse.open({ path });
    expect(mode(join(dir, "data"))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    await db.write((tx) => tx.run("CREATE TABLE t (x INTEGER)"));
    expect(existsSync(`${path}.wal`)).toBe(true);
    expect(mode(`${path}.wal`)).toBe(0o600);
    await db.close();
    // the log is gone at the checkpoint of close; the next write creates a new one
    expect(existsSync(`${path}.wal`)).toBe(false);
    db = await Warehouse.open({ path });
    await db.write((tx) => tx.run("INSERT INTO t VALUES (1)"));
    expect(mode(`${path}.wal`)).toBe(0o600);
    expect(readdirSync(join(dir, "data")).every((name) => mode(join(dir, "data", name)) === 0o600)).toBe(
      true,
    );
    // the process's own umask is back once the warehouse is idle
    expect(currentUmask()).toBe(before);
  });

  it("a database file left readable by others (by an older version) is made private at open", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-perm-"));
    const path = join(dir, "old.duckdb");
    db = await Warehouse.open({ path });
    await db.close();
    chmodSync(path, 0o644);
    db = await Warehouse.open({ path });
    expect(mode(path)).toBe(0o600);
  });

  it("a backup's folder is 0700 and its Parquet files and manifest 0600", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-perm-"));
    db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    const target = join(dir, "backups", "2022-09-15");
    const manifest = await backup(db, target, new Date("2022-09-15T02:00:00Z"));
    expect(manifest.tables.length).toBeGreaterThan(5);
    expect(mode(join(dir, "backups"))).toBe(0o700);
    expect(mode(target)).toBe(0o700);
    const files = readdirSync(target);
    expect(files).toContain("manifest.json");
    expect(files.filter((f) => f.endsWith(".parquet")).length).toBe(manifest.tables.length);
    for (const file of files) expect([file, mode(join(target, file))]).toEqual([file, 0o600]);
  });

  it("overlapping private sections restore the umask only after the last", async () => {
    const before = currentUmask();
    let release: () => void = () => {};
    const first = withPrivateFiles(() => new Promise<void>((resolve) => (release = resolve)));
    const second = withPrivateFiles(async () => currentUmask());
    expect(await second).toBe(before | 0o077);
    expect(currentUmask()).toBe(before | 0o077);
    release();
    await first;
    expect(currentUmask()).toBe(before);
  });
});
