/**
 * Benchmark: `plan draft` of Qingpu's policy — the drafter in a fresh process (modules and
 * dictionaries loaded, file read, draft written), warm drafts, and the whole command as a user
 * runs it, beside `jobtrack --help` for the command line's own start-up.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { measure, median } from "./measure.ts";
import type { Section } from "./section.ts";

const POLICY = "docs/policy/qingpu-2022-employment-policy.md";

/** Wall time of one `jobtrack` run, from spawn to exit. */
function command(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["bin/jobtrack.mjs", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`jobtrack ${args.join(" ")} failed:\n${result.stderr}`);
  return Math.round(performance.now() - started);
}

export const planDraftBench: Section = {
  name: "plan",
  title: "Plan draft of the Qingpu policy",
  run(work, log) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push(measure("bench/cases/planDraft.ts", [POLICY, join(work, `draft-${i}.yaml`)]));
      log(`  draft ${i + 1}: ${runs.at(-1)?.ms} ms (warm ${runs.at(-1)?.warmMs} ms)`);
    }
    const ms = median(runs.map((r) => r.ms));
    const warm = median(runs.map((r) => Number(r.warmMs)));
    const cli = median(
      [0, 1, 2].map((i) => command(["plan", "draft", POLICY, "--out", join(work, `cli-${i}.yaml`)])),
    );
    const help = median([0, 1, 2].map(() => command(["--help"])));
    log(`  command: ${cli} ms, jobtrack --help: ${help} ms`);
    return {
      lines: [
        `Policy: ${POLICY} (青府规发〔2022〕4号, about 7,500 characters); ${runs[0].commitments} commitments found.`,
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        `| draft in a fresh process: load the drafter and OpenCC's dictionaries, read, draft, write the plan file (median of 3) | ${ms} ms | < 1 s ${ms < 1000 ? "✓" : "✗"} |`,
        `| one more draft in the same process (median of 20) | ${warm} ms | |`,
        `| \`jobtrack plan draft\` as a command, spawn to exit (median of 3) | ${cli} ms | |`,
        `| \`jobtrack --help\`, the command line's start-up alone (median of 3) | ${help} ms | |`,
        `| peak RSS of the drafting process | ${Math.max(...runs.map((r) => r.peakRssMb))} MB | |`,
      ],
    };
  },
};
