/**
 * Writes a built site to disk: every file into a fresh sibling temporary directory first, then
 * the old output is moved aside and the new one renamed into place, so a server reading `outDir`
 * sees either the old site or the new one, never half of each.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/** Refuses paths that would leave the output directory (absolute, `..`, empty segments). */
function checkedPath(path: string): string {
  const parts = path.split("/");
  if (path.startsWith("/") || parts.some((p) => p === "" || p === "." || p === "..") || path.includes("\\")) {
    throw new Error(`writeSite: refusing file path ${JSON.stringify(path)}`);
  }
  return parts.join(sep);
}

export function writeSite(files: Map<string, string | Uint8Array>, outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  try {
    for (const [path, content] of files) {
      const file = join(temp, checkedPath(path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
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
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
