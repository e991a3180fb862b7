/**
 * Each scheduled job's last and next run (docs/contract.md §5 `jobs`, `GET /api/jobs`): one entry per
 * pull source of the ingest job, then the rebuild, the reminders and the backup (source null).
 * The last run is the latest recorded in job_runs; the next run comes from the job's cron
 * expression in the scheduler's time zone, or for the rebuild from the debounce waiting, and is
 * null when nothing will run it: the job is turned off, or no server is running (`serving`
 * false: the jobs run only inside `jobtrack serve`). Times are ISO 8601 in district time.
 */
import { districtIso } from "../../core/districtTime.ts";
import type { JobRun, RunResult } from "./jobRuns.ts";
import { nextRun } from "./nextRun.ts";
import type { ScheduleConfig } from "./scheduleConfig.ts";

export type JobName = "ingest" | "rebuild" | "reminders" | "backup";

export interface JobStatus {
  job: JobName;
  source: string | null;
  last_started: string | null;
  last_finished: string | null;
  last_result: RunResult | null;
  next_run: string | null;
}

interface JobStatusOptions {
  now: Date;
  /** Whether a server (and so the scheduler) is running. */
  serving: boolean;
  /** Whether accepted files rebuild the dashboard. */
  rebuildEnabled: boolean;
  /** When a waiting rebuild starts; null when none waits. */
  rebuildDueAt: Date | null;
}

export function jobStatus(
  config: ScheduleConfig,
  latest: readonly JobRun[],
  options: JobStatusOptions,
): JobStatus[] {
  const last = (job: JobName, source: string | null) =>
    latest.find((run) => run.job === job && run.source === source) ?? null;
  const next = (enabled: boolean, expression: string) => {
    if (!options.serving || !enabled) return null;
    const at = nextRun(expression, config.timezone, options.now);
    return at ? districtIso(at) : null;
  };
  const entry = (job: JobName, source: string | null, nextAt: string | null): JobStatus => {
    const run = last(job, source);
    return {
      job,
      source,
      last_started: run?.started_at ?? null,
      last_finished: run?.finished_at ?? null,
      last_result: run?.result ?? null,
      next_run: nextAt,
    };
  };
  const pull = next(config.ingest.enabled, config.ingest.schedule);
  const rebuildNext =
    options.serving && options.rebuildEnabled && options.rebuildDueAt
      ? districtIso(options.rebuildDueAt)
      : null;
  return [
    ...config.ingest.sources.map((source) => entry("ingest", source.name, pull)),
    entry("rebuild", null, rebuildNext),
    entry("reminders", null, next(config.reminders.enabled, config.reminders.schedule)),
    entry("backup", null, next(config.backup.enabled, config.backup.schedule)),
  ];
}
