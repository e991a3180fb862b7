/**
 * A folder source (`inbox/<unit>/`, often a shared network drive): each look lists the folder's
 * report files; a file is taken only once its size and modification time are the same as at the
 * previous look, so a file still being copied waits. A taken file is ingested for the source's
 * unit and moved to `processed/` (accepted or unchanged) or `rejected/` beside it, and a refused
 * one gets `<file>.findings.json` next to it in `rejected/`.
 *
 * Whoever may drop files into the inbox (a town's clerk on a shared drive) must not be able to
 * make the scheduler read or write anywhere else, so no symbolic link is ever followed out of it:
 * links among the files are left alone; a file is opened with O_NOFOLLOW and checked to be a
 * regular file on the open descriptor; `processed/` and `rejected/` must be real folders whose
 * real path is inside the inbox, checked before anything is ingested and again just before a file
 * is moved; and the findings file is created exclusively (O_EXCL does not follow a planted link).
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname, extname, join } from "node:path";
import type { IngestResult } from "../../etl/ingest.ts";
import { JobError } from "./guardedJob.ts";
import type { Source } from "./scheduleConfig.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";
import { findingsDocument, ingestForSource } from "./sourceIngest.ts";

type FolderSource = Extract<Source, { kind: "folder" }>;

/** Size and modification time of each file at the previous look, by path. */
export type FolderLooks = Map<string, { size: number; mtimeMs: number }>;

export interface FolderScan {
  /** Files ingested at this look, with their results. */
  ingested: { file: string; result: IngestResult; movedTo: string }[];
  /** Files seen for the first time or still changing; taken at a later look. */
  waiting: string[];
}

const REPORT_EXTENSIONS = new Set([".csv", ".txt", ".xlsx", ".xls"]);

/** Report files only: no hidden files, Office lock files (`~$…`), partial downloads or our own output. */
export function isReportFile(name: string): boolean {
  if (name.startsWith(".") || name.startsWith("~$")) return false;
  if (name.endsWith(".findings.json")) return false;
  return REPORT_EXTENSIONS.has(extname(name).toLowerCase());
}

/** Whether anything, a dangling link included, has this path. */
function taken(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** A name in `dir` not taken yet (nor its findings file's): the file's own name, else with a timestamp and counter. */
function freeName(dir: string, name: string, stamp: string): string {
  const free = (candidate: string) =>
    !taken(join(dir, candidate)) && !taken(join(dir, `${candidate}.findings.json`));
  if (free(name)) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}.${stamp}${i === 1 ? "" : `-${i}`}${ext}`;
    if (free(candidate)) return candidate;
  }
}

const DESTINATIONS = ["processed", "rejected"] as const;

/**
 * Checks that `processed/` or `rejected/` of the inbox, if present, is a real folder inside the
 * inbox (not a link, nor a link further up); creates it when `create` and absent. Returns its path.
 */
function destination(source: FolderSource, root: string, name: string, create: boolean): string {
  const dir = join(source.folder, name);
  const found = lstatSync(dir, { throwIfNoEntry: false });
  if (!found) {
    if (create) mkdirSync(dir);
    return dir;
  }
  if (!found.isDirectory() || realpathSync(dir) !== join(root, name)) {
    throw new JobError(
      `收件夹 ${source.name} 中的 ${name} 不是收件夹内的普通文件夹（可能是指向别处的链接），此收件夹暂停处理，请管理员检查。`,
      `${name} in the folder ${source.name} is not an ordinary folder inside it (perhaps a link to somewhere else); the folder is not handled until an administrator looks at it.`,
    );
  }
  return dir;
}

/** Reads a report file without following a link, as long as it is a regular file; null when it is not one. */
function readRegular(path: string, maxBytes: number): { bytes: Uint8Array; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    // a link put in the file's place after the folder was listed
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return null;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    // a file over the limit is refused unread
    if (stat.size > maxBytes) return { bytes: new Uint8Array(0), size: stat.size };
    // no more than the size looked at, even if the file grows meanwhile
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { bytes: bytes.subarray(0, at), size: stat.size };
  } finally {
    closeSync(fd);
  }
}

export async function scanFolder(
  env: SchedulerEnv,
  source: FolderSource,
  options: { looks: FolderLooks; maxBytes: number; onAccepted?: () => void },
): Promise<FolderScan> {
  const scan: FolderScan = { ingested: [], waiting: [] };
  if (!existsSync(source.folder)) {
    if (source.optional) return scan;
    throw new JobError(
      `收件夹 ${source.folder}（${source.name}）不存在或无法访问。`,
      `The folder ${source.folder} (${source.name}) does not exist or cannot be reached.`,
    );
  }
  const root = realpathSync(source.folder);
  for (const name of DESTINATIONS) destination(source, root, name, false);
  // entries are classified without following links: a link to a file is not a file here
  const names = readdirSync(source.folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isReportFile(entry.name))
    .map((entry) => entry.name)
    .sort();
  const present = new Set(names.map((name) => join(source.folder, name)));
  for (const path of options.looks.keys()) {
    if (dirname(path) === source.folder && !present.has(path)) options.looks.delete(path);
  }
  const problems: string[] = [];
  for (const name of names) {
    const path = join(source.folder, name);
    try {
      const stat = lstatSync(path);
      if (!stat.isFile()) continue;
      const before = options.looks.get(path);
      if (!before || before.size !== stat.size || before.mtimeMs !== stat.mtimeMs) {
        options.looks.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
        scan.waiting.push(name);
        continue;
      }
      const read = readRegular(path, options.maxBytes);
      if (!read) continue;
      const delivered = { fileName: name, bytes: read.bytes, size: read.size };
      const result = await ingestForSource(env, source, delivered, options.maxBytes);
      const movedTo = settle(env, source, root, name, result);
      options.looks.delete(path);
      scan.ingested.push({ file: name, result, movedTo });
      if (result.status === "accepted") options.onAccepted?.();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (problems.length) {
    throw new JobError(
      `收件夹 ${source.name} 中有文件未能处理，将在下次重试：${problems.join("；")}`,
      `Some files in ${source.name} could not be handled and will be retried: ${problems.join("; ")}`,
    );
  }
  return scan;
}

/** Moves the file out of the inbox by its verdict; returns where it went. */
function settle(
  env: SchedulerEnv,
  source: FolderSource,
  root: string,
  name: string,
  result: IngestResult,
): string {
  const rejected = result.status === "rejected";
  const dir = destination(source, root, rejected ? "rejected" : "processed", true);
  const stamp = env.clock().toISOString().replace(/[-:]/g, "").slice(0, 15);
  const target = freeName(dir, name, stamp);
  if (rejected) {
    const doc = findingsDocument(source, result, env.clock());
    writeFileSync(join(dir, `${target}.findings.json`), `${JSON.stringify(doc, null, 2)}\n`, { flag: "wx" });
  }
  // checked once more right before the move, the narrowest window a path-based API allows
  destination(source, root, rejected ? "rejected" : "processed", false);
  renameSync(join(source.folder, name), join(dir, target));
  return join(dir, target);
}
