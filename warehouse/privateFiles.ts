/**
 * Files that hold the data are readable by their owner only. DuckDB creates the database file,
 * its write-ahead log (removed at every checkpoint and created again by the next write) and its
 * spill files itself, with the process's umask, and takes no mode; so while it may create one
 * (opening, writing, checkpointing, a backup's COPY) the process's umask also masks group and
 * other: the files are born 0600 and folders 0700. The umask is process-wide, so a file another
 * task of this process creates in that moment (a dashboard page written during an upload, say)
 * is private too, which costs nothing: the server that wrote it serves it. Calls nest and
 * overlap; the umask in force before the first is put back after the last.
 */
import { chmodSync, statSync } from "node:fs";

const PRIVATE = 0o077;
let depth = 0;
let saved = 0;

function enter(): void {
  if (depth++ === 0) {
    saved = process.umask(PRIVATE);
    // never loosen a stricter umask
    process.umask(saved | PRIVATE);
  }
}

function leave(): void {
  if (--depth === 0) process.umask(saved);
}

/** Runs `fn` with group and other masked from every file and folder the process creates meanwhile. */
export async function withPrivateFiles<T>(fn: () => Promise<T>): Promise<T> {
  enter();
  try {
    return await fn();
  } finally {
    leave();
  }
}

/** Takes group and other access from an existing file, when it has any (a file of an older version, a copied one). */
export function makePrivate(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && (stat.mode & PRIVATE) !== 0) chmodSync(path, stat.mode & ~PRIVATE & 0o7777);
}
