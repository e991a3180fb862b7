/**
 * Benchmark: what an attacker's worst inputs do to a running server — a workbook bomb and a
 * workbook of a million rows from a town, and an analyst's query of 800 MB — measured as the time
 * to the answer, /healthz answering throughout, and the server's peak memory.
 */
import { measure } from "./measure.ts";
import type { Section } from "./section.ts";

const ok = (pass: boolean) => (pass ? "✓" : "✗");

export const abuseBench: Section = {
  name: "abuse",
  title: "Abuse: a workbook bomb, a million-row workbook and an 800 MB query against a running server",
  run(work, log) {
    const cases = [
      { mode: "bomb", what: "town uploads a 4 GB-unpacked .xlsx" },
      { mode: "rows", what: "town uploads a 1,048,575-row .xlsx" },
      { mode: "query", what: "analyst posts `SELECT repeat('x', 200000000) FROM range(4)`" },
    ];
    const rows = cases.map(({ mode, what }) => {
      const m = measure("bench/cases/abuse.ts", [mode, work]);
      log(
        `  ${mode}: ${m.status} ${m.code} in ${m.ms} ms, healthz max ${m.healthzMaxMs} ms, peak ${m.peakRssMb} MB`,
      );
      const file = m.zippedMb ? `${m.zippedMb} MB zipped, ${m.unpackedMb} MB unpacked` : "—";
      const goals = [
        `< 5 s ${ok(Number(m.ms) < 5000)}`,
        `healthz < 200 ms ${ok(Number(m.healthzMaxMs) < 200 && Number(m.healthzErrors) === 0)}`,
        `< 1 GB ${ok(Number(m.peakRssMb) < 1024)}`,
      ].join(" · ");
      return `| ${what} | ${file} | ${m.status} ${m.code} | ${m.ms} ms | ${m.healthzMaxMs} ms (p50 ${m.healthzP50Ms} ms, ${m.healthzPolls} polls, ${m.healthzErrors} failed) | ${m.peakRssMb} MB (${m.startRssMb} MB at start) | ${goals} |`;
    });
    return {
      lines: [
        "`jobtrack serve` in its own process on a fresh database file, a fresh one per case; the attacker and a `/healthz` poller (every 20 ms, each answer timed) in another process over 127.0.0.1. The workbooks are made at run time: the bomb is one inline-string cell of 4,000,000,000 bytes, its deflate stream one compressed megabyte repeated; the long sheet is 1,048,575 rows of one number each. Time is from sending the request to the last byte of the answer.",
        "",
        "| case | file | answer | time to answer | /healthz slowest during it | server peak RSS | goals |",
        "|---|---|---|---|---|---|---|",
        ...rows,
      ],
    };
  },
};
