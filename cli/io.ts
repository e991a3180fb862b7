/**
 * The effects a command may use, passed in so tests can capture output and fix the clock.
 */
import type { Context } from "./context.ts";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only there). */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  now: () => Date;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Set when a running server executes the command: its open database, registry and plans. */
  hosted?: Context;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
    env: process.env,
    cwd: process.cwd(),
  };
}
