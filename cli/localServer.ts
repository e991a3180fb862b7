/**
 * The command line's half of the hand-off to a running server: DuckDB lets one process open a
 * database file, so a command finds the server holding the file through `<db file>.server.json`
 * (server/serverFile.ts writes it) and sends its argv to `POST /api/cli` instead of opening the
 * file. A file left behind by a server that died is noticed (its process is gone) and removed.
 */
import { rmSync } from "node:fs";
import { LOCAL_KEY_HEADER } from "../server/routes/cli.ts";
import { readServerFile, serverFilePath } from "../server/serverFile.ts";
import { CliError } from "./cliError.ts";

interface LocalServer {
  url: string;
  key: string;
}

interface ForwardedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
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
