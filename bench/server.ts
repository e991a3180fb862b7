/**
 * Benchmark: the server under concurrent clients — 11 towns uploading at once, and 50 viewers
 * asking for the report at once — with the server's peak memory (it runs in a process of its own).
 */
import { measure } from "./measure.ts";
import type { Section } from "./section.ts";

const ok = (pass: boolean) => (pass ? "✓" : "✗");

export const serverBench: Section = {
  name: "server",
  title: "Server: 11 towns uploading at once, 50 viewers reading the report at once",
  run(work, log) {
    const up = measure("bench/cases/server.ts", ["uploads", work]);
    log(`  uploads: ${up.requests} in ${up.ms} ms, p95 ${up.p95Ms} ms, ${up.errors} errors`);
    const rep = measure("bench/cases/server.ts", ["report", work]);
    log(`  report: ${rep.requests} in ${rep.ms} ms, p95 ${rep.p95Ms} ms, ${rep.errors} errors`);
    const errors = Number(up.errors) + Number(rep.errors) + Number(rep.warmUpErrors);
    return {
      lines: [
        "`jobtrack serve` in its own process on a fresh database file; clients in another process over 127.0.0.1.",
        `Uploads: 11 towns, each with its own token, each sending 30 one-row monthly files (6 indicators) one after another, the 11 at once; months repeat, so later files are new revisions. Report: the demo data (${rep.demoFiles} files), then 50 viewers × 20 \`GET /api/report\` at once, after ${5} warm-up requests (slowest ${rep.warmUpMs} ms) not counted. The viewers keep their connections open (node:http, keep-alive), and a viewer's time runs from sending the request to the last byte of the answer; the first answer is parsed and checked to be a report, every other must be the same bytes (same ETag and length).`,
        "",
        "| case | requests | throughput | p50 | p95 | max | errors | server peak RSS | goal |",
        "|---|---|---|---|---|---|---|---|---|",
        `| uploads, 11 concurrent towns | ${up.requests} in ${up.ms} ms | ${up.perSecond} uploads/s | ${up.p50Ms} ms | ${up.p95Ms} ms | ${up.maxMs} ms | ${up.errors} | ${up.peakRssMb} MB | no errors ${ok(Number(up.errors) === 0)} |`,
        `| /api/report, 50 concurrent viewers | ${rep.requests} in ${rep.ms} ms | ${rep.perSecond} reports/s | ${rep.p50Ms} ms | ${rep.p95Ms} ms | ${rep.maxMs} ms | ${rep.errors} | ${rep.peakRssMb} MB | p95 < 50 ms ${ok(Number(rep.p95Ms) < 50)} · no errors ${ok(Number(rep.errors) + Number(rep.warmUpErrors) === 0)} |`,
        "",
        `No errors in either case: ${ok(errors === 0)}.`,
      ],
    };
  },
};
