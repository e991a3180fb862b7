/**
 * One scheduled job with its guard: it never runs twice at once (a tick that arrives while the
 * previous one is still running is skipped and logged), and a failure never escapes: it is
 * logged, recorded in the audit trail as `job:<name>` / `failed` with the message, and the next
 * tick simply tries again.
 *
 * Every run, done, skipped or failed, is recorded in job_runs (server/schedule/jobRuns.ts) with
 * its start, end and what the work said it did: the work gets a run log where it puts its
 * details, or (the ingest job) one row per source.
 */
import type { Value } from "../../warehouse/db.ts";
import { recordAudit } from "../audit.ts";
import { type RunRecord, recordJobRuns } from "./jobRuns.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

type JobOutcome = "done" | "skipped" | "failed";

export type RunDetail = Record<string, Value>;

/** Where a run says what it did. */
interface RunLog {
  /** The run's own details (merged; the last value of a key wins). */
  detail(detail: RunDetail): void;
  /** A row of its own for one source: its start, how it ended and what it did. */
  source(name: string, startedAt: Date, result: "done" | "failed", detail: RunDetail): void;
}

export interface GuardedJob {
  readonly name: string;
  /** Whether a run is in progress. */
  readonly running: boolean;
  /** Runs the job now unless it is already running. Never rejects. */
  run(): Promise<JobOutcome>;
  /** Resolves once the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

interface GuardedJobOptions {
  /** The sources a skipped tick is recorded for, one row each (the ingest job's); defaults to none. */
  sources?: () => string[];
  /** Where runs are recorded; defaults to job_runs of the job's warehouse. */
  record?: (runs: RunRecord[]) => Promise<void>;
}

/** An error with the message in both languages, for the log and the audit trail. */
export class JobError extends Error {
  readonly zh: string;
  constructor(zh: string, en: string) {
    super(en);
    this.name = "JobError";
    this.zh = zh;
  }
}

/** The message of a failure in both languages, for the run's record and the audit trail. */
export function failureDetail(error: unknown): { message: string; zh?: string } {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof JobError ? { message, zh: error.zh } : { message };
}

export function guardedJob(
  name: string,
  work: (log: RunLog) => Promise<void>,
  env: SchedulerEnv,
  options: GuardedJobOptions = {},
): GuardedJob {
  const record = options.record ?? ((runs: RunRecord[]) => recordJobRuns(env.db, runs));
  const keep = async (runs: RunRecord[]) => {
    try {
      await record(runs);
    } catch (error) {
      env.log(`jobtrack scheduler: could not record the run of ${name}: ${String(error)}`);
    }
  };
  let current: Promise<JobOutcome> | null = null;
  const run = async (): Promise<JobOutcome> => {
    const startedAt = env.clock();
    let detail: RunDetail = {};
    const sources: RunRecord[] = [];
    const log: RunLog = {
      detail(more) {
        detail = { ...detail, ...more };
      },
      source(source, started, result, more) {
        sources.push({
          job: name,
          source,
          startedAt: started,
          finishedAt: env.clock(),
          result,
          detail: more,
        });
      },
    };
    let outcome: JobOutcome = "done";
    try {
      await work(log);
    } catch (error) {
      outcome = "failed";
      const failure = failureDetail(error);
      detail = { ...detail, ...failure };
      env.log(`jobtrack scheduler: job ${name} failed: ${failure.message}`);
      try {
        await recordAudit(env.db, {
          at: env.clock(),
          actor: "scheduler",
          tokenId: null,
          role: null,
          action: `job:${name}`,
          target: null,
          result: "failed",
          detail: failure,
        });
      } catch (auditError) {
        env.log(`jobtrack scheduler: could not record the failure of ${name}: ${String(auditError)}`);
      }
    }
    // a job that speaks per source is recorded per source; otherwise the run is one row
    await keep(
      sources.length
        ? sources
        : [{ job: name, source: null, startedAt, finishedAt: env.clock(), result: outcome, detail }],
    );
    return outcome;
  };
  const skip = async (): Promise<JobOutcome> => {
    env.log(`jobtrack scheduler: job ${name} is still running; this tick is skipped`);
    const at = env.clock();
    const names = options.sources?.() ?? [];
    const row = (source: string | null): RunRecord => ({
      job: name,
      source,
      startedAt: at,
      finishedAt: at,
      result: "skipped",
      detail: { reason: "still_running" },
    });
    await keep(names.length ? names.map(row) : [row(null)]);
    return "skipped";
  };
  return {
    name,
    get running() {
      return current !== null;
    },
    run() {
      if (current) return skip();
      const started = run().finally(() => {
        current = null;
      });
      current = started;
      return started;
    },
    async idle() {
      if (current) await current;
    },
  };
}
