/**
 * `npm run bench [-- --only NAME]`: runs every benchmark section and writes BENCHMARKS.md with
 * the machine and the date. Targets are compared as ratios measured in the same run, since the
 * machines are shared and absolute times drift.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { abuseBench } from "./abuse.ts";
import { buildBench } from "./build.ts";
import { ingestBench } from "./ingest.ts";
import { ledgerBench } from "./ledger.ts";
import { planDraftBench } from "./planDraft.ts";
import { reportBench } from "./report.ts";
import type { Section } from "./section.ts";
import { serverBench } from "./server.ts";
import { sqlLimitsBench } from "./sqlLimits.ts";

const SECTIONS: Section[] = [
  ingestBench,
  ledgerBench,
  reportBench,
  buildBench,
  serverBench,
  abuseBench,
  planDraftBench,
  sqlLimitsBench,
];

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const work = mkdtempSync(join(tmpdir(), "jobtrack-bench-"));
mkdirSync(work, { recursive: true });
const duckdbVersion = JSON.parse(readFileSync("node_modules/@duckdb/node-api/package.json", "utf8")).version;

/** The sections of an earlier BENCHMARKS.md by title, kept when --only runs one of them. */
function earlierSections(): Map<string, string> {
  const sections = new Map<string, string>();
  let text = "";
  try {
    text = readFileSync("BENCHMARKS.md", "utf8");
  } catch {
    return sections;
  }
  for (const part of text.split(/^## /m).slice(1)) sections.set(part.split("\n")[0], `## ${part.trimEnd()}`);
  return sections;
}

const earlier = earlierSections();
const out: string[] = [
  "# Benchmarks",
  "",
  `Run on ${new Date().toISOString().slice(0, 10)} — ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, @duckdb/node-api ${duckdbVersion}.`,
  "Each case runs in its own process (peak RSS is that process's); times are medians where repeated. `npm run bench` rewrites this file.",
  "",
];
try {
  for (const section of SECTIONS) {
    if (only && section.name !== only) {
      const kept = earlier.get(section.title);
      if (kept) out.push(kept, "");
      continue;
    }
    console.log(`bench: ${section.title}`);
    const result = await section.run(work, (line) => console.log(line));
    out.push(`## ${section.title}`, "", ...result.lines, "");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
writeFileSync("BENCHMARKS.md", `${out.join("\n")}\n`);
console.log(out.join("\n"));
