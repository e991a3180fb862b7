/**
 * A folder source (`inbox/<unit>/`, often a shared network drive): each look lists the folder's
 * report files; a file is taken only once its size and modification time are the same as at the
 * previous look, so a file still being copied waits. A taken file is ingested for the source's
 * unit and moved to `processed/` (accepted or unchanged) or `rejected/` beside it, and a refused
 * one gets `<file>.findings.json` next to it in `rejected/`.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
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

/** A name in `dir` not taken yet: the file's own name, else with a timestamp and counter. */
function freeName(dir: string, name: string, stamp: string): string {
  if (!existsSync(join(dir, name))) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}.${stamp}${i === 1 ? "" : `-${i}`}${ext}`;
    if (!existsSync(join(dir, candidate))) return candidate;
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
      const stat = statSync(path);
      const before = options.looks.get(path);
      if (!before || before.size !== stat.size || before.mtimeMs !== stat.mtimeMs) {
        options.looks.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
        scan.waiting.push(name);
        continue;
      }
      // a file over the limit is refused unread
      const bytes = stat.size > options.maxBytes ? new Uint8Array(0) : readFileSync(path);
      const delivered = { fileName: name, bytes, size: stat.size };
      const result = await ingestForSource(env, source, delivered, options.maxBytes);
      const movedTo = settle(env, source, name, result);
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
function settle(env: SchedulerEnv, source: FolderSource, name: string, result: IngestResult): string {
  const rejected = result.status === "rejected";
  const dir = join(source.folder, rejected ? "rejected" : "processed");
  mkdirSync(dir, { recursive: true });
  const stamp = env.clock().toISOString().replace(/[-:]/g, "").slice(0, 15);
  const target = freeName(dir, name, stamp);
  if (rejected) {
    const doc = findingsDocument(source, result, env.clock());
    writeFileSync(join(dir, `${target}.findings.json`), `${JSON.stringify(doc, null, 2)}\n`);
  }
  renameSync(join(source.folder, name), join(dir, target));
  return join(dir, target);
}
