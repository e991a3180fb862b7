/** Benchmark: the full report at national scale vs one plain GROUP BY over the same facts. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { totalmem } from "node:os";
import { join, resolve } from "node:path";
import { DEFAULT_MEMORY_LIMIT_BYTES } from "../warehouse/db.ts";
import { measure, median } from "./measure.ts";
import type { Section } from "./section.ts";

/**
 * qingpu-2022 stretched over 36 months, without town allocations (they name Qingpu's towns),
 * without its policy file (the plan is written elsewhere; its quotes are checked by the tests) and
 * with its catalogue named by its full path.
 */
function nationalPlan(): string {
  const text = readFileSync("metrics/plans/qingpu-2022.yaml", "utf8");
  return text
    .replace(/^id: qingpu-2022$/m, "id: national-2022-2024")
    .replace(/^policy: .*\n/m, "")
    .replace(/^catalogue: (.*)$/m, (_, path: string) => `catalogue: ${resolve("metrics/plans", path)}`)
    .replace(/last: "2022-12"/, 'last: "2024-12"')
    .replace(/\nallocations:[\s\S]*$/, "\n");
}

/** DuckDB's own default: 80% of the machine's memory. */
const NO_LIMIT_MIB = Math.floor((totalmem() * 0.8) / 2 ** 20);

export const reportBench: Section = {
  name: "report",
  title: "Report at national scale: 40,000 units × 36 months × every town indicator",
  run(work, log) {
    const db = join(work, "national.duckdb");
    const plans = join(work, "plans");
    mkdirSync(plans, { recursive: true });
    const planFile = join(plans, "national.yaml");
    writeFileSync(planFile, nationalPlan());
    const made = measure("bench/cases/national.ts", ["generate", db, planFile]);
    log(`  generated ${made.facts} facts in ${made.ms} ms`);
    const withFunds = join(work, "national-funds.duckdb");
    const madeFunds = measure("bench/cases/national.ts", ["generate", withFunds, planFile, "subsidies"]);
    log(`  generated ${madeFunds.facts} facts with the towns' subsidies in ${madeFunds.ms} ms`);
    const reports = [];
    const groups = [];
    const unlimited = [];
    const fundReports = [];
    const fundGroups = [];
    for (let i = 0; i < 3; i++) {
      groups.push(measure("bench/cases/national.ts", ["groupby", db]));
      reports.push(measure("bench/cases/national.ts", ["report", db, planFile]));
      unlimited.push(measure("bench/cases/national.ts", ["report", db, planFile, String(NO_LIMIT_MIB)]));
      fundGroups.push(measure("bench/cases/national.ts", ["groupby", withFunds]));
      fundReports.push(measure("bench/cases/national.ts", ["report", withFunds, planFile]));
      log(
        `  run ${i + 1}: report ${reports.at(-1)?.ms} ms (${unlimited.at(-1)?.ms} ms without the limit), group by ${groups.at(-1)?.ms} ms; with the subsidies: report ${fundReports.at(-1)?.ms} ms, group by ${fundGroups.at(-1)?.ms} ms`,
      );
    }
    const reportMs = median(reports.map((m) => m.ms));
    const groupMs = median(groups.map((m) => m.ms));
    const ratio = reportMs / groupMs;
    const peak = Math.max(...reports.map((m) => m.peakRssMb));
    const fundMs = median(fundReports.map((m) => m.ms));
    const fundGroupMs = median(fundGroups.map((m) => m.ms));
    const fundRatio = fundMs / fundGroupMs;
    return {
      lines: [
        `Facts: ${Number(made.facts).toLocaleString("en")} (40,000 towns × 36 months × the 12 town indicators the targets read), generated in SQL; plan qingpu-2022 stretched to 2022-01..2024-12; report as of 2024-12 with all ${reports[0].metrics} metrics and ${reports[0].tracked} items tracked without a target, ${reports[0].units} units each, and alerts (${reports[0].alerts}). The towns' subsidies are tracked but not in these facts, so every town-month is listed as not reporting them (the costliest case of their coverage); the second row has them reported: ${Number(madeFunds.facts).toLocaleString("en")} facts.`,
        "",
        "| measure | full report | one GROUP BY (unit, indicator) over v_facts | ratio | goal |",
        "|---|---|---|---|---|",
        `| time (median of 3) | ${reportMs} ms | ${groupMs} ms | ${ratio.toFixed(2)}× | ≤ 3× ${ratio <= 3 ? "✓" : "✗"}, < 2 s ${reportMs < 2000 ? "✓" : "✗"} |`,
        `| peak RSS | ${peak} MB | ${Math.max(...groups.map((m) => m.peakRssMb))} MB | | |`,
        `| time with the towns' subsidies reported (median of 3) | ${fundMs} ms | ${fundGroupMs} ms | ${fundRatio.toFixed(2)}× | ≤ 3× ${fundRatio <= 3 ? "✓" : "✗"} |`,
        `| peak RSS with the subsidies | ${Math.max(...fundReports.map((m) => m.peakRssMb))} MB | ${Math.max(...fundGroups.map((m) => m.peakRssMb))} MB | | |`,
        "",
        `The report runs under the warehouse's DuckDB memory limit (${DEFAULT_MEMORY_LIMIT_BYTES / 2 ** 20} MiB); the same report with DuckDB's own default (80% of RAM), in the same runs: ${median(unlimited.map((m) => m.ms))} ms (median of 3), peak RSS ${Math.max(...unlimited.map((m) => m.peakRssMb))} MB.`,
      ],
    };
  },
};
