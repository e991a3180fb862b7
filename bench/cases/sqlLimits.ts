/**
 * The analyst sandbox's memory limits against `jobtrack serve` in a process of its own (a fresh
 * one per case, so the peak memory is that case's), with /healthz asked every 50 ms meanwhile:
 *   sqlLimits.ts <dir> <n> constant  — n analysts at once send SELECT repeat('x', 200000000)
 *                                       FROM range(4): 800 MB of text, the size a constant
 *   sqlLimits.ts <dir> <n> computed  — the same 800 MB with the size computed per row, so
 *                                       DuckDB builds it (within its memory limit)
 *   sqlLimits.ts <dir> <n> replicated — one 20 MB value joined to 2,048 rows: 40 GB of copies
 *                                       in DuckDB's result buffer, were the result not guarded
 * Prints one JSON line: {ms (slowest answer), statuses, codes, healthzMaxMs, healthzCount,
 * peakRssMb (the server's), idleRssMb (after start, before the queries)}.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { CLI_ACTOR, createToken } from "../../server/tokens.ts";
import { REPO_ROOT } from "../../test/paths.ts";
import { peakRssOf, startServerProcess } from "../../test/serverProcess.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [dir, count, kind] = process.argv.slice(2);
const QUERIES = {
  constant: "SELECT repeat('x', 200000000) AS s FROM range(4)",
  computed: "SELECT repeat('x', 200000000 + range::INTEGER - range::INTEGER) AS s FROM range(4)",
  replicated:
    "SELECT s FROM (SELECT repeat('x', 20000000 + range::INTEGER - range::INTEGER) AS s FROM range(1)), range(2048)",
};
const sql = QUERIES[kind as keyof typeof QUERIES];

const path = join(dir, `sql-limits-${kind}-${count}.duckdb`);
rmSync(path, { force: true });
const db = await Warehouse.open({ path });
await syncRegistry(db, readRegistry(join(REPO_ROOT, "fixtures", "units.csv")));
const { token } = await createToken(db, { role: "analyst" }, [], new Date(), CLI_ACTOR);
await db.close();

const server = await startServerProcess({ db: path });
try {
  const idleRssMb = peakRssOf(server.pid) ?? -1;
  const health: number[] = [];
  let querying = true;
  const poll = (async () => {
    while (querying) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      health.push(res.ok ? performance.now() - t0 : Number.POSITIVE_INFINITY);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: Number(count) }, async () => {
      const res = await fetch(`${server.url}/api/sql`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ sql }),
        signal: AbortSignal.timeout(120_000),
      });
      const body = (await res.json()) as { error?: { code?: string } };
      return { status: res.status, code: body.error?.code ?? "ok", ms: performance.now() - started };
    }),
  );
  querying = false;
  await poll;
  // an unexplained failure is shown with the server's own log, which names its cause
  if (answers.some((a) => a.status >= 500)) console.error(server.output());
  console.log(
    JSON.stringify({
      ms: Math.round(Math.max(...answers.map((a) => a.ms))),
      statuses: [...new Set(answers.map((a) => a.status))].join(","),
      codes: [...new Set(answers.map((a) => a.code))].join(","),
      healthzMaxMs: Math.round(Math.max(...health)),
      healthzCount: health.length,
      peakRssMb: server.peakRssMb() ?? -1,
      idleRssMb,
    }),
  );
} finally {
  await server.stop();
}
