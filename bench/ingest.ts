/** Benchmark: ingest of a 1,000,000-row long-layout file vs DuckDB's own read_csv on the same file. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { writeLongFile, writeRegistry } from "./data.ts";
import { type Measurement, measure, median } from "./measure.ts";
import type { Section } from "./section.ts";

const MONTHS = [
  "2022-01",
  "2022-02",
  "2022-03",
  "2022-04",
  "2022-05",
  "2022-06",
  "2022-07",
  "2022-08",
  "2022-09",
  "2022-10",
];

export const ingestBench: Section = {
  name: "ingest",
  title: "Ingest: 1,000,000-row long-layout file, full validation",
  run(work, log) {
    const units = join(work, "units-50k.csv");
    const file = join(work, "long-1m.csv");
    writeRegistry(units, 50_000);
    const rows = writeLongFile(file, {
      units: 50_000,
      months: MONTHS,
      indicators: ["reemployed", "new_jobs"],
      seed: 7,
    });
    const ours: Measurement[] = [];
    const duck: Measurement[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [mode, list] of [
        ["duckdb", duck],
        ["ours", ours],
      ] as const) {
        const db = join(work, `ingest-${mode}-${i}.duckdb`);
        rmSync(db, { force: true });
        rmSync(`${db}.wal`, { force: true });
        list.push(measure("bench/cases/ingest.ts", [mode, file, db, units]));
        log(`  ${mode} run ${i + 1}: ${list.at(-1)?.ms} ms`);
      }
    }
    const oursMs = median(ours.map((m) => m.ms));
    const duckMs = median(duck.map((m) => m.ms));
    const ratio = oursMs / duckMs;
    const peak = Math.max(...ours.map((m) => m.peakRssMb));
    return {
      lines: [
        `File: ${rows.toLocaleString("en")} rows (50,000 units × 10 months × 2 indicators), long layout, UTF-8 CSV.`,
        "",
        "| measure | jobtrack ingest | DuckDB read_csv → table | ratio | goal |",
        "|---|---|---|---|---|",
        `| time (median of 3) | ${oursMs} ms | ${duckMs} ms | ${ratio.toFixed(2)}× | ≤ 2× ${ratio <= 2 ? "✓" : "✗"} |`,
        `| peak RSS | ${peak} MB | ${Math.max(...duck.map((m) => m.peakRssMb))} MB | | < 1024 MB ${peak < 1024 ? "✓" : "✗"} |`,
      ],
    };
  },
};
