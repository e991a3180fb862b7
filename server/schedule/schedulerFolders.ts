/**
 * The scheduler's folders, made when the server starts so the administrator can find them (and
 * the clerks drop files into them) before any job has run: the inbox (by default `inbox/<unit
 * code>/` beside the database, one folder per unit), the reminders' outbox and the backups.
 * Made with mode 0700: they hold the district's reports and whole copies of the database, for the
 * service's account only. A folder source named in the config (often a network share) is never
 * made here: a missing share must show as a failed pull, not as an empty local folder.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { ScheduleConfig } from "./scheduleConfig.ts";

export interface SchedulerFolders {
  /** The folder holding one inbox per unit, when the default sources apply; else null. */
  inbox: string | null;
  /** Every folder a folder source watches. */
  sources: string[];
  outbox: string;
  backups: string;
  /** The folders this start made (they did not exist before). */
  created: string[];
}

export function schedulerFolders(config: ScheduleConfig): Omit<SchedulerFolders, "created"> {
  const folders = config.ingest.sources.flatMap((s) => (s.kind === "folder" ? [s] : []));
  const defaults = folders.filter((s) => s.optional);
  return {
    inbox: defaults.length ? dirname(defaults[0].folder) : null,
    sources: folders.map((s) => s.folder),
    outbox: config.reminders.outbox,
    backups: config.backup.dir,
  };
}

/** Makes the inbox folders of the default sources, the outbox and the backups folder. */
export function ensureSchedulerFolders(config: ScheduleConfig): SchedulerFolders {
  const found = schedulerFolders(config);
  const wanted = [
    ...config.ingest.sources.flatMap((s) => (s.kind === "folder" && s.optional ? [s.folder] : [])),
    found.outbox,
    found.backups,
  ];
  const created: string[] = [];
  for (const path of wanted) {
    if (existsSync(path)) continue;
    mkdirSync(path, { recursive: true, mode: 0o700 });
    created.push(path);
  }
  return { ...found, created };
}
