/**
 * The administrator's view of the machinery through a real server on a database file: the
 * scheduler's folders made at start, job runs in `GET /api/jobs` and `jobtrack jobs`, the
 * `/admin` page, v_progress refreshed after an accepted upload, the schema browser's data, and
 * the roles each of these routes refuses.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlans } from "../metrics/loadPlans.ts";
import { type AppFixture, appFixture, type TestRole, YINGPU, YINGPU_AUGUST } from "../server/appFixture.ts";
import { type RunningServer, startServer } from "../server/main.ts";
import { CLI_ACTOR, createToken } from "../server/tokens.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import type { CliIO } from "./io.ts";
import { main, runHosted } from "./jobtrack.ts";

const ROLES: TestRole[] = ["viewer", "town", "analyst", "admin"];
const JOB_KEYS = ["job", "source", "last_started", "last_finished", "last_result", "next_run"];

describe("who may use the machinery routes", () => {
  let f: AppFixture;
  beforeAll(async () => {
    f = await appFixture();
  });
  afterAll(async () => {
    await f.db.close();
  });

  const routes: [string, string, TestRole[]][] = [
    ["GET", "/api/jobs", ["admin"]],
    ["GET", "/api/jobs/runs", ["admin"]],
    ["GET", "/api/schema", ["analyst", "admin"]],
    ["GET", "/api/tokens", ["admin"]],
  ];
  for (const [method, path, allowed] of routes) {
    it(`${method} ${path}: 401 without credentials, 403 below ${allowed[0]}`, async () => {
      expect((await request(f.app).get(path)).status).toBe(401);
      for (const role of ROLES) {
        const res = await request(f.app).get(path).set("Authorization", f.bearer(role));
        expect(res.status, role).toBe(allowed.includes(role) ? 200 : 403);
      }
    });
  }

  it("without a scheduler /api/jobs is an empty list and /admin says the scheduler is off", async () => {
    const jobs = await request(f.app).get("/api/jobs").set("Authorization", f.bearer("admin"));
    expect(jobs.body).toEqual([]);
    const page = await request(f.app)
      .get("/admin")
      .set("Authorization", f.bearer("admin"))
      .set("Accept", "text/html");
    expect(page.status).toBe(200);
    expect(page.text).toContain("本服务未启用计划任务");
  });

  it("GET /admin: an analyst's browser gets the 403 page, a script the JSON 403, nobody signed in the login page", async () => {
    const html = await request(f.app)
      .get("/admin")
      .set("Authorization", f.bearer("analyst"))
      .set("Accept", "text/html");
    expect(html.status).toBe(403);
    expect(html.text).toContain("无权访问此页面");
    const json = await request(f.app).get("/admin").set("Authorization", f.bearer("town"));
    expect(json.status).toBe(403);
    expect(json.body.error.code).toBe("forbidden");
    const anon = await request(f.app).get("/admin").set("Accept", "text/html");
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toBe("/login?next=%2Fadmin");
  });

  it("only the administrator's navigation links to /admin", async () => {
    const admin = await request(f.app)
      .get("/audit")
      .set("Authorization", f.bearer("admin"))
      .set("Accept", "text/html");
    expect(admin.text).toContain('<a href="/admin" aria-current="page">管理</a>');
    const town = await request(f.app)
      .get("/upload")
      .set("Authorization", f.bearer("town"))
      .set("Accept", "text/html");
    expect(town.text).not.toContain('href="/admin"');
  });

  it("GET /api/schema describes each view's columns and each reported item (zh/en, unit of count, flow or stock)", async () => {
    const res = await request(f.app).get("/api/schema").set("Authorization", f.bearer("analyst"));
    expect(res.body.views.map((v: { name: string }) => v.name)).toEqual([
      "v_units",
      "v_facts",
      "v_submissions",
      "v_cases",
      "v_progress",
      "v_indicators",
    ]);
    const progress = res.body.views.find((v: { name: string }) => v.name === "v_progress");
    expect(progress.columns.find((c: { name: string }) => c.name === "unit")).toEqual({
      name: "unit",
      type: "VARCHAR",
      zh: "单位代码；全区合计为空",
      en: "Unit code; empty for the district",
    });
    const item = (key: string) => res.body.indicators.find((i: { key: string }) => i.key === key);
    expect(res.body.indicators).toHaveLength(57);
    expect(item("reemployed")).toEqual({
      key: "reemployed",
      zh: "失业人员实现再就业人数",
      en: "Unemployed people reemployed",
      description: { zh: "本月实现再就业的失业人员人数。", en: "Unemployed people reemployed in the month." },
      unit_of_count: { zh: "人", en: "persons" },
      flow: "flow",
      flow_words: { zh: "本月数（当月发生）", en: "this month (a flow)" },
      reported_by: { zh: "街道、镇", en: "subdistricts, towns" },
      subset_of: null,
      subsidy: null,
    });
    expect(item("formal_employment")).toMatchObject({
      flow: "stock",
      flow_words: { zh: "期末数（月末时点）" },
    });
    expect(item("relief_financing")).toMatchObject({
      unit_of_count: { zh: "亿元", en: "100 million CNY" },
      reported_by: { zh: "区金融工作局", en: "District Finance Office" },
    });
    expect(item("grads_employed").subset_of).toBe("grads_unemployed");
  });
});

describe("a server with its scheduler", () => {
  let dir = "";
  let server: RunningServer;
  let admin = "";
  let town = "";
  const said: string[] = [];
  let now = new Date("2022-09-15T02:00:00Z");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-machinery-"));
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    const db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    await syncRegistry(db, units);
    admin = (await createToken(db, { role: "admin", label: "管理员" }, units, now, CLI_ACTOR)).token;
    town = (await createToken(db, { role: "town", unit: YINGPU, label: "盈浦经办人" }, units, now, CLI_ACTOR))
      .token;
    server = await startServer(
      { db, units, plans },
      {
        port: 0,
        clock: () => now,
        handleSignals: false,
        say: (line) => said.push(line),
        schedule: { rebuild: async () => ({ asOf: "2022-08", files: 3, bytes: 100 }) },
        app: { runCli: runHosted },
      },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("makes inbox/<unit>/, outbox/ and backups/ at start with mode 0700 and says where they are", () => {
    for (const path of [
      join(dir, "inbox"),
      join(dir, "inbox", YINGPU),
      join(dir, "outbox"),
      join(dir, "backups"),
    ]) {
      expect(statSync(path).mode & 0o777, path).toBe(0o700);
    }
    expect(said).toContain(
      `收件夹：${join(dir, "inbox")}（新建），每个单位一个子文件夹（以单位代码命名），放入的月报将自动导入。`,
    );
    expect(said).toContain(
      `催报发件夹：${join(dir, "outbox")}（新建）；备份：${join(dir, "backups")}（新建）`,
    );
  });

  it("an accepted upload fills v_progress without any report being run", async () => {
    await server.progress.idle();
    const before = await server.scheduler!.config; // the scheduler is on for a database file
    expect(before.file).toBeNull();
    const res = await request(server.url)
      .post("/api/submissions")
      .set("Authorization", `Bearer ${town}`)
      .type("text/csv")
      .send(YINGPU_AUGUST);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("accepted");
    await server.progress.idle();
    const sql = await request(server.url).post("/api/sql").set("Authorization", `Bearer ${admin}`).send({
      sql: "SELECT actual, target, expected, status FROM v_progress WHERE metric = 'reemployed' AND unit = '310118002' AND month = '2022-08'",
    });
    expect(sql.status).toBe(200);
    // 120 reported, August only; the plan allocates 盈浦 600 of the 5,000: 8/12 of it is 400 by
    // August, and 120 is below 0.9 × 400
    expect(sql.body.rows).toEqual([[120, 600, 400, "red"]]);
  });

  it("GET /api/jobs and `jobtrack jobs --format json` give each source's and job's last and next run", async () => {
    writeFileSync(
      join(dir, "inbox", YINGPU, "jul.csv"),
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-07,95\n",
    );
    const scheduler = server.scheduler!;
    expect(await scheduler.jobs.ingest.run()).toBe("done");
    now = new Date("2022-09-15T02:05:00Z");
    expect(await scheduler.jobs.ingest.run()).toBe("done");
    now = new Date("2022-09-15T02:06:00Z");
    expect(await scheduler.jobs.rebuild.run()).toBe("done");

    const res = await request(server.url).get("/api/jobs").set("Authorization", `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(15 + 3);
    for (const entry of res.body) expect(Object.keys(entry)).toEqual(JOB_KEYS);
    const yingpu = res.body.find((j: { source: string | null }) => j.source === `inbox/${YINGPU}`);
    expect(yingpu).toEqual({
      job: "ingest",
      source: `inbox/${YINGPU}`,
      last_started: "2022-09-15T10:05:00+08:00",
      last_finished: "2022-09-15T10:05:00+08:00",
      last_result: "done",
      next_run: "2022-09-15T10:10:00+08:00",
    });
    expect(res.body.slice(15)).toEqual([
      {
        job: "rebuild",
        source: null,
        last_started: "2022-09-15T10:06:00+08:00",
        last_finished: "2022-09-15T10:06:00+08:00",
        last_result: "done",
        // the accepted July file asked for a rebuild 30 s after it arrived
        next_run: "2022-09-15T10:05:30+08:00",
      },
      {
        job: "reminders",
        source: null,
        last_started: null,
        last_finished: null,
        last_result: null,
        next_run: "2022-09-16T09:00:00+08:00",
      },
      {
        job: "backup",
        source: null,
        last_started: null,
        last_finished: null,
        last_result: null,
        next_run: "2022-09-16T02:30:00+08:00",
      },
    ]);

    // the command line on this machine is answered by the running server
    const out: string[] = [];
    const io: CliIO = {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      stderrIsTTY: false,
      stdoutIsTTY: false,
      now: () => now,
      env: {},
      cwd: resolve("."),
    };
    expect(await main(["jobs", "--db", join(dir, "jobtrack.duckdb"), "--format", "json"], io)).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual(res.body);

    const runs = await request(server.url).get("/api/jobs/runs").set("Authorization", `Bearer ${admin}`);
    expect(
      runs.body.runs.map((r: { job: string; source: string | null; detail: { accepted?: number } }) => [
        r.job,
        r.source,
      ]),
    ).toEqual([
      ["rebuild", null],
      ["ingest", `inbox/${YINGPU}`],
    ]);
  });

  it("GET /admin shows the runs in words, the backups with size and date, and the folders", async () => {
    now = new Date("2022-09-15T18:30:00Z");
    expect(await server.scheduler!.jobs.backup.run()).toBe("done");
    const page = await request(server.url)
      .get("/admin")
      .set("Authorization", `Bearer ${admin}`)
      .set("Accept", "text/html");
    expect(page.status).toBe(200);
    const text = page.text.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");
    expect(text).toContain("收到 1 个文件：接收 1，未变化 0，退回 0。");
    expect(text).toContain("看板已更新，截至2022年8月。");
    expect(text).toContain(`已备份到 ${join(dir, "backups", "2022-09-16")}`);
    expect(text).toMatch(/2022-09-16\s+\d+ KB\s+2022-09-16 02:30:00/);
    expect(text).toContain(join(dir, "outbox"));
    expect(text).toContain("成功");
    for (const word of [/\bdone\b/, /\bfailed\b/, /\bingest\b/, /\bskipped\b/, /still_running/]) {
      expect(text).not.toMatch(word);
    }
  });
});
