/**
 * Dashboard cases in their own process:
 *   build.ts load <db>           — the demo data into a fresh database
 *   build.ts build <db> <outDir> — the whole static site (reports for every month, charts, pages)
 */

import { buildDashboard } from "../../dashboard/buildDashboard.ts";
import { loadDemo } from "../../etl/loadDemo.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, dbPath, outDir] = process.argv.slice(2);
const units = readRegistry("fixtures/units.csv");
const plans = loadPlans("metrics/plans");
const db = await Warehouse.open({ path: dbPath });
await syncRegistry(db, units);
const started = performance.now();
let extra: Record<string, number | string> = {};
if (mode === "load") {
  const { results } = await loadDemo(
    { db, units, periods: planPeriods(plans), today: "2023-01-10" },
    "fixtures/demo",
  );
  extra = { files: results.length };
} else {
  const result = await buildDashboard(
    { db, units, plans },
    { outDir, now: new Date("2023-01-10T02:00:00Z"), today: "2023-01-10" },
  );
  extra = { files: result.files, bytes: result.bytes };
}
const ms = performance.now() - started;
await db.close();
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  }),
);
