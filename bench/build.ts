/**
 * Benchmark: building the demo dashboard (every month of the plan, both languages), what one
 * month's pages weigh, and what the overview page weighs; and what the funds cost the ingest of
 * the demo year, against the same files without their subsidy columns.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadPlans } from "../metrics/loadPlans.ts";
import { type Measurement, measure, median } from "./measure.ts";
import type { Section } from "./section.ts";
import { copyWithoutSubsidies } from "./withoutSubsidies.ts";

/** The files the overview page loads (itself, stylesheets, scripts, images), by relative reference. */
function overviewWeight(site: string): { bytes: number; files: string[]; external: string[] } {
  const html = readFileSync(join(site, "index.html"), "utf8");
  const refs = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]);
  const external = refs.filter((r) => /^(https?:)?\/\//.test(r));
  const loaded = refs.filter((r) => /\.(css|js|svg|png|woff2?)$/.test(r) && !external.includes(r));
  const files = ["index.html", ...new Set(loaded)];
  const bytes = files.reduce((n, f) => n + statSync(join(site, f)).size, 0);
  return { bytes, files, external };
}

/** Bytes of the files under a folder, leaving out the folders named in `skip`. */
export function folderBytes(dir: string, skip: string[] = []): number {
  return readdirSync(dir).reduce((sum, name) => {
    if (skip.includes(name)) return sum;
    const full = join(dir, name);
    return sum + (statSync(full).isDirectory() ? folderBytes(full) : statSync(full).size);
  }, 0);
}

/** The site's months: the latest's pages at the top, each earlier one's under month/. */
export function monthWeights(site: string): { latest: number; earlier: number[] } {
  const earlier = readdirSync(join(site, "month")).map((m) => folderBytes(join(site, "month", m)));
  return { latest: folderBytes(site, ["month", "assets"]), earlier };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const thousands = (n: number | string) => Number(n).toLocaleString("en");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Goals: the whole site of a plan year within 20 s on this shared machine, a month's pages within 2 s. */
const BUILD_GOAL_MS = 20_000;
const MONTH_GOAL_MS = 2_000;
/** Goal: the demo year with its funds loads within 10% of the time without them. */
const FUNDS_GOAL_RATIO = 1.1;

interface FundsLoad {
  withoutMs: number;
  withMs: number;
  without: Measurement;
  with: Measurement;
  columns: number;
  files: number;
}

/**
 * The demo loaded with and without its subsidy columns, alternately, each load in its own process
 * on a fresh database, so both medians see the same state of the shared machine.
 */
async function fundsLoad(work: string, log: (line: string) => void): Promise<FundsLoad> {
  const plain = join(work, "demo-without-subsidies");
  const stripped = await copyWithoutSubsidies("fixtures/demo", plain, loadPlans("metrics/plans"));
  log(`  without subsidies: ${stripped.columns} columns taken out of ${stripped.files} files`);
  const runs: Record<"without" | "with", Measurement[]> = { without: [], with: [] };
  for (let i = 0; i < 3; i++) {
    for (const [kind, dir] of [
      ["without", plain],
      ["with", "fixtures/demo"],
    ] as const) {
      const db = join(work, `funds-${kind}-${i}.duckdb`);
      runs[kind].push(measure("bench/cases/build.ts", ["load", db, dir]));
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      log(`  load ${kind} subsidies ${i + 1}: ${runs[kind].at(-1)?.ms} ms`);
    }
  }
  const [without, withFunds] = [runs.without[0], runs.with[0]];
  // the copy must differ from the demo by the funds alone, or the ratio measures something else
  if (
    without.rejected !== withFunds.rejected ||
    without.fundValues !== 0 ||
    without.values !== Number(withFunds.values) - Number(withFunds.fundValues)
  ) {
    throw new Error(
      `the demo without subsidies is not the demo less its funds: ${JSON.stringify({ without, with: withFunds })}`,
    );
  }
  return {
    withoutMs: median(runs.without.map((m) => m.ms)),
    withMs: median(runs.with.map((m) => m.ms)),
    without,
    with: withFunds,
    columns: stripped.columns,
    files: stripped.files,
  };
}

export const buildBench: Section = {
  name: "build",
  title: "Dashboard build for the demo data",
  async run(work, log) {
    const db = join(work, "demo.duckdb");
    const loaded = measure("bench/cases/build.ts", ["load", db]);
    log(`  loaded ${loaded.files} demo files in ${loaded.ms} ms`);
    const builds = [];
    for (let i = 0; i < 3; i++) {
      builds.push(measure("bench/cases/build.ts", ["build", db, join(work, "site")]));
      log(`  build ${i + 1}: ${builds.at(-1)?.ms} ms`);
    }
    const ms = median(builds.map((b) => b.ms));
    const weight = overviewWeight(join(work, "site"));
    const months = monthWeights(join(work, "site"));
    const count = months.earlier.length + 1;
    const perMonth = Math.round(ms / count);
    const all = [months.latest, ...months.earlier];
    const total = folderBytes(join(work, "site"));
    const funds = await fundsLoad(work, log);
    const ratio = funds.withMs / funds.withoutMs;
    return {
      lines: [
        `Demo: ${loaded.files} files (15 units, 2021-12..2022-12, with case ledgers and the subsidies) loaded through the full ingest in ${loaded.ms} ms (${Math.round(Number(loaded.ms) / Number(loaded.files))} ms a file).`,
        `The site holds every month of the plan: the latest at the top, each earlier one, page for page, under \`month/YYYY-MM/\` (${count} months).`,
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        `| build time, the whole site (median of 3; ${builds[0].files} files, ${count} months, zh + en) | ${ms} ms | < ${BUILD_GOAL_MS / 1000} s ${ms < BUILD_GOAL_MS ? "✓" : "✗"} |`,
        `| build time per month (the whole build ÷ ${count}) | ${perMonth} ms | < ${MONTH_GOAL_MS / 1000} s ${perMonth < MONTH_GOAL_MS ? "✓" : "✗"} |`,
        `| one month's pages (zh + en; smallest – largest month) | ${kb(Math.min(...all))} – ${kb(Math.max(...all))} | |`,
        `| the whole site on disk | ${mb(total)} | |`,
        `| overview page total (${weight.files.join(" + ")}) | ${(weight.bytes / 1024).toFixed(1)} KB | < 300 KB ${weight.bytes < 300 * 1024 ? "✓" : "✗"} |`,
        `| external requests from the overview | ${weight.external.length} | 0 ${weight.external.length === 0 ? "✓" : "✗"} |`,
        `| peak RSS of a build | ${Math.max(...builds.map((b) => b.peakRssMb))} MB | |`,
        `| ingest of the demo without → with the subsidies (median of 3 each, alternated; the same files less their ${funds.columns} subsidy columns in ${funds.files} files; ${thousands(funds.without.values)} → ${thousands(funds.with.values)} values, ${thousands(funds.with.fundValues)} of them funds) | ${funds.withoutMs} ms → ${funds.withMs} ms (${ratio.toFixed(2)}×) | ≤ ${FUNDS_GOAL_RATIO.toFixed(2)}× ${ratio <= FUNDS_GOAL_RATIO ? "✓" : "✗"} |`,
      ],
    };
  },
};
