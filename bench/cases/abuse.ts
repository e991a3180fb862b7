/**
 * Abuse cases, each against a fresh `jobtrack serve` in a process of its own (so its peak memory
 * is that case's), with the attacker and a /healthz poller here, over 127.0.0.1:
 *   abuse.ts bomb <dir>   — a town uploads a workbook of 4 MB whose one cell unpacks to 4 GB
 *   abuse.ts rows <dir>   — a town uploads a workbook of 1,048,575 rows (one number each)
 *   abuse.ts query <dir>  — an analyst posts a query of 800 MB of text
 * The workbooks are made here at run time (fixtures/hostileWorkbook.ts). Prints one JSON line:
 * {ms (to the answer), status, code, zippedMb, unpackedMb, peakRssMb (the server's), startRssMb,
 * healthzMaxMs, healthzP50Ms, healthzPolls, healthzErrors}.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import {
  deflated,
  repeatedPart,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookBytes,
} from "../../fixtures/hostileWorkbook.ts";
import { CLI_ACTOR, createToken } from "../../server/tokens.ts";
import { REPO_ROOT } from "../../test/paths.ts";
import { startServerProcess } from "../../test/serverProcess.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";

const [mode, dir] = process.argv.slice(2);
const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
const REQUEST_TIMEOUT_MS = 120_000;
const POLL_EVERY_MS = 20;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The attack's bytes and how large they unpack. */
function workbook(): { bytes: Buffer; unpacked: number } {
  if (mode === "bomb") {
    const part = repeatedPart(
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
      "x",
      4_000_000_000,
      `</t></is></c></row>${SHEET_TAIL}`,
      true,
    );
    return { bytes: workbookBytes(part), unpacked: part.size };
  }
  const rows: string[] = [SHEET_HEAD];
  for (let r = 1; r <= 1_048_575; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 1000}</v></c></row>`);
  rows.push(SHEET_TAIL);
  const part = deflated(rows.join(""));
  return { bytes: workbookBytes(part), unpacked: part.size };
}

async function main() {
  const path = join(dir, `abuse-${mode}.duckdb`);
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  const db = await Warehouse.open({ path });
  await syncRegistry(db, units);
  const now = new Date();
  const town = await createToken(db, { role: "town", unit: "310118002" }, units, now, CLI_ACTOR);
  const analyst = await createToken(db, { role: "analyst" }, units, now, CLI_ACTOR);
  await db.close();
  const attack = mode === "query" ? null : workbook();
  const server = await startServerProcess({ db: path });
  const startRssMb = server.peakRssMb() ?? -1;
  const polls: number[] = [];
  let pollErrors = 0;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t0 = performance.now();
      try {
        const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) pollErrors++;
      } catch {
        pollErrors++;
      }
      polls.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();
  try {
    const t0 = performance.now();
    const response =
      attack === null
        ? await fetch(`${server.url}/api/sql`, {
            method: "POST",
            headers: { Authorization: `Bearer ${analyst.token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ sql: "SELECT repeat('x', 200000000) AS x FROM range(4)" }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          })
        : await fetch(`${server.url}/api/submissions?name=${mode}.xlsx`, {
            method: "POST",
            headers: { Authorization: `Bearer ${town.token}`, "Content-Type": XLSX },
            body: new Uint8Array(attack.bytes),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
    const text = await response.text();
    const ms = performance.now() - t0;
    // a few more polls after the answer, to see the server settle
    await new Promise((resolve) => setTimeout(resolve, 200));
    let code = "";
    try {
      const body = JSON.parse(text) as { error?: { code?: string }; errors?: { code: string }[] };
      code = body.errors?.[0]?.code ?? body.error?.code ?? "";
    } catch {
      code = `${text.length} bytes`;
    }
    polling = false;
    await poller;
    const sorted = [...polls].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      ms: Math.round(ms),
      status: response.status,
      code,
      zippedMb: attack ? round(attack.bytes.length / 1e6) : 0,
      unpackedMb: attack ? Math.round(attack.unpacked / 1e6) : 0,
      peakRssMb: server.peakRssMb() ?? -1,
      startRssMb,
      healthzMaxMs: round(sorted.at(-1) ?? Number.NaN),
      healthzP50Ms: round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
      healthzPolls: polls.length,
      healthzErrors: pollErrors,
    };
  } finally {
    polling = false;
    await poller;
    await server.stop();
  }
}

console.log(JSON.stringify(await main()));
