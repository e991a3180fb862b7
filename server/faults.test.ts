/**
 * The server under faults, on real database files in a temp folder:
 * - 11 towns uploading 20 files each, all 220 at once: every upload is accepted or unchanged, and
 *   the current facts are exactly the newest revision of each unit-month;
 * - the server process killed (SIGKILL) while it ingests a 300,000-row file, at three moments:
 *   while the file is read and checked, while the transaction writes, while its commit reaches
 *   the log. The database opens afterwards, the interrupted submission is whole or absent, and
 *   nothing else changed.
 * Requests go to 127.0.0.1 only, and every wait is bounded.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlans } from "../metrics/loadPlans.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { cliArgs, type ServerProcess, startServerProcess } from "../test/serverProcess.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { startServer } from "./main.ts";
import type { HistoryEntry } from "./submissionHistory.ts";
import { CLI_ACTOR, createToken } from "./tokens.ts";

const REGISTRY = join(REPO_ROOT, "fixtures", "units.csv");
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "jobtrack-faults-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface UploadResult {
  status: number;
  body: { status?: string; submission_id?: number | null; errors?: unknown[] };
}

async function upload(url: string, token: string, name: string, body: string): Promise<UploadResult> {
  const response = await fetch(`${url}/api/submissions?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    body,
    signal: AbortSignal.timeout(50_000),
  });
  return { status: response.status, body: (await response.json()) as UploadResult["body"] };
}

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("220 concurrent uploads from 11 towns", () => {
  const INDICATORS = ["reemployed", "new_jobs", "formal_employment"] as const;
  const MONTHS = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08"];

  interface Sent {
    town: number;
    index: number;
    name: string;
    body: string;
    /** unit|month → indicator → value (a blank cell is absent). */
    cells: Map<string, Map<string, number>>;
  }

  /** One row of a town's file: version v of month m; `blank` leaves new_jobs empty. */
  function row(code: string, t: number, m: number, v: number, blank = false) {
    const values = {
      reemployed: 100 * v + 10 * t + m,
      new_jobs: 1000 * v + 20 * t + m,
      formal_employment: 30_000 + 1000 * t + 10 * m + v,
    };
    const text = `${code},${MONTHS[m]},${values.reemployed},${blank ? "" : values.new_jobs},${values.formal_employment}`;
    const cells = new Map<string, number>(
      INDICATORS.filter((k) => !(blank && k === "new_jobs")).map((k) => [k, values[k]]),
    );
    return { key: `${code}|${MONTHS[m]}`, text, cells };
  }

  /**
   * A town's 20 files: f0–f4 version 1 of Jan–May, f5–f9 version 2 (Feb and Apr with new_jobs
   * left blank), f10 version 3 of Jan, f11–f13 byte-identical repeats of f0, f5, f7, f14 version 1
   * of June and f15 its repeat, f16 a two-month file (Jul, Aug) and f17, f18 its repeats, f19 a
   * repeat of f10.
   */
  function townFiles(code: string, t: number): Sent[] {
    const rows: ReturnType<typeof row>[][] = [
      ...[0, 1, 2, 3, 4].map((m) => [row(code, t, m, 1)]),
      ...[0, 1, 2, 3, 4].map((m) => [row(code, t, m, 2, m === 1 || m === 3)]),
      [row(code, t, 0, 3)],
    ];
    const repeats: [number, number][] = [
      [11, 0],
      [12, 5],
      [13, 7],
    ];
    const files: ReturnType<typeof row>[][] = [...rows];
    for (const [, of] of repeats) files.push(files[of]);
    files.push([row(code, t, 5, 1)]);
    files.push(files[14]);
    files.push([row(code, t, 6, 1), row(code, t, 7, 1)]);
    files.push(files[16], files[16]);
    files.push(files[10]);
    return files.map((lines, index) => ({
      town: t,
      index,
      name: `${code}-f${index}.csv`,
      body: `unit,month,${INDICATORS.join(",")}\n${lines.map((l) => l.text).join("\n")}\n`,
      cells: new Map(lines.map((l) => [l.key, l.cells])),
    }));
  }

  it("every upload is accepted or unchanged, and v_facts holds exactly the newest revision of each unit-month", async () => {
    const dir = tempDir();
    const db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    const units = readRegistry(REGISTRY);
    await syncRegistry(db, units);
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    const now = new Date("2022-09-15T02:00:00Z");
    const towns = units.filter((u) => u.kind === "town" || u.kind === "subdistrict");
    expect(towns).toHaveLength(11);
    const tokens = new Map<string, string>();
    for (const town of towns) {
      const created = await createToken(db, { role: "town", unit: town.code }, units, now, CLI_ACTOR);
      tokens.set(town.code, created.token);
    }
    const logged: string[] = [];
    const server = await startServer(
      { db, units, plans },
      {
        port: 0,
        host: "127.0.0.1",
        handleSignals: false,
        say: () => {},
        clock: () => now,
        schedule: false,
        app: { log: (line) => logged.push(line) },
      },
    );
    try {
      const sent = towns.flatMap((town, t) => townFiles(town.code, t));
      expect(sent).toHaveLength(220);
      const order = shuffled(sent, 20220915);
      const codeOf = (f: Sent) => towns[f.town].code;
      const results = await Promise.all(
        order.map(async (file) => ({
          file,
          ...(await upload(server.url, tokens.get(codeOf(file)) ?? "", file.name, file.body)),
        })),
      );

      // every answer: 200, accepted or unchanged, with a submission id
      const answers = results.map((r) => `${r.status} ${r.body.status}`);
      expect(answers.filter((a) => a !== "200 accepted" && a !== "200 unchanged")).toEqual([]);
      expect(logged).toEqual([]);
      for (const r of results) expect(r.body.submission_id).toEqual(expect.any(Number));

      // an accepted upload is a new submission; an unchanged one names an accepted one with the same bytes
      const accepted = results.filter((r) => r.body.status === "accepted");
      const byId = new Map(accepted.map((r) => [r.body.submission_id as number, r.file]));
      expect(byId.size).toBe(accepted.length);
      for (const r of results.filter((x) => x.body.status === "unchanged")) {
        expect(byId.get(r.body.submission_id as number)?.body).toBe(r.file.body);
      }

      // what must hold whatever the arrival order, per town
      for (const [t, town] of towns.entries()) {
        const status = (i: number) =>
          results.find((r) => r.file.town === t && r.file.index === i)?.body.status ?? "missing";
        const count = (indexes: number[], s: string) => indexes.filter((i) => status(i) === s).length;
        // files whose bytes no other file has
        for (const i of [1, 2, 3, 4, 6, 8, 9]) expect(`${town.code} f${i} ${status(i)}`).toMatch(/accepted$/);
        // a pair of identical files: the first to arrive is accepted; a later one is unchanged
        // while that submission is current, else a new revision
        for (const pair of [
          [0, 11],
          [5, 12],
          [7, 13],
          [10, 19],
        ]) {
          expect(count(pair, "accepted")).toBeGreaterThanOrEqual(1);
        }
        // nothing else reports June, July or August: one copy accepted, the others unchanged
        expect([count([14, 15], "accepted"), count([14, 15], "unchanged")]).toEqual([1, 1]);
        expect([count([16, 17, 18], "accepted"), count([16, 17, 18], "unchanged")]).toEqual([1, 2]);
      }

      // the newest revision of each unit-month: the highest submission id among the accepted
      // uploads that carry it (ids are given in commit order)
      const newest = new Map<string, number>();
      const revisionsOf = new Map<string, number[]>();
      for (const [id, file] of [...byId].sort((a, b) => a[0] - b[0])) {
        for (const key of file.cells.keys()) {
          newest.set(key, id);
          revisionsOf.set(key, [...(revisionsOf.get(key) ?? []), id]);
        }
      }
      expect(newest.size).toBe(11 * MONTHS.length);
      const expected: [string, string, string, number, number][] = [];
      for (const [key, id] of newest) {
        const [unit, month] = key.split("|");
        for (const [indicator, value] of byId.get(id)?.cells.get(key) ?? []) {
          expected.push([unit, month, indicator, value, id]);
        }
      }
      const facts = await db.query<{
        unit: string;
        month: string;
        indicator: string;
        value: number;
        submission_id: number;
      }>("SELECT unit, month, indicator, value, submission_id FROM v_facts ORDER BY unit, month, indicator");
      const key = (f: (typeof expected)[number]) => f.slice(0, 3).join("|");
      expect(facts.map((f) => [f.unit, f.month, f.indicator, f.value, f.submission_id])).toEqual(
        expected.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
      );

      // district totals per indicator and month, as the report sums them
      const totals = await db.query<{ month: string; indicator: string; total: number }>(
        "SELECT month, indicator, sum(value) AS total FROM v_facts GROUP BY ALL ORDER BY ALL",
      );
      const expectedTotals = new Map<string, number>();
      for (const [, month, indicator, value] of expected) {
        const k = `${month}|${indicator}`;
        expectedTotals.set(k, (expectedTotals.get(k) ?? 0) + value);
      }
      expect(new Map(totals.map((r) => [`${r.month}|${r.indicator}`, r.total]))).toEqual(expectedTotals);

      // history: one row per accepted upload, revisions counted 1, 2, … in commit order, and only
      // the newest revision of a unit-month still accepted
      const history = await db.query<{
        submission_id: number;
        unit: string;
        status: string;
        revision: number;
      }>("SELECT submission_id, unit, status, revision FROM v_submissions ORDER BY submission_id");
      expect(history.map((h) => h.submission_id)).toEqual([...byId.keys()].sort((a, b) => a - b));
      for (const h of history) {
        const file = byId.get(h.submission_id) as Sent;
        const keys = [...file.cells.keys()];
        expect(h.unit).toBe(codeOf(file));
        expect(h.revision).toBe(
          Math.max(...keys.map((k) => (revisionsOf.get(k) ?? []).indexOf(h.submission_id) + 1)),
        );
        const current = keys.some((k) => newest.get(k) === h.submission_id);
        expect(`${h.submission_id} ${h.status}`).toBe(
          `${h.submission_id} ${current ? "accepted" : "superseded"}`,
        );
      }
    } finally {
      await server.close();
    }
  });
});

