/** For the command line's tests: captured output, a fixed clock, the repository as the working folder. */
import { resolve } from "node:path";
import type { CliIO } from "./io.ts";
import { main } from "./jobtrack.ts";

export function captureIO(now = "2023-01-10T02:00:00Z"): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    now: () => new Date(now),
    env: {},
    cwd: resolve("."),
  };
}

export async function runCli(argv: string[], io = captureIO()) {
  const code = await main(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}
