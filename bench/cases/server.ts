/**
 * Server cases, each against `jobtrack serve` in a process of its own (so its peak memory is the
 * server's alone), with the clients here, over 127.0.0.1:
 *   server.ts uploads <dir>  — 11 towns, each with its own token, each sending 30 small monthly
 *                              files one after another, the 11 at once
 *   server.ts report <dir>   — the demo data loaded, then 50 viewers each asking for /api/report
 *                              20 times, the 50 at once (after 5 warm-up requests, not counted)
 * Prints one JSON line: {ms, peakRssMb (the server's), clientPeakRssMb, requests, errors, p50Ms,
 * p95Ms, maxMs, perSecond}.
 */
import { rmSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { loadDemo } from "../../etl/loadDemo.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { CLI_ACTOR, createToken } from "../../server/tokens.ts";
import { REPO_ROOT } from "../../test/paths.ts";
import { startServerProcess } from "../../test/serverProcess.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, dir] = process.argv.slice(2);
const REQUEST_TIMEOUT_MS = 30_000;
const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
const now = new Date();
const MONTHS = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);

interface Timed {
  ms: number;
  ok: boolean;
}

/** Runs `clients` loops of `count` requests each, all loops at once; every request is timed. */
async function runClients(
  clients: number,
  count: number,
  request: (client: number, i: number) => Promise<boolean>,
): Promise<{ timings: Timed[]; wallMs: number }> {
  const timings: Timed[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const ok = await request(client, i).catch(() => false);
        timings.push({ ms: performance.now() - t0, ok });
      }
    }),
  );
  return { timings, wallMs: performance.now() - started };
}

/**
 * A GET over node:http with a keep-alive agent (50 viewers keep their connections open, as
 * browsers do); lighter on the client than fetch, so the client does not set the pace.
 */
function httpGet(
  url: string,
  options: { agent: http.Agent; headers: Record<string, string> },
): Promise<{ status: number; etag: string | null; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: options.agent, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          etag: (response.headers.etag as string | undefined) ?? null,
          body: Buffer.concat(chunks),
        }),
      );
      response.on("error", reject);
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error("timed out")));
    request.on("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(timings: Timed[], wallMs: number) {
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: timings.length,
    errors: timings.filter((t) => !t.ok).length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    perSecond: round(timings.length / (wallMs / 1000)),
  };
}

/** A fresh database with the registry; `prepare` adds data and tokens before the server opens it. */
async function freshDatabase<T>(
  name: string,
  prepare: (db: Warehouse) => Promise<T>,
): Promise<{ path: string; made: T }> {
  const path = join(dir, name);
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const db = await Warehouse.open({ path });
  try {
    await syncRegistry(db, units);
    return { path, made: await prepare(db) };
  } finally {
    await db.close();
  }
}

/** File i of a town: one row for month i mod 12, so later files are new revisions of earlier months. */
function monthlyFile(code: string, t: number, i: number): string {
  const v = (k: number) => 10 * t + 3 * i + k;
  return (
    "unit,month,formal_employment,new_jobs,internship_posts,reemployed,hardship_employed,registered_unemployed\n" +
    `${code},${MONTHS[i % 12]},${30_000 + v(0)},${200 + v(1)},${5 + v(2)},${100 + v(3)},${20 + v(4)},${1500 + v(5)}\n`
  );
}

async function uploads() {
  const towns = units.filter((u) => u.kind === "town" || u.kind === "subdistrict");
  const { path, made: tokens } = await freshDatabase("server-uploads.duckdb", async (db) => {
    const out: string[] = [];
    for (const town of towns) {
      out.push((await createToken(db, { role: "town", unit: town.code }, units, now, CLI_ACTOR)).token);
    }
    return out;
  });
  const server = await startServerProcess({ db: path });
  try {
    const { timings, wallMs } = await runClients(towns.length, 30, async (t, i) => {
      const response = await fetch(`${server.url}/api/submissions?name=${towns[t].code}-${i}.csv`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tokens[t]}`, "Content-Type": "text/csv" },
        body: monthlyFile(towns[t].code, t, i),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = (await response.json()) as { status?: string };
      return response.status === 200 && (body.status === "accepted" || body.status === "unchanged");
    });
    return { ms: Math.round(wallMs), peakRssMb: server.peakRssMb() ?? -1, ...summary(timings, wallMs) };
  } finally {
    await server.stop();
  }
}

async function report() {
  const { path, made } = await freshDatabase("server-report.duckdb", async (db) => {
    const { results } = await loadDemo(
      { db, units, periods: planPeriods(plans), today: districtToday(now) },
      join(REPO_ROOT, "fixtures", "demo"),
    );
    const viewer = await createToken(db, { role: "viewer" }, units, now, CLI_ACTOR);
    return { token: viewer.token, files: results.length };
  });
  const server = await startServerProcess({ db: path });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  try {
    // the first answer is read as JSON and checked to be a report; every later one must be the
    // same bytes (same ETag and length), so a viewer's time is until its last byte arrives and the
    // client's own JSON parsing does not count as the server's latency
    let expected: { etag: string | null; bytes: number } | null = null;
    const ask = async () => {
      const response = await httpGet(`${server.url}/api/report`, {
        agent,
        headers: { Authorization: `Bearer ${made.token}` },
      });
      const body = response.body;
      if (response.status !== 200) return false;
      const etag = response.etag;
      if (expected === null) {
        const report = JSON.parse(new TextDecoder().decode(body)) as { metrics?: unknown[] };
        if (!Array.isArray(report.metrics) || report.metrics.length === 0) return false;
        expected = { etag, bytes: body.length };
        return true;
      }
      return etag === expected.etag && body.length === expected.bytes;
    };
    const warm = await runClients(1, 5, ask);
    const { timings, wallMs } = await runClients(50, 20, ask);
    return {
      ms: Math.round(wallMs),
      peakRssMb: server.peakRssMb() ?? -1,
      demoFiles: made.files,
      warmUpMs: Math.round(Math.max(...warm.timings.map((t) => t.ms))),
      warmUpErrors: warm.timings.filter((t) => !t.ok).length,
      ...summary(timings, wallMs),
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const result = mode === "uploads" ? await uploads() : await report();
console.log(
  JSON.stringify({ ...result, clientPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
