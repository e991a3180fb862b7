/** Runs one benchmark case in a child process and reads its JSON line. */
import { spawnSync } from "node:child_process";

export interface Measurement {
  ms: number;
  peakRssMb: number;
  [key: string]: number | string;
}

export function measure(caseFile: string, args: string[]): Measurement {
  const result = spawnSync(process.execPath, ["bin/run-ts.mjs", caseFile, ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) throw new Error(`${caseFile} ${args.join(" ")} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Measurement;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
