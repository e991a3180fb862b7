/**
 * Backup and restore as Parquet: one file per table plus manifest.json (schema version, row
 * counts, sha256 of each file). The warehouse instance cannot touch files (external access is
 * off), so the files are written and read by a separate in-memory DuckDB instance, and the data
 * moves between the two as data chunks. A backup holds everything the database does, so its
 * folder is 0700 and its files 0600 (warehouse/privateFiles.ts), as the database's own are.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance, type DuckDBResult } from "@duckdb/node-api";
import { DataError, finding } from "../core/finding.ts";
import type { Warehouse } from "./db.ts";
import { withPrivateFiles } from "./privateFiles.ts";

interface BackupManifest {
  format: "jobtrack-backup";
  schema_version: number;
  created_at: string;
  tables: { name: string; file: string; rows: number; sha256: string }[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function baseTables(db: Warehouse): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
     WHERE schema_name = 'main' AND database_name = current_database() AND NOT temporary AND table_name <> 'meta'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

type Chunk = NonNullable<Awaited<ReturnType<DuckDBResult["fetchChunk"]>>>;

async function pipe(result: DuckDBResult, append: (chunk: Chunk) => void) {
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    append(chunk);
  }
}

/** Writes every table to `dir` (created; written to a temp folder first, then renamed). */
export function backup(db: Warehouse, dir: string, now: Date): Promise<BackupManifest> {
  return withPrivateFiles(() => writeBackup(db, dir, now));
}

async function writeBackup(db: Warehouse, dir: string, now: Date): Promise<BackupManifest> {
  const target = resolve(dir);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const io = await DuckDBInstance.create(":memory:");
  const ioc = await io.connect();
  const source = await db.connect();
  const manifest: BackupManifest = {
    format: "jobtrack-backup",
    schema_version: db.schemaVersion,
    created_at: now.toISOString(),
    tables: [],
  };
  try {
    for (const table of await baseTables(db)) {
      const columns = await db.query<{ name: string; type: string }>(
        "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $t AND schema_name = 'main' ORDER BY column_index",
        { t: table },
      );
      await ioc.run(
        `CREATE TABLE ${quote(table)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(", ")})`,
      );
      const appender = await ioc.createAppender(table);
      const result = await source.stream(`SELECT * FROM ${quote(table)}`);
      let rows = 0;
      await pipe(result, (chunk) => {
        rows += chunk.rowCount;
        appender.appendDataChunk(chunk);
      });
      appender.flushSync();
      appender.closeSync();
      const file = `${table}.parquet`;
      await ioc.run(
        `COPY ${quote(table)} TO ${literal(join(staging, file))} (FORMAT parquet, COMPRESSION zstd)`,
      );
      const sha256 = createHash("sha256")
        .update(readFileSync(join(staging, file)))
        .digest("hex");
      manifest.tables.push({ name: table, file, rows, sha256 });
    }
    writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return manifest;
  } finally {
    source.closeSync();
    ioc.closeSync();
    io.closeSync();
    rmSync(staging, { recursive: true, force: true });
  }
}

function restoreError(code: string, zh: string, en: string): DataError {
  return new DataError([finding(null, null, code, zh, en)]);
}

/** Replaces every table's contents with the backup in `dir`, in one transaction. */
export async function restore(db: Warehouse, dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    throw restoreError(
      "backup_unreadable",
      `${dir} 不是有效的备份目录（缺少或无法读取 manifest.json）。`,
      `${dir} is not a backup folder (manifest.json is missing or unreadable).`,
    );
  }
  if (manifest.format !== "jobtrack-backup" || manifest.schema_version > db.schemaVersion) {
    throw restoreError(
      "backup_incompatible",
      `备份的结构版本 ${manifest.schema_version} 比数据库的 ${db.schemaVersion} 新，或不是 jobtrack 备份。`,
      `The backup's schema version ${manifest.schema_version} is newer than the database's ${db.schemaVersion}, or it is not a jobtrack backup.`,
    );
  }
  for (const t of manifest.tables) {
    const sha = createHash("sha256")
      .update(readFileSync(join(dir, t.file)))
      .digest("hex");
    if (sha !== t.sha256) {
      throw restoreError(
        "backup_corrupt",
        `备份文件 ${t.file} 已损坏（校验和不符）。`,
        `Backup file ${t.file} is damaged (checksum mismatch).`,
      );
    }
  }
  const io = await DuckDBInstance.create(":memory:");
  const ioc = await io.connect();
  try {
    const present = new Set(await baseTables(db));
    await db.write(async (tx) => {
      for (const table of present) await tx.run(`DELETE FROM ${quote(table)}`);
      for (const t of manifest.tables) {
        if (!present.has(t.name)) continue;
        const path = literal(join(resolve(dir), t.file));
        const described = await ioc.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${path})`);
        const columns = described
          .getRowObjectsJS()
          .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
        const staging = `restore_${t.name}`;
        await tx.run(
          `CREATE OR REPLACE TEMP TABLE ${quote(staging)} (${columns.map((c) => `${quote(c.name)} ${c.type}`).join(", ")})`,
        );
        const result = await ioc.stream(`SELECT * FROM read_parquet(${path})`);
        const chunks: Chunk[] = [];
        await pipe(result, (chunk) => chunks.push(chunk));
        await tx.appendChunks(staging, chunks);
        await tx.run(`INSERT INTO ${quote(t.name)} BY NAME SELECT * FROM ${quote(staging)}`);
        await tx.run(`DROP TABLE ${quote(staging)}`);
      }
    });
    return manifest;
  } finally {
    ioc.closeSync();
    io.closeSync();
  }
}
