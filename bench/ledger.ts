/** Benchmark: a 500,000-case ledger ingest vs DuckDB's own read_csv, and the deadline report over it. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { writeLedgerFile } from "./data.ts";
import { type Measurement, measure, median } from "./measure.ts";
import type { Section } from "./section.ts";

export const ledgerBench: Section = {
  name: "ledger",
  title: "Case ledger: 500,000 cases in one file",
  run(work, log) {
    const file = join(work, "ledger-500k.csv");
    writeLedgerFile(file, { unit: "310118002", cases: 500_000, seed: 11 });
    const ours: Measurement[] = [];
    const duck: Measurement[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [mode, list] of [
        ["duckdb", duck],
        ["ours", ours],
      ] as const) {
        const db = join(work, `ledger-${mode}-${i}.duckdb`);
        rmSync(db, { force: true });
        list.push(measure("bench/cases/ledger.ts", [mode, file, db]));
        log(`  ${mode} run ${i + 1}: ${list.at(-1)?.ms} ms`);
      }
    }
    const oursMs = median(ours.map((m) => m.ms));
    const duckMs = median(duck.map((m) => m.ms));
    const ratio = oursMs / duckMs;
    const reportMs = median(ours.map((m) => Number(m.reportMs)));
    return {
      lines: [
        "File: 500,000 cases (80% hardship, 20% zero-employment families, about 10% open), Chinese headers, UTF-8.",
        "",
        "| measure | jobtrack | DuckDB read_csv → table | ratio | goal |",
        "|---|---|---|---|---|",
        `| ingest (median of 3, full validation, one transaction) | ${oursMs} ms | ${duckMs} ms | ${ratio.toFixed(2)}× | ≤ 2× ${ratio <= 2 ? "✓" : "✗"} |`,
        `| report with the deadline metrics over it (median of 3) | ${reportMs} ms | | | |`,
        `| peak RSS | ${Math.max(...ours.map((m) => m.peakRssMb))} MB | ${Math.max(...duck.map((m) => m.peakRssMb))} MB | | |`,
        "",
        `Deadline shares as computed: ${ours[0].deadline}.`,
      ],
    };
  },
};
