/**
 * One ledger measurement in its own process:
 *   ledger.ts ours <file> <db>    — jobtrack's ledger ingest, then the deadline metrics over it
 *   ledger.ts duckdb <file> <db>  — DuckDB's own read_csv into a table, same file
 * Prints one JSON line: {ms, reportMs?, peakRssMb}.
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { ingestFile } from "../../etl/ingest.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { computeReport } from "../../metrics/report.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, file, dbPath] = process.argv.slice(2);

async function ours() {
  const units = readRegistry("fixtures/units.csv");
  const db = await Warehouse.open({ path: dbPath });
  await syncRegistry(db, units);
  // the plans and their catalogues are read at start-up, not per file
  const periods = planPeriods(loadPlans("metrics/plans"));
  const started = performance.now();
  const result = await ingestFile(
    { db, units, periods, today: "2023-01-10", lang: "en" },
    {
      fileName: "ledger.csv",
      bytes: readFileSync(file),
      receivedAt: "2023-01-05T10:00:00+08:00",
      receivedBy: "bench",
    },
  );
  const ms = performance.now() - started;
  if (result.status !== "accepted")
    throw new Error(`ledger not accepted: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const [plan] = loadPlans("metrics/plans");
  const reportStarted = performance.now();
  const report = await computeReport(db, { plan, asOf: "2022-12", today: "2023-01-10", lang: "en" });
  const reportMs = performance.now() - reportStarted;
  const deadline = report.metrics.filter((m) => m.kind === "deadline").map((m) => `${m.id}=${m.actual}`);
  await db.close();
  return { ms, reportMs: Math.round(reportMs), deadline: deadline.join(" ") };
}

async function duckdb() {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(
    `CREATE TABLE cases AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true)`,
  );
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return { ms };
}

const out = mode === "ours" ? await ours() : await duckdb();
console.log(
  JSON.stringify({
    ...out,
    ms: Math.round(out.ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
