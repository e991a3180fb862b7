/**
 * The command line beside a running server. DuckDB lets one process open a database file, so while
 * `serve` runs, the server writes `<db file>.server.json` (mode 0600: pid, url, and a random local
 * key) and other `jobtrack` commands on the same machine send their argv to `POST /api/cli`
 * instead of opening the file. The file is removed when the server stops; a file left behind by a
 * server that died is noticed (its process is gone) and removed.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { CliError } from "../cli/cliError.ts";
import { LOCAL_KEY_HEADER } from "./routes/cli.ts";

export interface ServerFile {
  pid: number;
  url: string;
  key: string;
}

export interface LocalServer {
  url: string;
  key: string;
}

export interface ForwardedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
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

function readServerFile(dbPath: string): ServerFile | null {
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The server running on this database file, if one answers: the file must exist, its process be
 * alive and its /healthz answer. A file whose process is gone, or whose address refuses
 * connections, is stale and removed.
 */
export async function findLocalServer(dbPath: string, timeoutMs = 3000): Promise<LocalServer | null> {
  const file = readServerFile(dbPath);
  if (!file) return null;
  if (!processAlive(file.pid)) {
    rmSync(serverFilePath(dbPath), { force: true });
    return null;
  }
  try {
    const response = await fetch(new URL("/healthz", file.url), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok?: unknown };
    return body.ok === true ? { url: file.url, key: file.key } : null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === "ECONNREFUSED") rmSync(serverFilePath(dbPath), { force: true });
    return null;
  }
}

/** Runs a command line in the server; its exit code and output, as if run here. */
export async function forwardToServer(
  server: LocalServer,
  argv: string[],
  cwd: string,
): Promise<ForwardedRun> {
  let response: Response;
  try {
    response = await fetch(new URL("/api/cli", server.url), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Accept-Language": "en",
        [LOCAL_KEY_HEADER]: server.key,
      },
      body: JSON.stringify({ argv, cwd }),
    });
  } catch (error) {
    const why = (error as Error).message;
    throw new CliError(
      1,
      `无法连接正在运行的服务（${server.url}）：${why}`,
      `Could not reach the running server at ${server.url}: ${why}`,
    );
  }
  const body = (await response.json().catch(() => null)) as
    | (Partial<ForwardedRun> & { error?: { message?: string } })
    | null;
  if (!response.ok || typeof body?.exitCode !== "number") {
    const why = body?.error?.message ?? `HTTP ${response.status}`;
    throw new CliError(
      1,
      `正在运行的服务（${server.url}）拒绝执行该命令：${why}`,
      `The running server at ${server.url} refused the command: ${why}`,
    );
  }
  return { exitCode: body.exitCode, stdout: body.stdout ?? "", stderr: body.stderr ?? "" };
}
