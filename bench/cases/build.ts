/**
 * Dashboard cases in their own process:
 *   build.ts load <db> [demoDir] — the demo data (fixtures/demo, or a copy of it) into a fresh
 *                                  database; also says how many values it holds, the funds' among them
 *   build.ts build <db> <outDir> — the whole static site (reports for every month, charts, pages)
 */

import { buildDashboard } from "../../dashboard/buildDashboard.ts";
import { loadDemo } from "../../etl/loadDemo.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, dbPath, folder] = process.argv.slice(2);
const units = readRegistry("fixtures/units.csv");
const plans = loadPlans("metrics/plans");
const db = await Warehouse.open({ path: dbPath });
await syncRegistry(db, units);
const started = performance.now();
let extra: Record<string, number | string> = {};
if (mode === "load") {
  const { results } = await loadDemo(
    { db, units, periods: planPeriods(plans), today: "2023-01-10" },
    folder ?? "fixtures/demo",
  );
  extra = { files: results.length, rejected: results.filter((r) => r.status === "rejected").length };
} else {
  const result = await buildDashboard(
    { db, units, plans },
    { outDir: folder, now: new Date("2023-01-10T02:00:00Z"), today: "2023-01-10" },
  );
  extra = { files: result.files, bytes: result.bytes };
}
const ms = performance.now() - started;
if (mode === "load") {
  // counted after the clock stops: what the load holds, not part of its time
  const funds = [
    ...new Set(plans.flatMap((p) => p.catalogue.items.filter((i) => i.subsidy).map((i) => i.key))),
  ];
  const [count] = await db.query<{ facts: number; funds: number }>(
    `SELECT count(*)::INTEGER AS facts,
            count(*) FILTER (WHERE list_contains(string_split($funds, ','), indicator))::INTEGER AS funds
     FROM v_facts`,
    { funds: funds.join(",") },
  );
  extra = { ...extra, values: count.facts, fundValues: count.funds };
}
await db.close();
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...extra,
  }),
);
