/**
 * Opening what a command works on: the warehouse file (--db, JOBTRACK_DB, or data/jobtrack.duckdb),
 * the unit registry (--units, JOBTRACK_UNITS, or fixtures/units.csv) and the plans (--plans,
 * JOBTRACK_PLANS, or metrics/plans), all relative to the current directory except the two
 * defaults, which ship with jobtrack. The registry and the plans' reported items are written to
 * the warehouse at open, so analysts' views describe them.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError } from "../core/finding.ts";
import { unknownReporters } from "../etl/catalogue/catalogueOf.ts";
import { indicatorRows } from "../etl/catalogue/describeItems.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import type { Scheduler } from "../server/schedule/scheduler.ts";
import type { ServerData } from "../server/serverContext.ts";
import { Warehouse } from "../warehouse/db.ts";
import { syncIndicators } from "../warehouse/indicatorTable.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import type { CommandArgs } from "./command.ts";

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The database of the current folder, where `npm start` makes the demo's. */
const DEFAULT_DB_PATH = "data/jobtrack.duckdb";

/** Where `build` writes the dashboard and `serve` serves it from, in the current folder. */
export const DEFAULT_SITE_DIR = "dist";

export interface Context extends ServerData {
  /** The running server's scheduler, when a command runs inside `serve`. */
  scheduler?: Scheduler | null;
}

export function dbPath(args: Pick<CommandArgs, "flags" | "io">): string {
  const flag = args.flags.db as string | undefined;
  return resolve(args.io.cwd, flag ?? args.io.env.JOBTRACK_DB ?? DEFAULT_DB_PATH);
}

export function unitsPath(args: Pick<CommandArgs, "flags" | "io">): string {
  const flag = (args.flags.units as string | undefined) ?? args.io.env.JOBTRACK_UNITS;
  return flag ? resolve(args.io.cwd, flag) : join(PACKAGE_ROOT, "fixtures", "units.csv");
}

export function plansDir(args: Pick<CommandArgs, "flags" | "io">): string {
  const flag = (args.flags.plans as string | undefined) ?? args.io.env.JOBTRACK_PLANS;
  return flag ? resolve(args.io.cwd, flag) : join(PACKAGE_ROOT, "metrics", "plans");
}

export async function openContext(args: Pick<CommandArgs, "flags" | "io">): Promise<Context> {
  const units = readRegistry(unitsPath(args));
  const plans = loadPlans(plansDir(args));
  const strangers = plans.flatMap((p) => unknownReporters(p.catalogue, units));
  if (strangers.length) throw new DataError(strangers);
  const db = await Warehouse.open({ path: dbPath(args) });
  try {
    await syncRegistry(db, units);
    await syncIndicators(db, indicatorRows(plans));
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, units, plans };
}

/** Runs `fn` with an open context and always closes the database. */
export async function withContext<T>(
  args: Pick<CommandArgs, "flags" | "io">,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  if (args.io.hosted) return fn(args.io.hosted);
  const ctx = await openContext(args);
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}
