/**
 * One ingest measurement in its own process, so its peak memory is its own:
 *   ingest.ts ours <file> <db> <units.csv>    — jobtrack's full pipeline into a fresh database file
 *   ingest.ts duckdb <file> <db>              — DuckDB's own read_csv into a table, same file
 * Prints one JSON line: {ms, peakRssMb, rows}.
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { ingestFile } from "../../etl/ingest.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, file, dbPath, unitsPath] = process.argv.slice(2);

async function ours(): Promise<number> {
  const units = readRegistry(unitsPath);
  const db = await Warehouse.open({ path: dbPath });
  await syncRegistry(db, units);
  // the plans and their catalogues are read at start-up, not per file
  const periods = planPeriods(loadPlans("metrics/plans"));
  const started = performance.now();
  const bytes = readFileSync(file);
  const result = await ingestFile(
    { db, units, periods, today: "2023-01-10", lang: "en" },
    { fileName: "bench.csv", bytes, receivedAt: "2023-01-05T10:00:00+08:00", receivedBy: "bench" },
  );
  const ms = performance.now() - started;
  if (result.status !== "accepted")
    throw new Error(`bench file not accepted: ${JSON.stringify(result.errors.slice(0, 3))}`);
  await db.close();
  return ms;
}

async function duckdb(): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(
    `CREATE TABLE facts AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true,
       columns = {'unit': 'VARCHAR', 'month': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'DOUBLE'})`,
  );
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return ms;
}

const ms = mode === "ours" ? await ours() : await duckdb();
console.log(
  JSON.stringify({ ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
