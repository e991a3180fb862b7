/**
 * Keeps v_progress current: after every accepted write (an upload, a file a source delivered, an
 * ingest or restore the command line handed to the server) `request()` asks for a refresh of
 * metrics/progressView.ts. Refreshes run one at a time in the background, so the writer's answer
 * does not wait for the plan's whole history to be recomputed; requests that come while one
 * runs are served by one more refresh after it, so a burst of eleven uploads costs two refreshes
 * and the last one sees all of them. A failure is logged and the next request tries again.
 */

import { districtToday } from "../core/districtTime.ts";
import type { Plan } from "../metrics/plan.ts";
import { refreshProgress } from "../metrics/progressView.ts";
import type { Warehouse } from "../warehouse/db.ts";

export interface ProgressRefresher {
  /** Asks for a refresh; returns at once. */
  request(): void;
  /** Resolves once no refresh runs or waits. */
  idle(): Promise<void>;
  /** How many refreshes have finished (for tests and the log). */
  readonly refreshes: number;
}

export function progressRefresher(deps: {
  db: Warehouse;
  plans: Plan[];
  clock: () => Date;
  log: (line: string) => void;
}): ProgressRefresher {
  let running: Promise<void> | null = null;
  let again = false;
  let refreshes = 0;
  const loop = async () => {
    do {
      again = false;
      try {
        await refreshProgress(deps.db, deps.plans, districtToday(deps.clock()));
        refreshes++;
      } catch (error) {
        deps.log(
          `jobtrack: v_progress could not be refreshed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    } while (again);
  };
  return {
    request() {
      if (running) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = null;
      });
    },
    async idle() {
      while (running) await running;
    },
    get refreshes() {
      return refreshes;
    },
  };
}
