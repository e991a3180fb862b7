/**
 * The scheduler of `serve`: node-cron ticks drive four guarded jobs (server/schedule/guardedJob.ts)
 * in the configured time zone —
 * - `ingest` (every 5 minutes): every source, folder or URL, one after the other;
 * - `rebuild`: the dashboard rebuild passed in, debounced after accepted ingests;
 * - `reminders` (09:00 daily, acting after the due day): missing-submission reminders;
 * - `backup` (02:30 nightly): Parquet backup with retention.
 * `createScheduler` builds the jobs without starting anything, so tests run them directly with a
 * fake clock; `start` adds the cron ticks and `stop` removes them and waits for running jobs.
 * Every run is recorded with what it did (server/schedule/jobRuns.ts); `status` gives each job's
 * and each source's last and next run (server/schedule/jobStatus.ts).
 */
import { type ScheduledTask, schedule } from "node-cron";
import type { IngestResult } from "../../etl/ingest.ts";
import { debouncedRebuild, SYSTEM_TIMERS, type Timers } from "./debouncedRebuild.ts";
import { type FolderLooks, type FolderScan, scanFolder } from "./folderSource.ts";
import { failureDetail, type GuardedJob, guardedJob, JobError, type RunDetail } from "./guardedJob.ts";
import { latestRuns } from "./jobRuns.ts";
import { type JobName, type JobStatus, jobStatus } from "./jobStatus.ts";
import { runNightlyBackup } from "./nightlyBackup.ts";
import { sendReminders } from "./reminders.ts";
import type { ScheduleConfig } from "./scheduleConfig.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";
import { fetchUrlSource, type UrlFetch } from "./urlSource.ts";

/** What a dashboard rebuild may say it did: the month the site now shows, and its size. */
interface RebuildOutcome {
  asOf?: string;
  files?: number;
  bytes?: number;
}

interface SchedulerOptions {
  config: ScheduleConfig;
  env: SchedulerEnv;
  /** Rebuilds the dashboard (what it returns is recorded when it is a RebuildOutcome); without it accepted ingests rebuild nothing. */
  rebuild?: (() => Promise<unknown>) | null;
  /** Called after each accepted file a source delivered (e.g. to refresh v_progress). */
  onDataChanged?: () => void;
  /** Timers for the debounced rebuild; defaults to the system's. */
  timers?: Timers;
  /** Defaults to the global fetch (URL sources). */
  fetch?: typeof fetch;
}

export interface Scheduler {
  config: ScheduleConfig;
  jobs: Record<JobName, GuardedJob>;
  /** Asks for a dashboard rebuild after the debounce delay. */
  rebuildSoon(): void;
  /** Whether a debounced rebuild is waiting. */
  readonly rebuildPending: boolean;
  /** Whether accepted files lead to a dashboard rebuild (a rebuild function and `rebuild.enabled`). */
  readonly rebuildEnabled: boolean;
  /** Each job's and each source's last run (as recorded) and next run, as of the scheduler's clock. */
  status(): Promise<JobStatus[]>;
  /** The cron ticks that `start` installs: job name and expression. */
  ticks(): { job: JobName; expression: string }[];
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { config, env } = options;
  const looks: FolderLooks = new Map();
  const rebuildFn = options.rebuild ?? null;
  const jobs = {} as Record<JobName, GuardedJob>;
  jobs.rebuild = guardedJob(
    "rebuild",
    async (log) => {
      if (!rebuildFn) return;
      const built = (await rebuildFn()) as RebuildOutcome | undefined;
      if (built && typeof built === "object") {
        log.detail({ as_of: built.asOf ?? null, files: built.files ?? null, bytes: built.bytes ?? null });
      }
    },
    env,
  );
  const debounce = debouncedRebuild(
    jobs.rebuild,
    config.rebuild.debounceMs,
    options.timers ?? SYSTEM_TIMERS,
    env.clock,
  );
  const rebuildEnabled = rebuildFn !== null && config.rebuild.enabled;
  const rebuildSoon = () => {
    if (rebuildEnabled) debounce.request();
  };
  const accepted = () => {
    rebuildSoon();
    options.onDataChanged?.();
  };
  jobs.ingest = guardedJob(
    "ingest",
    async (log) => {
      const failures: JobError[] = [];
      for (const source of config.ingest.sources) {
        const started = env.clock();
        let acceptedFiles = 0;
        const onAccepted = () => {
          acceptedFiles++;
          accepted();
        };
        try {
          if (source.kind === "folder") {
            const scan = await scanFolder(env, source, {
              looks,
              maxBytes: config.ingest.maxBytes,
              onAccepted,
            });
            log.source(source.name, started, "done", folderDetail(scan));
          } else {
            const fetched = await fetchUrlSource(env, source, {
              stateFile: config.stateFile,
              maxBytes: config.ingest.maxBytes,
              onAccepted,
              fetch: options.fetch,
            });
            log.source(source.name, started, "done", urlDetail(fetched));
          }
        } catch (error) {
          log.source(source.name, started, "failed", { accepted: acceptedFiles, ...failureDetail(error) });
          // one source down (a drive not mounted, a town's server offline) does not stop the others
          failures.push(
            error instanceof JobError
              ? error
              : new JobError(
                  `${source.name}：${(error as Error).message}`,
                  `${source.name}: ${(error as Error).message}`,
                ),
          );
        }
      }
      if (failures.length) {
        throw new JobError(failures.map((f) => f.zh).join("；"), failures.map((f) => f.message).join("; "));
      }
    },
    env,
    { sources: () => config.ingest.sources.map((s) => s.name) },
  );
  jobs.reminders = guardedJob(
    "reminders",
    async (log) => {
      const sent = await sendReminders(env, config.reminders);
      log.detail({
        month: sent[0]?.month ?? null,
        units: sent.map((r) => r.unit),
        outbox: config.reminders.outbox,
      });
    },
    env,
  );
  jobs.backup = guardedJob(
    "backup",
    async (log) => {
      const done = await runNightlyBackup(env, config.backup);
      log.detail({ path: done.path, bytes: done.bytes, tables: done.tables, removed: done.removed });
    },
    env,
  );

