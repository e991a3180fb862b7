/**
 * The national-scale report case, each mode in its own process:
 *   national.ts generate <db> <plan.yaml> [subsidies] — 40,000 towns × 36 months × every town
 *                                            indicator the targets read (with `subsidies`, the towns'
 *                                            subsidies the plan tracks too), made in SQL
 *   national.ts report <db> <plan.yaml> [memory MiB] — the full report (all metrics, all units,
 *                                            alerts), under DuckDB's default memory limit or the one given
 *   national.ts groupby <db>               — one plain GROUP BY over the same facts
 * Prints one JSON line: {ms, peakRssMb, …}.
 */

import { dirname } from "node:path";
import { SHIPPED_CATALOGUE } from "../../fixtures/shippedPlan.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { computeReport } from "../../metrics/report.ts";
import { Warehouse } from "../../warehouse/db.ts";

const [mode, dbPath, planFile, extra] = process.argv.slice(2);
const memoryMiB = mode === "report" ? extra : undefined;
export const UNITS = 40_000;
/**
 * The towns' items: those the targets read, and with `subsidies` the subsidies the plan tracks
 * without a target too. Without them the report still carries the tracked subsidies, every
 * town-month listed as not reporting them: the costliest case of their coverage.
 */
const TOWN_INDICATORS = SHIPPED_CATALOGUE.items
  .filter((i) => i.reporters.includes("town") && (extra === "subsidies" || i.subsidy === null))
  .map((i) => i.key);

async function generate() {
  const db = await Warehouse.open({ path: dbPath });
  const started = performance.now();
  await db.write(async (tx) => {
    await tx.run(
      `INSERT INTO units SELECT 'N' || lpad(i::VARCHAR, 6, '0'), '镇' || i, 'Town ' || i, 'town' FROM range(1, ${UNITS + 1}) t(i)`,
    );
    await tx.run(
      `CREATE TEMP TABLE months AS SELECT strftime(DATE '2022-01-01' + INTERVAL (m) MONTH, '%Y-%m') AS month, m FROM range(0, 36) t(m)`,
    );
    await tx.run(
      `INSERT INTO submissions SELECT m + 1, 'monthly', 'gen-' || month || '.csv', md5(month), TIMESTAMPTZ '2022-02-03 10:00:00+08' + INTERVAL (m) MONTH,
         'bench', 'accepted', ${UNITS}, [], [month], 'csv', 'utf-8', '[]' FROM months`,
    );
    await tx.run(
      `INSERT INTO submission_unit_months SELECT m.m + 1, u.code, m.month, 1, 1, true FROM units u CROSS JOIN months m`,
    );
    await tx.run(`CREATE TEMP TABLE inds AS SELECT unnest($list::VARCHAR[]) AS indicator`, {
      list: JSON.stringify(TOWN_INDICATORS),
    });
    await tx.run(
      `INSERT INTO facts
       SELECT sm.submission_id, sm.unit, sm.month, i.indicator,
              CASE i.indicator
                WHEN 'formal_employment' THEN 9000 + hash(sm.unit) % 2000 + hash(sm.month) % 50
                WHEN 'registered_unemployed' THEN 200 + hash(sm.unit, sm.month) % 100
                WHEN 'grads_unemployed' THEN 60 + hash(sm.unit) % 20
                WHEN 'grads_employed' THEN 30 + hash(sm.unit, sm.month) % 30
                WHEN 'villages_total' THEN 12 + hash(sm.unit) % 5
                WHEN 'villages_staffed' THEN 11 + hash(sm.unit) % 5
                WHEN 'ui_stopped' THEN 20 + hash(sm.unit, sm.month) % 10
                WHEN 'ui_reemployed' THEN 8 + hash(sm.unit, sm.month) % 10
                ELSE hash(sm.unit, sm.month, i.indicator) % 40 END::DOUBLE,
              true
       FROM submission_unit_months sm CROSS JOIN inds i`,
    );
  });
  const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::BIGINT AS n FROM facts");
  await db.close();
  return { ms: performance.now() - started, facts: n };
}

async function report() {
  const db = await Warehouse.open({
    path: dbPath,
    memoryLimitBytes: memoryMiB ? Number(memoryMiB) * 2 ** 20 : undefined,
  });
  const [plan] = loadPlans(dirname(planFile));
  const started = performance.now();
  const result = await computeReport(db, { plan, asOf: "2024-12", today: "2025-01-10", lang: "en" });
  const ms = performance.now() - started;
  await db.close();
  return {
    ms,
    metrics: result.metrics.length,
    tracked: result.tracked?.length ?? 0,
    units: result.metrics[0]?.units.length ?? 0,
    alerts: result.alerts.length,
  };
}

async function groupby() {
  const db = await Warehouse.open({ path: dbPath });
  const started = performance.now();
  const rows = await db.query(
    "SELECT unit, indicator, sum(value) AS total FROM v_facts GROUP BY unit, indicator",
  );
  const ms = performance.now() - started;
  await db.close();
  return { ms, groups: rows.length };
}

const out = mode === "generate" ? await generate() : mode === "report" ? await report() : await groupby();
console.log(
  JSON.stringify({
    ...out,
    ms: Math.round(out.ms),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
