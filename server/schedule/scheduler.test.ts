import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validate } from "node-cron";
import { afterEach, describe, expect, it } from "vitest";
import { DataError } from "../../core/finding.ts";
import { guardedJob } from "./guardedJob.ts";
import { datedBackups, runNightlyBackup } from "./nightlyBackup.ts";
import { readReminders, sendReminders } from "./reminders.ts";
import { loadScheduleConfig, normalizeScheduleConfig } from "./scheduleConfig.ts";
import { type ScheduleFixture, scheduleFixture, YINGPU } from "./scheduleFixture.ts";
import { createScheduler } from "./scheduler.ts";
import { ingestForSource } from "./sourceIngest.ts";

let f: ScheduleFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const ZHUJIAJIAO = "310118102";
const REPORT = (month: string, value = 120) =>
  `单位,报告月份,失业人员实现再就业人数\n盈浦街道,${month},${value}\n`;

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    pending,
    setTimeout: (fn: () => void) => {
      pending.set(next, fn);
      return next++;
    },
    clearTimeout: (handle: unknown) => {
      pending.delete(handle as number);
    },
    fireAll() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("scheduler config", () => {
  it("without a file: inbox/<unit>/ for every unit (optional), every 5 minutes, 09:00 reminders, 02:30 backups", async () => {
    f = await scheduleFixture();
    const db = join(f.dir, "jobtrack.duckdb");
    const config = loadScheduleConfig({ dbPath: db, units: f.units, dueDay: 5 });
    expect(config.file).toBeNull();
    expect(config.timezone).toBe("Asia/Shanghai");
    expect(config.ingest.schedule).toBe("*/5 * * * *");
    expect(config.ingest.sources).toHaveLength(f.units.length);
    expect(config.ingest.sources[1]).toMatchObject({
      kind: "folder",
      folder: join(f.dir, "inbox", YINGPU),
      optional: true,
    });
    expect(config.rebuild.debounceMs).toBe(30_000);
    expect(config.reminders).toMatchObject({
      schedule: "0 9 * * *",
      dueDay: 5,
      outbox: join(f.dir, "outbox"),
      kinds: ["subdistrict", "town"],
    });
    expect(config.backup).toMatchObject({ schedule: "30 2 * * *", dir: join(f.dir, "backups"), keep: 14 });
    expect(config.stateFile).toBe(join(f.dir, "jobtrack.schedule-state.json"));
  });

  it("reads jobtrack.schedule.json beside the database, or a YAML file given, with paths relative to it", async () => {
    f = await scheduleFixture();
    writeFileSync(
      join(f.dir, "jobtrack.schedule.json"),
      JSON.stringify({
        ingest: {
          schedule: "*/2 * * * *",
          sources: [
            { unit: YINGPU, folder: "drops/yingpu" },
            {
              unit: "朱家角镇",
              url: "https://zjj.example.gov.cn/jobtrack/latest.csv",
              headers: { "X-Key": "a" },
            },
          ],
        },
        backup: { keep: 7 },
      }),
    );
    const config = loadScheduleConfig({ dbPath: join(f.dir, "jobtrack.duckdb"), units: f.units });
    expect(config.file).toBe(join(f.dir, "jobtrack.schedule.json"));
    expect(config.ingest.sources).toEqual([
      expect.objectContaining({ kind: "folder", folder: join(f.dir, "drops/yingpu"), optional: false }),
      expect.objectContaining({
        kind: "url",
        name: `${ZHUJIAJIAO}:zjj.example.gov.cn`,
        headers: { "X-Key": "a" },
      }),
    ]);
    expect(config.backup.keep).toBe(7);

    mkdirSync(join(f.dir, "etc"));
    writeFileSync(
      join(f.dir, "etc", "schedule.yaml"),
      "reminders:\n  dueDay: 10\n  kinds: [subdistrict, town, department]\nbackup:\n  dir: /srv/backups\n",
    );
    const yaml = loadScheduleConfig({
      configFile: join(f.dir, "etc", "schedule.yaml"),
      dbPath: join(f.dir, "jobtrack.duckdb"),
      units: f.units,
    });
    expect(yaml.reminders).toMatchObject({ dueDay: 10, outbox: join(f.dir, "etc", "outbox") });
    expect(yaml.reminders.kinds).toContain("department");
    expect(yaml.backup.dir).toBe("/srv/backups");
  });

  it("refuses a bad cron expression, an unknown setting, an unknown unit and a missing file, naming them", async () => {
    f = await scheduleFixture();
    const ctx = { baseDir: f.dir, units: f.units, file: "jobtrack.schedule.json" };
    const fails = (options: object, field: RegExp) => {
      let error: unknown = null;
      try {
        normalizeScheduleConfig(options, ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataError);
      const found = (error as DataError).findings[0];
      expect(found.column).toMatch(field);
      expect(found.zh).toContain("jobtrack.schedule.json");
    };
    fails({ backup: { schedule: "every night" } }, /^backup\.schedule$/);
    fails({ backups: {} }, /^backups$/);
    fails({ ingest: { sources: [{ unit: "工业园区", folder: "x" }] } }, /^ingest\.sources\[0\]\.unit$/);
    fails(
      { ingest: { sources: [{ unit: YINGPU, folder: "x", url: "http://x" }] } },
      /^ingest\.sources\[0\]$/,
    );
    fails({ ingest: { sources: [{ unit: YINGPU, url: "ftp://x/y.csv" }] } }, /url$/);
    fails({ timezone: "Mars/Olympus" }, /^timezone$/);
    fails({ reminders: { dueDay: 40 } }, /dueDay/);
    expect(() =>
      loadScheduleConfig({ configFile: join(f!.dir, "missing.json"), dbPath: ":memory:", units: f!.units }),
    ).toThrow(DataError);
  });

  it("every cron expression the scheduler installs is valid for node-cron", async () => {
    f = await scheduleFixture();
    const config = loadScheduleConfig({ dbPath: join(f.dir, "db.duckdb"), units: f.units });
    const scheduler = createScheduler({ config, env: f.env });
    const ticks = scheduler.ticks();
    expect(ticks.map((t) => t.job)).toEqual(["ingest", "reminders", "backup"]);
    for (const tick of ticks) expect(validate(tick.expression)).toBe(true);
    scheduler.start();
    await scheduler.stop();
  });
});

describe("guarded jobs", () => {
  it("a job that throws is logged and audited as job:<name> failed, and the next tick runs", async () => {
    f = await scheduleFixture();
    let calls = 0;
    const job = guardedJob(
      "flaky",
      async () => {
        calls++;
        if (calls === 1) throw new Error("share not mounted");
      },
      f.env,
    );
    expect(await job.run()).toBe("failed");
    expect(await job.run()).toBe("done");
    expect(calls).toBe(2);
    expect(f.lines.join("\n")).toMatch(/job flaky failed: share not mounted/);
    const audit = await f.audit("job:flaky");
    expect(audit).toHaveLength(1);
    expect(audit[0].result).toBe("failed");
    expect(JSON.parse(audit[0].detail)).toEqual({ message: "share not mounted" });
  });

  it("a tick that comes while the job still runs is skipped and logged", async () => {
    f = await scheduleFixture();
    const gate = deferred();
    let calls = 0;
    const job = guardedJob(
      "slow",
      async () => {
        calls++;
        await gate.promise;
      },
      f.env,
    );
    const first = job.run();
    expect(job.running).toBe(true);
    expect(await job.run()).toBe("skipped");
    gate.resolve();
    expect(await first).toBe("done");
    expect(calls).toBe(1);
    expect(f.lines.join("\n")).toMatch(/slow is still running; this tick is skipped/);
    expect(await job.run()).toBe("done");
  });

  it("the ingest job fails for a source that cannot be reached, still serves the others, and recovers", async () => {
    f = await scheduleFixture();
    const config = normalizeScheduleConfig(
      {
        ingest: {
          sources: [
            { unit: ZHUJIAJIAO, folder: "drive/zhujiajiao" },
            { unit: YINGPU, folder: "drive/yingpu" },
          ],
        },
      },
      { baseDir: f.dir, units: f.units },
    );
    mkdirSync(join(f.dir, "drive/yingpu"), { recursive: true });
    writeFileSync(join(f.dir, "drive/yingpu/aug.csv"), REPORT("2022-08"));
    const scheduler = createScheduler({ config, env: f.env });
    expect(await scheduler.jobs.ingest.run()).toBe("failed");
    expect(await scheduler.jobs.ingest.run()).toBe("failed");
    expect(await f.submissions()).toHaveLength(1);
    const failures = await f.audit("job:ingest");
    expect(failures).toHaveLength(2);
    expect(JSON.parse(failures[0].detail).message).toMatch(/drive\/zhujiajiao/);
    mkdirSync(join(f.dir, "drive/zhujiajiao"), { recursive: true });
    expect(await scheduler.jobs.ingest.run()).toBe("done");
  });
});

describe("dashboard rebuild", () => {
  it("is debounced: several accepted ingests end in one rebuild after the wait", async () => {
    f = await scheduleFixture();
    const config = normalizeScheduleConfig(
      { ingest: { sources: [{ unit: YINGPU, folder: "inbox/yingpu" }] }, rebuild: { debounceSeconds: 30 } },
      { baseDir: f.dir, units: f.units },
    );
    const folder = join(f.dir, "inbox/yingpu");
    mkdirSync(folder, { recursive: true });
    for (const month of ["2022-06", "2022-07", "2022-08"])
      writeFileSync(join(folder, `${month}.csv`), REPORT(month));
    const timers = manualTimers();
    let rebuilds = 0;
    const scheduler = createScheduler({
      config,
      env: f.env,
      timers,
      rebuild: async () => {
        rebuilds++;
      },
    });
    await scheduler.jobs.ingest.run();
    expect(scheduler.rebuildPending).toBe(false);
    await scheduler.jobs.ingest.run();
    expect((await f.submissions()).filter((s) => s.status === "accepted")).toHaveLength(3);
    expect(scheduler.rebuildPending).toBe(true);
    expect(timers.pending.size).toBe(1);
    expect(rebuilds).toBe(0);
    timers.fireAll();
    await scheduler.jobs.rebuild.idle();
    expect(rebuilds).toBe(1);
    expect(scheduler.rebuildPending).toBe(false);
    await scheduler.stop();
  });

  it("a failing rebuild is audited as job:rebuild and the next request tries again", async () => {
    f = await scheduleFixture();
    const config = normalizeScheduleConfig({}, { baseDir: f.dir, units: f.units });
    const timers = manualTimers();
    let calls = 0;
    const scheduler = createScheduler({
      config,
      env: f.env,
      timers,
      rebuild: async () => {
        calls++;
        if (calls === 1) throw new Error("disk full");
      },
    });
    scheduler.rebuildSoon();
    timers.fireAll();
    await scheduler.jobs.rebuild.idle();
    expect(await f.audit("job:rebuild")).toMatchObject([{ result: "failed" }]);
    scheduler.rebuildSoon();
    timers.fireAll();
    await scheduler.jobs.rebuild.idle();
    expect(calls).toBe(2);
  });
});

describe("missing-submission reminders", () => {
  it("are written only after the due day, for the towns without a current submission, once per month", async () => {
    f = await scheduleFixture("2022-09-05T03:00:00Z");
    const outbox = join(f.dir, "outbox");
    const options = { outbox, dueDay: 5, kinds: ["subdistrict", "town"] };
    const source = {
      kind: "folder" as const,
      name: "t",
      unit: f.unit(YINGPU),
      folder: f.dir,
      optional: true,
    };
    const accepted = await ingestForSource(
      f.env,
      source,
      { fileName: "aug.csv", bytes: new TextEncoder().encode(REPORT("2022-08")) },
      1e6,
    );
    expect(accepted.status).toBe("accepted");

    expect(await sendReminders(f.env, options)).toEqual([]);
    expect(existsSync(outbox)).toBe(false);

    f.setNow("2022-09-06T01:00:00Z");
    const sent = await sendReminders(f.env, options);
    expect(sent).toHaveLength(10);
    expect(sent.map((r) => r.unit)).not.toContain(YINGPU);
    expect(sent.map((r) => r.unit)).not.toContain("D-HRSS");
    expect(sent.every((r) => r.month === "2022-08" && r.due_on === "2022-09-05")).toBe(true);
    expect(existsSync(join(outbox, `${YINGPU}.txt`))).toBe(false);
    const line = readFileSync(join(outbox, `${ZHUJIAJIAO}.txt`), "utf8");
    expect(line).toContain("朱家角镇：2022年8月月报尚未报送");
    expect(line).toContain("Zhujiajiao Town: the monthly report for Aug 2022 has not been received");
    expect(readReminders(outbox)).toHaveLength(10);

    f.setNow("2022-09-07T01:00:00Z");
    expect(await sendReminders(f.env, options)).toEqual([]);
    expect(readReminders(outbox)).toHaveLength(10);
    expect(
      readFileSync(join(outbox, `${ZHUJIAJIAO}.txt`), "utf8")
        .trim()
        .split("\n"),
    ).toHaveLength(1);
    expect(await f.audit("job:reminders")).toMatchObject([{ result: "ok" }]);
  });

  it("are not written for a month no plan covers", async () => {
    f = await scheduleFixture("2024-03-10T01:00:00Z");
    expect(await sendReminders(f.env, { outbox: join(f.dir, "outbox"), dueDay: 5, kinds: ["town"] })).toEqual(
      [],
    );
  });
});

describe("nightly backup", () => {
  it("writes backups/YYYY-MM-DD (the district's date) and keeps the newest N", async () => {
    f = await scheduleFixture("2022-09-15T18:30:00Z");
    const dir = join(f.dir, "backups");
    for (const day of ["2022-09-10", "2022-09-11", "2022-09-12", "2022-09-13", "2022-09-14"]) {
      mkdirSync(join(dir, day), { recursive: true });
    }
    mkdirSync(join(dir, "2022-09-09.partial-999999"), { recursive: true });
    mkdirSync(join(dir, "notes"), { recursive: true });
    const done = await runNightlyBackup(f.env, { dir, keep: 3 });
    expect(done.path).toBe(join(dir, "2022-09-16"));
    expect(done.removed).toEqual(["2022-09-10", "2022-09-11", "2022-09-12"]);
    expect(datedBackups(dir)).toEqual(["2022-09-13", "2022-09-14", "2022-09-16"]);
    expect(readdirSync(dir).sort()).toEqual(["2022-09-13", "2022-09-14", "2022-09-16", "notes"]);
    expect(existsSync(join(dir, "2022-09-16", "manifest.json"))).toBe(true);
    expect(await f.audit("job:backup")).toMatchObject([{ result: "ok" }]);

    f.setNow("2022-09-16T18:30:00Z");
    await runNightlyBackup(f.env, { dir, keep: 3 });
    expect(datedBackups(dir)).toEqual(["2022-09-14", "2022-09-16", "2022-09-17"]);
  });
});

describe("serve with the scheduler", () => {
  it("startServer reads jobtrack.schedule.json beside the database, starts the jobs and stops them on close", async () => {
    f = await scheduleFixture();
    const { startServer } = await import("../main.ts");
    const { Warehouse } = await import("../../warehouse/db.ts");
    const path = join(f.dir, "jobtrack.duckdb");
    writeFileSync(join(f.dir, "jobtrack.schedule.json"), JSON.stringify({ backup: { enabled: false } }));
    const db = await Warehouse.open({ path });
    const options = { port: 0, handleSignals: false, say: () => {}, clock: f.env.clock };
    const running = await startServer({ db, units: f.units, plans: f.env.plans }, options);
    expect(running.scheduler?.config.file).toBe(join(f.dir, "jobtrack.schedule.json"));
    expect(running.scheduler?.ticks().map((t) => t.job)).toEqual(["ingest", "reminders"]);
    await running.close();

    writeFileSync(join(f.dir, "jobtrack.schedule.json"), JSON.stringify({ backup: { schedule: "nightly" } }));
    const again = await Warehouse.open({ path });
    await expect(startServer({ db: again, units: f.units, plans: f.env.plans }, options)).rejects.toThrow(
      /backup\.schedule/,
    );
    await again.close();
  });
});