  const ticks = () => {
    const list: { job: JobName; expression: string }[] = [];
    if (config.ingest.enabled && config.ingest.sources.length)
      list.push({ job: "ingest", expression: config.ingest.schedule });
    if (config.reminders.enabled) list.push({ job: "reminders", expression: config.reminders.schedule });
    if (config.backup.enabled) list.push({ job: "backup", expression: config.backup.schedule });
    return list;
  };
  let tasks: ScheduledTask[] = [];
  return {
    config,
    jobs,
    rebuildSoon,
    get rebuildPending() {
      return debounce.pending;
    },
    rebuildEnabled,
    async status() {
      return jobStatus(config, await latestRuns(env.db), {
        now: env.clock(),
        serving: true,
        rebuildEnabled,
        rebuildDueAt: debounce.dueAt,
      });
    },
    ticks,
    start() {
      if (tasks.length) return;
      const logger = {
        info: () => {},
        debug: () => {},
        warn: (message: string) => env.log(`jobtrack scheduler: ${message}`),
        error: (message: string | Error) => env.log(`jobtrack scheduler: ${String(message)}`),
      };
      tasks = ticks().map(({ job, expression }) =>
        schedule(
          expression,
          async () => {
            await jobs[job].run();
          },
          { name: `jobtrack:${job}`, timezone: config.timezone, logger, suppressMissedWarning: true },
        ),
      );
    },
    async stop() {
      const stopping = tasks;
      tasks = [];
      for (const task of stopping) await task.destroy();
      debounce.cancel();
      await Promise.all(Object.values(jobs).map((job) => job.idle()));
    },
  };
}

/** What a look at a folder did, for the run's record (at most 50 file names). */
function folderDetail(scan: FolderScan): RunDetail {
  const count = (status: IngestResult["status"]) =>
    scan.ingested.filter((i) => i.result.status === status).length;
  return {
    files: scan.ingested.length,
    accepted: count("accepted"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    waiting: scan.waiting.length,
    names: scan.ingested.slice(0, 50).map((i) => ({ file: i.file, status: i.result.status })),
  };
}

/** What a fetch of a URL source did, for the run's record. */
function urlDetail(fetched: UrlFetch): RunDetail {
  if (fetched.status !== "ingested") {
    return { files: 0, accepted: 0, unchanged: 0, rejected: 0, answer: fetched.status };
  }
  const status = fetched.result.status;
  return {
    files: 1,
    accepted: status === "accepted" ? 1 : 0,
    unchanged: status === "unchanged" ? 1 : 0,
    rejected: status === "rejected" ? 1 : 0,
    answer: "ingested",
    names: [{ file: fetched.fileName, status }],
  };
}
