/**
 * Building the dashboard from the warehouse into a folder: gather, render (pure), write. The
 * plan is the report's (metrics/reportPlan.ts) as of the chosen month, else the latest reported.
 */
import type { Plan } from "../metrics/plan.ts";
import { choosePlan } from "../metrics/reportPlan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { buildSite } from "./build.ts";
import { gatherDashboard } from "./gather.ts";
import { writeSite } from "./writeSite.ts";

interface BuildResult {
  outDir: string;
  plan: string;
  asOf: string;
  files: number;
  bytes: number;
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
  const files = buildSite({ ...input, demo: options.demo ?? false });
  writeSite(files, options.outDir);
  let bytes = 0;
  for (const content of files.values())
    bytes += typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
  return {
    outDir: options.outDir,
    plan: plan.id,
    asOf: input.report.asOf,
    files: files.size,
    bytes,
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
