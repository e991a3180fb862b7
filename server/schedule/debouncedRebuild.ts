/**
 * The dashboard rebuild after accepted files, debounced: each request restarts the wait, so a
 * burst of ingests (eleven towns dropping their files within a minute) ends in one rebuild,
 * `delayMs` after the last of them. The rebuild runs as the guarded job `rebuild` (a failure is
 * audited and the next request tries again); when the wait ends while a rebuild is still running,
 * another one follows it, since the data changed meanwhile.
 */
import type { GuardedJob } from "./guardedJob.ts";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_TIMERS: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface DebouncedRebuild {
  /** Asks for a rebuild `delayMs` from now (restarting any wait in progress). */
  request(): void;
  /** Whether a rebuild is waiting to start. */
  readonly pending: boolean;
  /** When the waiting rebuild starts (by the clock passed in); null when none waits. */
  readonly dueAt: Date | null;
  /** Drops a waiting rebuild (at shutdown). */
  cancel(): void;
}

export function debouncedRebuild(
  job: GuardedJob,
  delayMs: number,
  timers: Timers = SYSTEM_TIMERS,
  clock: () => Date = () => new Date(),
): DebouncedRebuild {
  let handle: unknown = null;
  let due: Date | null = null;
  const wait = (ms: number) => {
    handle = timers.setTimeout(fire, ms);
    due = new Date(clock().getTime() + ms);
  };
  const fire = () => {
    handle = null;
    due = null;
    if (job.running) {
      // the data changed while the last rebuild ran: build again once it is done
      wait(Math.max(delayMs, 1000));
      return;
    }
    void job.run();
  };
  return {
    request() {
      if (handle !== null) timers.clearTimeout(handle);
      wait(delayMs);
    },
    get pending() {
      return handle !== null;
    },
    get dueAt() {
      return due;
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
      due = null;
    },
  };
}
