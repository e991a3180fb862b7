/**
 * Writes a built site to disk: every file into a fresh sibling temporary directory first, then
 * the old output is moved aside and the new one renamed into place, so a server reading `outDir`
 * sees either the old site or the new one, never half of each. The files may come one at a time
 * (`writeSiteAsync`), each written as it comes, so a site of every month is never held in memory
 * whole.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

export type SiteFile = [path: string, content: string | Uint8Array];

export interface Written {
  files: number;
  bytes: number;
}

/** Refuses paths that would leave the output directory (absolute, `..`, empty segments). */
function checkedPath(path: string): string {
  const parts = path.split("/");
  if (path.startsWith("/") || parts.some((p) => p === "" || p === "." || p === "..") || path.includes("\\")) {
    throw new Error(`writeSite: refusing file path ${JSON.stringify(path)}`);
  }
  return parts.join(sep);
}

/** A temporary folder beside `outDir` that takes files and then replaces `outDir` whole. */
function staging(outDir: string) {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  const written: Written = { files: 0, bytes: 0 };
  return {
    written,
    write([path, content]: SiteFile) {
      const file = join(temp, checkedPath(path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      written.files += 1;
      written.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
    },
    commit() {
      let moved = false;
      try {
        renameSync(target, old);
        moved = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      try {
        renameSync(temp, target);
      } catch (error) {
        if (moved) renameSync(old, target);
        throw error;
      }
      if (moved) rmSync(old, { recursive: true, force: true });
    },
    cleanUp() {
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

export function writeSite(files: Iterable<SiteFile>, outDir: string): Written {
  const stage = staging(outDir);
  try {
    for (const file of files) stage.write(file);
    stage.commit();
    return stage.written;
  } finally {
    stage.cleanUp();
  }
}

/** As `writeSite`, for files that come one at a time. */
export async function writeSiteAsync(files: AsyncIterable<SiteFile>, outDir: string): Promise<Written> {
  const stage = staging(outDir);
  try {
    for await (const file of files) stage.write(file);
    stage.commit();
    return stage.written;
  } finally {
    stage.cleanUp();
  }
}
