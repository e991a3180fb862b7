import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPlans } from "../metrics/loadPlans.ts";
import { PACKAGE_ROOT } from "./context.ts";
import { runCli } from "./testIO.ts";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

const query = async (db: string, sql: string) => {
  const { code, out, err } = await runCli(["sql", "--db", db, "--format", "json", sql]);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out).rows;
};

describe("v_progress from the command line", () => {
  it("exists on a fresh database, and is filled by an ingest without any report", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-progress-"));
    const db = join(dir, "jobtrack.duckdb");
    expect(await query(db, "SELECT count(*) FROM v_progress")).toEqual([[0]]);
    // gbk-crlf.csv: 夏阳 and 盈浦 report August 2022
    const ingest = await runCli(["ingest", "--db", db, "fixtures/inputs/gbk-crlf.csv"]);
    expect(ingest.code).toBe(0);
    // every target and every item tracked without a target has its rows
    const [plan] = loadPlans(join(PACKAGE_ROOT, "metrics", "plans"));
    const months = await query(db, "SELECT min(month), max(month), count(DISTINCT metric) FROM v_progress");
    expect(months).toEqual([["2022-01", "2022-08", plan.metrics.length + plan.tracked.length]]);
    // the district's formal employment in August is the two towns' month-end levels: 44,034 + 47,562
    const district = await query(
      db,
      "SELECT actual FROM v_progress WHERE unit IS NULL AND metric = 'formal_employment' AND month = '2022-08'",
    );
    expect(district).toEqual([[91_596]]);
  });
});
