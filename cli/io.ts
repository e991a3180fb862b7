/**
 * The effects a command may use, passed in so tests can capture output and fix the clock.
 */
import type { Lang } from "../etl/finding.ts";
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

/** Picks the text for the chosen language. */
export const say = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** Today's date (YYYY-MM-DD) in the district's time zone, Asia/Shanghai. */
export function districtToday(now: Date): string {
  // Asia/Shanghai is UTC+8 all year (no daylight saving since 1991)
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An ISO timestamp with the +08:00 offset of Asia/Shanghai. */
export function districtTimestamp(now: Date): string {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
