/**
 * The nightly backup: warehouse/parquet.ts `backup()` into `<dir>/YYYY-MM-DD/` (the district's
 * date; a second run the same day replaces that day's copy), then retention: only the newest
 * `keep` dated folders stay. Leftover `.partial-<pid>` folders of an interrupted backup by another
 * process are removed too. Nothing else in the folder is touched. Writes wait while the copy is
 * taken, so every table is copied as of the same moment.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { districtToday } from "../../cli/io.ts";
import { backup } from "../../warehouse/parquet.ts";
import { recordAudit } from "../audit.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

export interface BackupOptions {
  dir: string;
  /** How many dated backups to keep. */
  keep: number;
}

export interface NightlyBackup {
  /** The folder written. */
  path: string;
  tables: number;
  /** Dated folders removed by retention, oldest first. */
  removed: string[];
}

const DATED = /^\d{4}-\d{2}-\d{2}$/;

/** The dated backup folders in `dir`, oldest first. */
export function datedBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && DATED.test(e.name))
    .map((e) => e.name)
    .sort();
}

export async function runNightlyBackup(env: SchedulerEnv, options: BackupOptions): Promise<NightlyBackup> {
  const now = env.clock();
  const day = districtToday(now);
  const path = join(options.dir, day);
  // holding the write queue keeps uploads from committing halfway through: one consistent copy
  const manifest = await env.db.write(() => backup(env.db, path, now));
  const ours = `.partial-${process.pid}`;
  for (const entry of readdirSync(options.dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.includes(".partial-") && !entry.name.endsWith(ours)) {
      rmSync(join(options.dir, entry.name), { recursive: true, force: true });
    }
  }
  const dated = datedBackups(options.dir);
  const removed = dated.slice(0, Math.max(0, dated.length - options.keep));
  for (const name of removed) rmSync(join(options.dir, name), { recursive: true, force: true });
  await recordAudit(env.db, {
    at: now,
    actor: "scheduler",
    tokenId: null,
    role: null,
    action: "job:backup",
    target: day,
    result: "ok",
    detail: { tables: manifest.tables.length, removed },
  });
  return { path, tables: manifest.tables.length, removed };
}
