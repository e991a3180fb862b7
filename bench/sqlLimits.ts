/**
 * Benchmark: the analyst sandbox's limits against an 800 MB query, alone and four at once, with
 * the server's peak memory (it runs in a process of its own, a fresh one per case) and how long
 * /healthz took meanwhile.
 */
import { DEFAULT_MEMORY_LIMIT_BYTES } from "../warehouse/db.ts";
import { SANDBOX_DEFAULTS } from "../warehouse/sandbox.ts";
import { measure } from "./measure.ts";
import type { Section } from "./section.ts";

const ok = (pass: boolean) => (pass ? "✓" : "✗");

const CASES = [
  ["constant", "`SELECT repeat('x', 200000000) FROM range(4)`: 800 MB, the size a constant"],
  ["computed", "the same 800 MB with the size computed per row (DuckDB builds it)"],
  ["replicated", "one 20 MB value joined to 2,048 rows (40 GB of copies, unguarded)"],
] as const;

export const sqlLimitsBench: Section = {
  name: "sql",
  title: "Analyst queries past the memory limits",
  run(work, log) {
    const rows: string[] = [];
    for (const [kind, what] of CASES) {
      for (const count of [1, 4]) {
        const m = measure("bench/cases/sqlLimits.ts", [work, String(count), kind]);
        log(`  ${kind} × ${count}: ${m.statuses} ${m.codes} in ${m.ms} ms, peak ${m.peakRssMb} MB`);
        const pass =
          Number(m.ms) < 5000 &&
          Number(m.healthzMaxMs) < 200 &&
          Number(m.peakRssMb) < 1024 &&
          /^4\d\d$/.test(String(m.statuses));
        rows.push(
          `| ${what} | ${count} | ${m.statuses} (${m.codes}) | ${m.ms} ms | ${m.healthzMaxMs} ms (${m.healthzCount} asked) | ${m.peakRssMb} MB (${m.idleRssMb} MB idle) | ${ok(pass)} |`,
        );
      }
    }
    return {
      lines: [
        `\`jobtrack serve\` in its own process on a fresh database file, one process per row; an analyst client over 127.0.0.1 sends the query (four clients at once on the ×4 rows) while another asks \`/healthz\` every 50 ms. DuckDB memory limit ${DEFAULT_MEMORY_LIMIT_BYTES / 2 ** 20} MiB, result limit ${SANDBOX_DEFAULTS.maxResultBytes / 2 ** 20} MiB, two analyst queries at a time.`,
        "",
        "| query | at once | answer | slowest answer | /healthz slowest | server peak RSS | goal: 4xx < 5 s, /healthz < 200 ms, < 1 GB |",
        "|---|---|---|---|---|---|---|",
        ...rows,
      ],
    };
  },
};
