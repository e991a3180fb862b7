import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlans } from "../metrics/loadPlans.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry } from "../warehouse/registry.ts";
import { AnonymousAudit, type AnonymousRefusal } from "./anonymousAudit.ts";
import type { AuditEntry } from "./audit.ts";
import { startServer } from "./main.ts";

const T0 = Date.parse("2022-09-15T02:00:00Z");

function refusal(address: string, ms: number, status = 401): AnonymousRefusal {
  return {
    at: new Date(T0 + ms),
    address,
    action: "request",
    result: "refused",
    status,
    code: status === 429 ? "too_many_attempts" : "bad_token",
    target: "GET /api/report",
  };
}

function recorder() {
  const written: AuditEntry[][] = [];
  return { written, write: async (entries: AuditEntry[]) => void written.push(entries) };
}

describe("AnonymousAudit", () => {
  it("one row per address per minute, written once the minute is over, with the count and statuses", async () => {
    const r = recorder();
    const audit = new AnonymousAudit(r.write);
    await audit.note(refusal("198.51.100.1", 0));
    await audit.note(refusal("198.51.100.1", 30_000, 429));
    await audit.note(refusal("198.51.100.2", 40_000));
    await audit.note(refusal("198.51.100.1", 59_999, 429));
    expect(r.written).toEqual([]);
    // 60 s after the first address's first refusal: its window is written; the second's is not yet due
    await audit.flush(new Date(T0 + 60_000));
    expect(r.written.length).toBe(1);
    expect(r.written[0]).toEqual([
      {
        at: new Date(T0),
        actor: null,
        tokenId: null,
        role: null,
        action: "request",
        target: "GET /api/report",
        result: "refused",
        detail: {
          status: 401,
          code: "bad_token",
          ip: "198.51.100.1",
          requests: 3,
          first: "2022-09-15T02:00:00.000Z",
          last: "2022-09-15T02:00:59.999Z",
          statuses: { "401": 1, "429": 2 },
        },
      },
    ]);
    expect(audit.pending).toBe(1);
    // a refusal after the minute opens a new window for the address
    await audit.note(refusal("198.51.100.1", 61_000));
    expect(audit.pending).toBe(2);
    await audit.flush(new Date(T0 + 61_000), true);
    expect(r.written[1].map((e) => [e.detail?.ip, e.detail?.requests])).toEqual([
      ["198.51.100.2", 1],
      ["198.51.100.1", 1],
    ]);
    expect(audit.pending).toBe(0);
  });

  it("keeps at most maxAddresses windows open, writing the oldest early", async () => {
    const r = recorder();
    const audit = new AnonymousAudit(r.write, { maxAddresses: 3 });
    for (let i = 0; i < 5; i++) await audit.note(refusal(`203.0.113.${i}`, i));
    expect(audit.pending).toBe(3);
    expect(r.written.flat().map((e) => e.detail?.ip)).toEqual(["203.0.113.0", "203.0.113.1"]);
  });
});

describe("the server's summaries of anonymous refusals", () => {
  it("are written at shutdown, so none is lost when the server stops inside the minute", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-anon-"));
    const db = join(dir, "jobtrack.duckdb");
    try {
      const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
      const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
      const ctx = { db: await Warehouse.open({ path: db }), units, plans };
      const server = await startServer(ctx, {
        port: 0,
        handleSignals: false,
        say: () => {},
        schedule: false,
        clock: () => new Date(T0),
      });
      for (let i = 0; i < 5; i++) {
        const res = await fetch(new URL("/api/report", server.url));
        expect(res.status).toBe(401);
      }
      await server.close();
      const reopened = await Warehouse.open({ path: db });
      try {
        const rows = await reopened.query<{ requests: number; action: string }>(
          "SELECT action, (detail->>'requests')::INTEGER AS requests FROM audit WHERE actor IS NULL",
        );
        expect(rows).toEqual([{ action: "request", requests: 5 }]);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
