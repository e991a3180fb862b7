/**
 * Building the dashboard from the warehouse into a folder: gather, render (pure), write. The
 * plan is the report's (metrics/reportPlan.ts) as of the chosen month, else the latest reported.
 * Rendering every month's pages takes seconds; the server rebuilds on its own thread, so the
 * pages are made one at a time with a pause for waiting requests every few dozen milliseconds.
 */
import type { Plan } from "../metrics/plan.ts";
import { choosePlan } from "../metrics/reportPlan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { siteFiles } from "./build.ts";
import { gatherDashboard } from "./gather.ts";
import { type SiteFile, writeSiteAsync } from "./writeSite.ts";

/** The longest stretch of rendering between two pauses for other work on the thread. */
const PAUSE_EVERY_MS = 50;

/** The files as they are made, with a pause for the thread's other work every PAUSE_EVERY_MS. */
async function* paced(files: Iterable<SiteFile>): AsyncGenerator<SiteFile> {
  let since = performance.now();
  for (const file of files) {
    yield file;
    if (performance.now() - since > PAUSE_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

interface BuildResult {
  outDir: string;
  plan: string;
  asOf: string;
  files: number;
  bytes: number;
  /** The months with pages, oldest first (the latest at the site's root). */
  months: string[];
  fingerprint: string;
}

export async function buildDashboard(
  ctx: { db: Warehouse; units: Unit[]; plans: Plan[] },
  options: {
    outDir: string;
    asOf?: string;
    now: Date;
    today: string;
    /** The data is the demo's: pages say where its figures are only illustrative. */
    demo?: boolean;
  },
): Promise<BuildResult> {
  const plan = await choosePlan(ctx.db, ctx.plans, options.asOf);
  const input = await gatherDashboard(ctx.db, {
    plan,
    units: ctx.units,
    asOf: options.asOf,
    today: options.today,
    now: options.now,
  });
  const written = await writeSiteAsync(
    paced(siteFiles({ ...input, demo: options.demo ?? false })),
    options.outDir,
  );
  return {
    outDir: options.outDir,
    plan: plan.id,
    asOf: input.report.asOf,
    files: written.files,
    bytes: written.bytes,
    months: input.history.map((h) => h.asOf).filter((m) => m <= input.report.asOf),
    fingerprint: input.fingerprint,
  };
}

/** A rebuild function for the server and its scheduler: the site as of the latest reported month, now. */
export function siteRebuilder(
  ctx: { db: Warehouse; units: Unit[]; plans: Plan[] },
  outDir: string,
  clock: () => Date,
  today: (now: Date) => string,
  demo = false,
): () => Promise<BuildResult> {
  return async () => {
    const now = clock();
    return buildDashboard(ctx, { outDir, now, today: today(now), demo });
  };
}
