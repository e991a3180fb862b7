/**
 * The scheduler of `serve`: node-cron ticks drive four guarded jobs (server/schedule/guardedJob.ts)
 * in the configured time zone —
 * - `ingest` (every 5 minutes): every source, folder or URL, one after the other;
 * - `rebuild`: the dashboard rebuild passed in, debounced after accepted ingests;
 * - `reminders` (09:00 daily, acting after the due day): missing-submission reminders;
 * - `backup` (02:30 nightly): Parquet backup with retention.
 * `createScheduler` builds the jobs without starting anything, so tests run them directly with a
 * fake clock; `start` adds the cron ticks and `stop` removes them and waits for running jobs.
 */
import { type ScheduledTask, schedule } from "node-cron";
import { debouncedRebuild, SYSTEM_TIMERS, type Timers } from "./debouncedRebuild.ts";
import { type FolderLooks, scanFolder } from "./folderSource.ts";
import { type GuardedJob, guardedJob, JobError } from "./guardedJob.ts";
import { runNightlyBackup } from "./nightlyBackup.ts";
import { sendReminders } from "./reminders.ts";
import type { ScheduleConfig } from "./scheduleConfig.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";
import { fetchUrlSource } from "./urlSource.ts";

export type JobName = "ingest" | "rebuild" | "reminders" | "backup";

export interface SchedulerOptions {
  config: ScheduleConfig;
  env: SchedulerEnv;
  /** Rebuilds the dashboard; without it accepted ingests trigger nothing. */
  rebuild?: (() => Promise<void>) | null;
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
    async () => {
      if (rebuildFn) await rebuildFn();
    },
    env,
  );
  const debounce = debouncedRebuild(jobs.rebuild, config.rebuild.debounceMs, options.timers ?? SYSTEM_TIMERS);
  const rebuildSoon = () => {
    if (rebuildFn && config.rebuild.enabled) debounce.request();
  };
  jobs.ingest = guardedJob(
    "ingest",
    async () => {
      const failures: JobError[] = [];
      for (const source of config.ingest.sources) {
        try {
          if (source.kind === "folder") {
            await scanFolder(env, source, {
              looks,
              maxBytes: config.ingest.maxBytes,
              onAccepted: rebuildSoon,
            });
          } else {
            await fetchUrlSource(env, source, {
              stateFile: config.stateFile,
              maxBytes: config.ingest.maxBytes,
              onAccepted: rebuildSoon,
              fetch: options.fetch,
            });
          }
        } catch (error) {
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
  );
  jobs.reminders = guardedJob(
    "reminders",
    async () => {
      await sendReminders(env, config.reminders);
    },
    env,
  );
  jobs.backup = guardedJob(
    "backup",
    async () => {
      await runNightlyBackup(env, config.backup);
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