describe("the server killed (SIGKILL) in the middle of an ingest", () => {
  const UNITS = 30_000;
  const MONTHS = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08"];
  const MONTHS_BIG = [...MONTHS, "2022-09", "2022-10"];
  const FIRST =
    "单位,报告月份,失业人员实现再就业人数,新增就业岗位数\n盈浦街道,2022-08,120,45\n朱家角,2022-08,80,\n";
  let work = "";
  let template = "";
  let units = "";
  let adminToken = "";
  let big = "";
  /** The big file's rows as v_facts gives them: unit|month|indicator|value. */
  let bigRows: string[] = [];

  beforeAll(() => {
    work = tempDir();
    units = join(work, "units.csv");
    const registry = [readFileSync(REGISTRY, "utf8").trimEnd()];
    const code = (i: number) => `B${String(i).padStart(6, "0")}`;
    for (let i = 1; i <= UNITS; i++) registry.push(`${code(i)},测试${i}镇,Test ${i} Town,town`);
    writeFileSync(units, `${registry.join("\n")}\n`);
    const lines: string[] = [];
    for (let i = 1; i <= UNITS; i++) {
      for (const [m, month] of MONTHS_BIG.entries())
        lines.push(`${code(i)},${month},new_jobs,${(i * 7 + m) % 500}`);
    }
    big = `unit,month,indicator,value\n${lines.join("\n")}\n`;
    bigRows = lines.map((l) => l.replaceAll(",", "|")).sort();
    // a database with the registry and an admin token, made by the command line; copied for each run
    template = join(work, "template.duckdb");
    const out = execFileSync(
      process.execPath,
      cliArgs(["token", "create", "--role", "admin", "--format", "json"], { db: template, units }),
      { encoding: "utf8", cwd: work, env: { ...process.env, TZ: "UTC" }, timeout: 60_000 },
    );
    adminToken = (JSON.parse(out.trim().split("\n").pop() ?? "{}") as { token: string }).token;
    expect(adminToken).toMatch(/^jt_/);
    expect(existsSync(`${template}.wal`)).toBe(false);
  }, 60_000);

  type Moment = "parse" | "write" | "commit";

  interface Run {
    db: string;
    killedBeforeAnswer: boolean;
    firstId: number;
    historyBefore: unknown[];
    factsBefore: unknown[];
  }

  /** The sizes of the database file and its write-ahead log. */
  function sizes(db: string): { file: number; wal: number } {
    const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
    return { file: size(db), wal: size(`${db}.wal`) };
  }

  /** The sizes once they have stopped changing (at most 5 s), so a late write is not taken for the ingest. */
  async function settledSizes(db: string): Promise<{ file: number; wal: number }> {
    let last = sizes(db);
    for (let i = 0; i < 25; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = sizes(db);
      if (now.file === last.file && now.wal === last.wal) return now;
      last = now;
    }
    return last;
  }

  const auth = () => ({ Authorization: `Bearer ${adminToken}` });

  /**
   * Loads the first file, sends the big one, and kills the server at the moment asked for:
   * `parse` 400 ms after sending, sooner on each retry (while nothing is written yet), `write` when the
   * database file first grows, `commit` when the log first grows.
   */
  async function killDuring(moment: Moment, attempt: number): Promise<Run> {
    const dir = tempDir();
    const db = join(dir, "jobtrack.duckdb");
    copyFileSync(template, db);
    const server: ServerProcess = await startServerProcess({ db, units });
    try {
      const first = await upload(server.url, adminToken, "first.csv", FIRST);
      expect(first.status).toBe(200);
      expect(first.body.status).toBe("accepted");
      const history = await fetch(`${server.url}/api/submissions`, { headers: auth() });
      // the v_submissions columns of each entry: the months and findings the page adds are read elsewhere
      const entries = ((await history.json()) as { submissions: HistoryEntry[] }).submissions;
      const historyBefore = entries.map(({ months, findings, finding_count, ...row }) => row);
      const factsResponse = await fetch(`${server.url}/api/sql`, {
        method: "POST",
        headers: { ...auth(), "Content-Type": "application/json" },
        body: JSON.stringify({
          sql: "SELECT unit, month, indicator, value, submission_id FROM v_facts ORDER BY ALL",
        }),
      });
      const factsBefore = ((await factsResponse.json()) as { rows: unknown[] }).rows;
      expect(factsBefore).toHaveLength(3);

      const before = await settledSizes(db);
      let answered = false;
      const sending = fetch(`${server.url}/api/submissions?name=big.csv`, {
        method: "POST",
        headers: { ...auth(), "Content-Type": "text/csv" },
        body: big,
        signal: AbortSignal.timeout(60_000),
      }).then(
        (r) => {
          answered = true;
          return r.status;
        },
        () => null,
      );
      const sentAt = performance.now();
      const deadline = sentAt + 45_000;
      const reached = (): boolean => {
        const now = sizes(db);
        if (moment === "parse") return performance.now() - sentAt >= 400 / attempt;
        if (moment === "write") return now.file !== before.file || now.wal !== before.wal;
        return now.wal !== before.wal;
      };
      while (!answered && performance.now() < deadline && !reached()) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // a `parse` kill counts only while the database is still untouched (a fast machine may be writing already)
      const stillUntouched = moment !== "parse" || isDeepStrictEqual(sizes(db), before);
      await server.kill();
      const killedBeforeAnswer = !answered && performance.now() < deadline && stillUntouched;
      await sending;
      return {
        db,
        killedBeforeAnswer,
        firstId: first.body.submission_id as number,
        historyBefore,
        factsBefore,
      };
    } finally {
      await server.kill();
    }
  }

  /** Retries (at most four runs, each sooner) until the kill lands at the moment asked for. */
  async function killedRun(moment: Moment): Promise<Run> {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const run = await killDuring(moment, attempt);
      if (run.killedBeforeAnswer) return run;
    }
    throw new Error(`the ingest finished each time before the kill (${moment})`);
  }

  /** Opens the killed server's database and checks it; the interrupted submission's fate. */
  async function checkAfterKill(run: Run): Promise<"whole" | "absent"> {
    const db = await Warehouse.open({ path: run.db });
    try {
      const history = await db.query(
        `SELECT submission_id, unit, kind, file_name, sha256, received_at, status, rows, revision
         FROM v_submissions ORDER BY received_at DESC, submission_id DESC, unit`,
      );
      const others = history.filter((h) => h.submission_id !== run.firstId);
      // cells or unit-months of a submission that has no submissions row: a commit half kept
      const [orphans] = await db.query<{ facts: number; unitMonths: number }>(
        `SELECT (SELECT count(*) FROM facts WHERE submission_id NOT IN (SELECT submission_id FROM submissions))::INTEGER AS facts,
                (SELECT count(*) FROM submission_unit_months
                  WHERE submission_id NOT IN (SELECT submission_id FROM submissions))::INTEGER AS "unitMonths"`,
      );
      expect(
        orphans,
        "rows of the interrupted submission were kept without its submissions row (a torn commit)",
      ).toEqual({ facts: 0, unitMonths: 0 });
      expect(history.filter((h) => h.submission_id === run.firstId)).toEqual(run.historyBefore);
      const facts = await db.query<{
        unit: string;
        month: string;
        indicator: string;
        value: number;
        submission_id: number;
      }>("SELECT unit, month, indicator, value, submission_id FROM v_facts ORDER BY ALL");
      const firstFacts = facts.filter((f) => f.submission_id === run.firstId);
      expect(firstFacts.map((f) => [f.unit, f.month, f.indicator, f.value, f.submission_id])).toEqual(
        run.factsBefore,
      );
      const [{ n: submissions }] = await db.query<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM submissions",
      );
      const [{ n: unitMonths }] = await db.query<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM submission_unit_months WHERE submission_id <> $id",
        { id: run.firstId },
      );
      const [{ n: cells }] = await db.query<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM facts WHERE submission_id <> $id",
        { id: run.firstId },
      );
      if (others.length === 0) {
        expect({ submissions, unitMonths, cells, facts: facts.length }).toEqual({
          submissions: 1,
          unitMonths: 0,
          cells: 0,
          facts: run.factsBefore.length,
        });
        return "absent";
      }
      // whole: one submission for all 30,000 units, every cell of the file current
      expect(submissions).toBe(2);
      expect(others).toHaveLength(UNITS);
      const bigId = others[0].submission_id;
      expect(
        others.every((h) => h.submission_id === bigId && h.status === "accepted" && h.revision === 1),
      ).toBe(true);
      expect(unitMonths).toBe(UNITS * MONTHS_BIG.length);
      expect(cells).toBe(bigRows.length);
      const loaded = facts
        .filter((f) => f.submission_id === bigId)
        .map((f) => `${f.unit}|${f.month}|${f.indicator}|${f.value}`)
        .sort();
      expect(loaded.length).toBe(bigRows.length);
      expect(loaded.join("\n") === bigRows.join("\n")).toBe(true);
      return "whole";
    } finally {
      await db.close();
    }
  }

  it("killed while the file is read and checked: the database opens, the file is absent, the first file is unchanged", async () => {
    const run = await killedRun("parse");
    expect(await checkAfterKill(run)).toBe("absent");
  });

  it("killed while the transaction writes: whole or absent, and nothing else changed", async () => {
    const run = await killedRun("write");
    expect(["whole", "absent"]).toContain(await checkAfterKill(run));
  });

  it("killed while the commit reaches the log: whole or absent; a restarted server serves the database", async () => {
    const run = await killedRun("commit");
    const fate = await checkAfterKill(run);
    expect(["whole", "absent"]).toContain(fate);
    const server = await startServerProcess({ db: run.db, units });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ ok: true });
      const again = await upload(server.url, adminToken, "big-again.csv", big);
      expect(again.status).toBe(200);
      expect(again.body.status).toBe(fate === "whole" ? "unchanged" : "accepted");
    } finally {
      await server.stop();
    }
  });
});
