/**
 * The server in a process of its own, for fault tests and benchmarks: runs
 * `node bin/jobtrack.mjs serve --port 0` on a database file (this machine's loopback only), waits
 * until it answers /healthz, and can read its peak memory, stop it (SIGTERM) or kill it (SIGKILL).
 * Every wait is bounded.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { REPO_ROOT } from "./paths.ts";

const JOBTRACK_BIN = join(REPO_ROOT, "bin", "jobtrack.mjs");
/** A cold start (TypeScript loaded through tsx, migrations run) on a busy test machine. */
const START_TIMEOUT_MS = 60_000;

interface ServerProcessOptions {
  /** The database file. */
  db: string;
  /** A unit registry; defaults to fixtures/units.csv. */
  units?: string;
  /** How long the server may take to answer /healthz; defaults to 60 s. */
  startTimeoutMs?: number;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  /** Where the server listens, on 127.0.0.1. */
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has ended. */
  exited: Promise<Exit>;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** The process's peak resident memory in MB (Linux /proc), or null where it cannot be read. */
  peakRssMb(): number | null;
  /** SIGTERM, then SIGKILL if it has not ended within `graceMs` (defaults to 10 s). */
  stop(graceMs?: number): Promise<Exit>;
  /** SIGKILL, and wait for the process to end. */
  kill(): Promise<Exit>;
}

/** Arguments for `node bin/jobtrack.mjs …` with a database and an optional registry. */
export function cliArgs(args: string[], options: { db: string; units?: string }): string[] {
  return [JOBTRACK_BIN, ...args, "--db", options.db, ...(options.units ? ["--units", options.units] : [])];
}

/** Peak resident memory (VmHWM) of a live process in MB, or null. */
export function peakRssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  const args = cliArgs(["serve", "--port", "0", "--host", "127.0.0.1", "--lang", "en"], options);
  const child = spawn(process.execPath, args, {
    // the dashboard folder is looked up in the working directory: none there
    cwd: dirname(options.db),
    env: { ...process.env, TZ: "UTC", JOBTRACK_LANG: "en" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout?.setEncoding("utf8").on("data", (text: string) => {
    printed += text;
  });
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    printed += text;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const pid = child.pid ?? -1;

  const kill = async (): Promise<Exit> => {
    if (!ended) child.kill("SIGKILL");
    return withTimeout(exited, 30_000, "server process after SIGKILL");
  };
  const stop = async (graceMs = 10_000): Promise<Exit> => {
    if (ended) return exited;
    child.kill("SIGTERM");
    try {
      return await withTimeout(exited, graceMs, "server process after SIGTERM");
    } catch {
      return kill();
    }
  };

  try {
    const url = await withTimeout(
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const match = /Serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
          if (match) resolve(match[1]);
        };
        child.stdout?.on("data", check);
        void exited.then((exit) =>
          reject(new Error(`the server ended before listening (${JSON.stringify(exit)}):\n${printed}`)),
        );
      }),
      startTimeoutMs,
      "server start",
    );
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
    return {
      url,
      pid,
      child,
      exited,
      output: () => printed,
      peakRssMb: () => (ended ? null : peakRssOf(pid)),
      stop,
      kill,
    };
  } catch (error) {
    await kill();
    throw error;
  }
}
