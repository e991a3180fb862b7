/**
 * For the scheduler's tests: a real in-memory warehouse with the unit registry and the shipped
 * plans, a settable clock, a captured log, a fresh temporary folder, and the audit rows of a job.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { REPO_ROOT } from "../../test/paths.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

export const YINGPU = "310118002";

export async function scheduleFixture(start = "2022-09-15T02:00:00Z") {
  const db = await Warehouse.open({ path: ":memory:" });
  const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
  await syncRegistry(db, units);
  const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
  const dir = mkdtempSync(join(tmpdir(), "jobtrack-schedule-"));
  let now = new Date(start);
  const lines: string[] = [];
  const env: SchedulerEnv = { db, units, plans, clock: () => now, log: (line) => lines.push(line) };
  return {
    env,
    db,
    units,
    dir,
    lines,
    setNow(iso: string) {
      now = new Date(iso);
    },
    unit: (code: string) => units.find((u) => u.code === code)!,
    submissions: () =>
      db.query<{ submission_id: number; unit: string; status: string; file_name: string }>(
        "SELECT submission_id, unit, status, file_name FROM v_submissions ORDER BY submission_id",
      ),
    audit: (action: string) =>
      db.query<{ action: string; result: string; actor: string; detail: string }>(
        `SELECT action, result, actor, detail::VARCHAR AS detail FROM audit WHERE action = $action ORDER BY "at", rowid`,
        { action },
      ),
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ScheduleFixture = Awaited<ReturnType<typeof scheduleFixture>>;
