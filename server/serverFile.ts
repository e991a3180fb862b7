/**
 * The server's half of the hand-off to the command line beside it. DuckDB lets one process open a
 * database file, so while `serve` runs, the server writes `<db file>.server.json` (mode 0600: pid,
 * url, and a random local key) and other `jobtrack` commands on the same machine send their argv
 * to `POST /api/cli` instead of opening the file (cli/localServer.ts is the other half). The file
 * is removed when the server stops.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

interface ServerFile {
  pid: number;
  url: string;
  key: string;
}

export function serverFilePath(dbPath: string): string {
  return `${dbPath}.server.json`;
}

export function newLocalKey(): string {
  return randomBytes(32).toString("base64url");
}

/** Writes the server file readable by its owner only (written aside, then renamed into place). */
export function writeServerFile(dbPath: string, file: ServerFile): void {
  const path = serverFilePath(dbPath);
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, `${JSON.stringify(file)}\n`, { mode: 0o600 });
  chmodSync(staging, 0o600);
  renameSync(staging, path);
}

/** The server file of a database, or null when there is none or it is not one. */
export function readServerFile(dbPath: string): ServerFile | null {
  try {
    const parsed = JSON.parse(readFileSync(serverFilePath(dbPath), "utf8")) as Partial<ServerFile>;
    if (typeof parsed.pid !== "number" || typeof parsed.url !== "string" || typeof parsed.key !== "string")
      return null;
    return { pid: parsed.pid, url: parsed.url, key: parsed.key };
  } catch {
    return null;
  }
}

/** Removes the server file if it is still this server's (another server may have replaced it). */
export function removeServerFile(dbPath: string, key: string): void {
  const current = readServerFile(dbPath);
  if (current && current.key !== key) return;
  rmSync(serverFilePath(dbPath), { force: true });
}
