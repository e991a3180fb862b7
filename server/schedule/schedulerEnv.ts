/**
 * What every scheduled job works with, passed in: the open warehouse, the unit registry, the
 * plans, the clock and the log. Nothing here reads the system clock or global state.
 */
import type { Plan } from "../../metrics/plan.ts";
import type { Warehouse } from "../../warehouse/db.ts";
import type { Unit } from "../../warehouse/registry.ts";

export interface SchedulerEnv {
  db: Warehouse;
  units: Unit[];
  plans: Plan[];
  /** Now; jobs never read the system clock themselves. */
  clock: () => Date;
  /** Where the scheduler says what went wrong or was skipped. */
  log: (line: string) => void;
}
