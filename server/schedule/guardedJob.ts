/**
 * One scheduled job with its guard: it never runs twice at once (a tick that arrives while the
 * previous one is still running is skipped and logged), and a failure never escapes: it is
 * logged, recorded in the audit trail as `job:<name>` / `failed` with the message, and the next
 * tick simply tries again.
 */
import { recordAudit } from "../audit.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

export type JobOutcome = "done" | "skipped" | "failed";

export interface GuardedJob {
  readonly name: string;
  /** Whether a run is in progress. */
  readonly running: boolean;
  /** Runs the job now unless it is already running. Never rejects. */
  run(): Promise<JobOutcome>;
  /** Resolves once the run in progress (if any) has finished. */
  idle(): Promise<void>;
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

export function guardedJob(name: string, work: () => Promise<void>, env: SchedulerEnv): GuardedJob {
  let current: Promise<JobOutcome> | null = null;
  const run = async (): Promise<JobOutcome> => {
    try {
      await work();
      return "done";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const zh = error instanceof JobError ? error.zh : null;
      env.log(`jobtrack scheduler: job ${name} failed: ${message}`);
      try {
        await recordAudit(env.db, {
          at: env.clock(),
          actor: "scheduler",
          tokenId: null,
          role: null,
          action: `job:${name}`,
          target: null,
          result: "failed",
          detail: zh ? { message, zh } : { message },
        });
      } catch (auditError) {
        env.log(`jobtrack scheduler: could not record the failure of ${name}: ${String(auditError)}`);
      }
      return "failed";
    }
  };
  return {
    name,
    get running() {
      return current !== null;
    },
    run() {
      if (current) {
        env.log(`jobtrack scheduler: job ${name} is still running; this tick is skipped`);
        return Promise.resolve("skipped");
      }
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
