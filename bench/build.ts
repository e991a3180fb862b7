/** Benchmark: building the demo dashboard, and what the overview page weighs. */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { measure, median } from "./measure.ts";
import type { Section } from "./section.ts";

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

export const buildBench: Section = {
  name: "build",
  title: "Dashboard build for the demo data",
  run(work, log) {
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
    return {
      lines: [
        `Demo: ${loaded.files} files (15 units, 2021-12..2022-12, with case ledgers and the subsidies) loaded through the full ingest in ${loaded.ms} ms (${Math.round(Number(loaded.ms) / Number(loaded.files))} ms a file).`,
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        `| build time (median of 3; ${builds[0].files} files, zh + en) | ${ms} ms | < 3 s ${ms < 3000 ? "✓" : "✗"} |`,
        `| overview page total (${weight.files.join(" + ")}) | ${(weight.bytes / 1024).toFixed(1)} KB | < 300 KB ${weight.bytes < 300 * 1024 ? "✓" : "✗"} |`,
        `| external requests from the overview | ${weight.external.length} | 0 ${weight.external.length === 0 ? "✓" : "✗"} |`,
        `| peak RSS of a build | ${Math.max(...builds.map((b) => b.peakRssMb))} MB | |`,
      ],
    };
  },
};
