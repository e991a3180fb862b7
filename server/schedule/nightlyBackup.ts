/**
 * The nightly backup: warehouse/parquet.ts `backup()` into `<dir>/YYYY-MM-DD/` (the district's
 * date; a second run the same day replaces that day's copy), then retention: only the newest
 * `keep` dated folders stay. Leftover `.partial-<pid>` folders of an interrupted backup by another
 * process are removed too. Nothing else in the folder is touched. Writes wait while the copy is
 * taken, so every table is copied as of the same moment.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { districtIso, districtToday } from "../../core/districtTime.ts";
import { backup } from "../../warehouse/parquet.ts";
import { recordAudit } from "../audit.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

interface BackupOptions {
  dir: string;
  /** How many dated backups to keep. */
  keep: number;
}

interface NightlyBackup {
  /** The folder written. */
  path: string;
  tables: number;
  /** The size of the folder written. */
  bytes: number;
  /** Dated folders removed by retention, oldest first. */
  removed: string[];
}

/** A dated backup folder, for the administrator's page. */
export interface BackupFolder {
  /** The district's date it was taken on, YYYY-MM-DD (the folder's name). */
  day: string;
  path: string;
  bytes: number;
  /** When it was written (the manifest's time, +08:00); null when the manifest cannot be read. */
  created_at: string | null;
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

/** The bytes of the files in a folder and its subfolders. */
function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** The dated backups in `dir`, newest first, with their size and time. */
export function listBackups(dir: string): BackupFolder[] {
  return datedBackups(dir)
    .reverse()
    .map((day) => {
      const path = join(dir, day);
      let createdAt: string | null = null;
      try {
        const manifest = JSON.parse(readFileSync(join(path, "manifest.json"), "utf8")) as {
          created_at?: unknown;
        };
        const at = typeof manifest.created_at === "string" ? new Date(manifest.created_at) : null;
        createdAt = at && !Number.isNaN(at.getTime()) ? districtIso(at) : null;
      } catch {
        // a folder without a readable manifest is still listed: the administrator should see it
      }
      return { day, path, bytes: folderBytes(path), created_at: createdAt };
    });
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
  return { path, tables: manifest.tables.length, bytes: folderBytes(path), removed };
}
