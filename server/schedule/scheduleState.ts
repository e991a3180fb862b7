/**
 * The scheduler's small state file: for each URL source, the validators of the last fetch (ETag,
 * Last-Modified) and the sha256 of the body last ingested. Read when needed, written whole
 * through a temporary file and a rename, so a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

interface UrlState {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  fetchedAt: string;
}

interface ScheduleState {
  urls: Record<string, UrlState>;
}

export function readScheduleState(file: string): ScheduleState {
  if (!existsSync(file)) return { urls: {} };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<ScheduleState>;
    return { urls: typeof data.urls === "object" && data.urls !== null ? data.urls : {} };
  } catch {
    // an unreadable state only costs one full fetch per source
    return { urls: {} };
  }
}

/** Writes a file whole: a temporary file beside it, then a rename over the old one. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export function writeScheduleState(file: string, state: ScheduleState): void {
  writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);
}
