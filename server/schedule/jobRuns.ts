/**
 * The record of the scheduler's runs (table job_runs, warehouse/migrations/004_job_runs.sql):
 * every run, successful or not, with its start, end, result and what it did, so the administrator
 * sees that the machinery works rather than only when it breaks.
 *
 * Kept: the newest RUNS_KEPT runs of each job, and of each pull source (the ingest job writes one
 * row per source). 288 is one day of the default five-minute pulls per source, so a morning look
 * still reaches back over the night to the previous working day; for the daily reminders and
 * the nightly backup it is most of a year. Fourteen sources and three jobs make about 5,000 rows
 * at most. Failures are also in the audit trail, which is never pruned.
 */

import { districtIso } from "../../core/districtTime.ts";
import type { Value, Warehouse } from "../../warehouse/db.ts";

export type RunResult = "done" | "skipped" | "failed";

const RUNS_KEPT = 288;

export interface RunRecord {
  job: string;
  /** The pull source's name (ingest); null for the other jobs. */
  source: string | null;
  startedAt: Date;
  finishedAt: Date;
  result: RunResult;
  detail: Record<string, Value>;
}

/** A recorded run; times in district time (+08:00). */
export interface JobRun {
  run_id: number;
  job: string;
  source: string | null;
  started_at: string;
  finished_at: string;
  result: RunResult;
  detail: Record<string, Value>;
}

/** Records runs in one transaction, then keeps only the newest `keep` of each job and source. */
export async function recordJobRuns(
  db: Warehouse,
  runs: readonly RunRecord[],
  keep = RUNS_KEPT,
): Promise<void> {
  if (!runs.length) return;
  await db.write(async (tx) => {
    const [{ next }] = await tx.query<{ next: number }>(
      "SELECT coalesce(max(run_id), 0) + 1 AS next FROM job_runs",
    );
    for (const [i, run] of runs.entries()) {
      await tx.run(
        "INSERT INTO job_runs VALUES ($id, $job, $source, $started::TIMESTAMPTZ, $finished::TIMESTAMPTZ, $result, $detail::JSON)",
        {
          id: next + i,
          job: run.job,
          source: run.source,
          started: run.startedAt.toISOString(),
          finished: run.finishedAt.toISOString(),
          result: run.result,
          detail: JSON.stringify(run.detail),
        },
      );
    }
    await tx.run(
      `DELETE FROM job_runs WHERE run_id IN (
         SELECT run_id FROM job_runs
         QUALIFY row_number() OVER (PARTITION BY job, source ORDER BY run_id DESC) > $keep)`,
      { keep },
    );
  });
}

interface RunRow {
  run_id: number;
  job: string;
  source: string | null;
  started_at: string;
  finished_at: string;
  result: RunResult;
  detail: string;
}

const COLUMNS = "run_id, job, source, started_at, finished_at, result, detail::VARCHAR AS detail";

function runOf(row: RunRow): JobRun {
  return {
    run_id: row.run_id,
    job: row.job,
    source: row.source,
    started_at: districtIso(new Date(row.started_at)),
    finished_at: districtIso(new Date(row.finished_at)),
    result: row.result,
    detail: JSON.parse(row.detail) as Record<string, Value>,
  };
}

/** The latest run of each job and source. */
export async function latestRuns(db: Warehouse): Promise<JobRun[]> {
  const rows = await db.query<RunRow>(
    `SELECT ${COLUMNS} FROM job_runs
     QUALIFY row_number() OVER (PARTITION BY job, source ORDER BY run_id DESC) = 1
     ORDER BY job, source`,
  );
  return rows.map(runOf);
}

/**
 * The newest runs, newest first. Without `quiet`, a pull that found nothing new is left out:
 * fourteen sources every five minutes would bury the runs that did something.
 */
export async function recentRuns(
  db: Warehouse,
  options: { limit: number; quiet?: boolean },
): Promise<JobRun[]> {
  const filter = options.quiet
    ? ""
    : `WHERE NOT (job = 'ingest' AND result = 'done' AND coalesce(json_extract(detail, '$.files')::INTEGER, 0) = 0)`;
  const rows = await db.query<RunRow>(
    `SELECT ${COLUMNS} FROM job_runs ${filter} ORDER BY run_id DESC LIMIT $limit`,
    {
      limit: options.limit,
    },
  );
  return rows.map(runOf);
}
