import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { guardedJob } from "./guardedJob.ts";
import { latestRuns, recentRuns, recordJobRuns } from "./jobRuns.ts";
import { normalizeScheduleConfig } from "./scheduleConfig.ts";
import { type ScheduleFixture, scheduleFixture, YINGPU } from "./scheduleFixture.ts";
import { createScheduler } from "./scheduler.ts";

let f: ScheduleFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const ZHUJIAJIAO = "310118102";
const REPORT = (unit: string, month: string, value: string | number = 120) =>
  `单位,报告月份,失业人员实现再就业人数\n${unit},${month},${value}\n`;

async function runs(fx: ScheduleFixture) {
  return fx.db.query<{
    job: string;
    source: string | null;
    started: string;
    finished: string;
    result: string;
    detail: string;
  }>(
    `SELECT job, source, started_at::VARCHAR AS started, finished_at::VARCHAR AS finished, result, detail::VARCHAR AS detail
     FROM job_runs ORDER BY run_id`,
  );
}

describe("job runs", () => {
  it("the ingest job records one run per source, done with its counts or failed with its message, at the scheduler's clock", async () => {
    f = await scheduleFixture("2022-09-15T02:00:00Z");
    const config = normalizeScheduleConfig(
      {
        ingest: {
          sources: [
            { unit: YINGPU, folder: "drive/yingpu", name: "盈浦" },
            { unit: ZHUJIAJIAO, folder: "drive/zhujiajiao", name: "朱家角" },
            { unit: "练塘镇", folder: "drive/missing", name: "练塘" },
          ],
        },
      },
      { baseDir: f.dir, units: f.units },
    );
    mkdirSync(join(f.dir, "drive/yingpu"), { recursive: true });
    mkdirSync(join(f.dir, "drive/zhujiajiao"), { recursive: true });
    writeFileSync(join(f.dir, "drive/yingpu/aug.csv"), REPORT("盈浦街道", "2022-08"));
    writeFileSync(join(f.dir, "drive/yingpu/jul.csv"), REPORT("盈浦街道", "2022-07", 95));
    writeFileSync(join(f.dir, "drive/zhujiajiao/aug.csv"), REPORT("朱家角镇", "2022-08", "约50"));
    let changed = 0;
    const scheduler = createScheduler({ config, env: f.env, onDataChanged: () => changed++ });

    // first look: the files are seen and wait until they stop changing
    expect(await scheduler.jobs.ingest.run()).toBe("failed");
    f.setNow("2022-09-15T02:05:00Z");
    expect(await scheduler.jobs.ingest.run()).toBe("failed");
    expect(changed).toBe(2);

    const rows = await runs(f);
    expect(rows.map((r) => [r.source, r.result, r.started])).toEqual([
      ["盈浦", "done", "2022-09-15 02:00:00+00"],
      ["朱家角", "done", "2022-09-15 02:00:00+00"],
      ["练塘", "failed", "2022-09-15 02:00:00+00"],
      ["盈浦", "done", "2022-09-15 02:05:00+00"],
      ["朱家角", "done", "2022-09-15 02:05:00+00"],
      ["练塘", "failed", "2022-09-15 02:05:00+00"],
    ]);
    expect(rows.every((r) => r.job === "ingest" && r.finished === r.started)).toBe(true);
    expect(JSON.parse(rows[0].detail)).toEqual({
      files: 0,
      accepted: 0,
      unchanged: 0,
      rejected: 0,
      waiting: 2,
      names: [],
    });
    expect(JSON.parse(rows[3].detail)).toEqual({
      files: 2,
      accepted: 2,
      unchanged: 0,
      rejected: 0,
      waiting: 0,
      names: [
        { file: "aug.csv", status: "accepted" },
        { file: "jul.csv", status: "accepted" },
      ],
    });
    expect(JSON.parse(rows[4].detail)).toMatchObject({ files: 1, accepted: 0, rejected: 1 });
    const failed = JSON.parse(rows[5].detail);
    expect(failed.accepted).toBe(0);
    expect(failed.zh).toMatch(/drive\/missing（练塘）不存在或无法访问/);
    expect(failed.message).toMatch(/does not exist or cannot be reached/);

    const latest = await latestRuns(f.db);
    expect(latest.map((r) => [r.job, r.source, r.result, r.started_at])).toEqual([
      ["ingest", "朱家角", "done", "2022-09-15T10:05:00+08:00"],
      ["ingest", "盈浦", "done", "2022-09-15T10:05:00+08:00"],
      ["ingest", "练塘", "failed", "2022-09-15T10:05:00+08:00"],
    ]);
    // the quiet pulls of the first look are left out of the recent runs unless asked for
    expect((await recentRuns(f.db, { limit: 10 })).map((r) => [r.source, r.result])).toEqual([
      ["练塘", "failed"],
      ["朱家角", "done"],
      ["盈浦", "done"],
      ["练塘", "failed"],
    ]);
    expect(await recentRuns(f.db, { limit: 10, quiet: true })).toHaveLength(6);
  });

  it("a tick that comes while the ingest job runs is recorded as skipped for each source", async () => {
    f = await scheduleFixture();
    const config = normalizeScheduleConfig(
      {
        ingest: {
          sources: [
            { unit: YINGPU, folder: "a", name: "A" },
            { unit: ZHUJIAJIAO, folder: "b", name: "B" },
          ],
        },
      },
      { baseDir: f.dir, units: f.units },
    );
    mkdirSync(join(f.dir, "a"));
    mkdirSync(join(f.dir, "b"));
    const scheduler = createScheduler({ config, env: f.env });
    const first = scheduler.jobs.ingest.run();
    expect(await scheduler.jobs.ingest.run()).toBe("skipped");
    expect(await first).toBe("done");
    const rows = await runs(f);
    expect(rows.map((r) => [r.source, r.result])).toEqual([
      ["A", "skipped"],
      ["B", "skipped"],
      ["A", "done"],
      ["B", "done"],
    ]);
  });

  it("the rebuild records the month the dashboard now shows; the backup its folder and bytes; reminders their units", async () => {
    f = await scheduleFixture("2022-09-15T18:30:00Z");
    const config = normalizeScheduleConfig({}, { baseDir: f.dir, units: f.units });
    const scheduler = createScheduler({
      config,
      env: f.env,
      rebuild: async () => ({ asOf: "2022-08", files: 41, bytes: 250_000 }),
    });
    expect(await scheduler.jobs.rebuild.run()).toBe("done");
    expect(await scheduler.jobs.backup.run()).toBe("done");
    f.setNow("2022-09-16T01:00:00Z");
    expect(await scheduler.jobs.reminders.run()).toBe("done");
    const rows = await runs(f);
    expect(rows.map((r) => [r.job, r.source, r.result])).toEqual([
      ["rebuild", null, "done"],
      ["backup", null, "done"],
      ["reminders", null, "done"],
    ]);
    expect(JSON.parse(rows[0].detail)).toEqual({ as_of: "2022-08", files: 41, bytes: 250_000 });
    const backup = JSON.parse(rows[1].detail);
    expect(backup.path).toBe(join(f.dir, "backups", "2022-09-16"));
    expect(backup.removed).toEqual([]);
    expect(backup.tables).toBeGreaterThan(5);
    expect(backup.bytes).toBeGreaterThan(1000);
    const reminders = JSON.parse(rows[2].detail);
    expect(reminders.month).toBe("2022-08");
    // no town has reported August: all eleven are reminded
    expect(reminders.units).toEqual([
      "310118001",
      "310118002",
      "310118003",
      "310118102",
      "310118103",
      "310118104",
      "310118105",
      "310118106",
      "310118107",
      "310118109",
      "310118110",
    ]);
  });

  it("a failed job is recorded with its message as well as audited", async () => {
    f = await scheduleFixture();
    const job = guardedJob(
      "rebuild",
      async () => {
        throw new Error("disk full");
      },
      f.env,
    );
    expect(await job.run()).toBe("failed");
    const rows = await runs(f);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ job: "rebuild", source: null, result: "failed" });
    expect(JSON.parse(rows[0].detail)).toEqual({ message: "disk full" });
    expect(await f.audit("job:rebuild")).toMatchObject([{ result: "failed" }]);
  });

  it("keeps only the newest runs of each job and source", async () => {
    f = await scheduleFixture();
    const at = (minute: number) => new Date(Date.UTC(2022, 8, 15, 2, minute));
    for (let minute = 0; minute < 6; minute++) {
      await recordJobRuns(
        f.db,
        [
          {
            job: "ingest",
            source: "A",
            startedAt: at(minute),
            finishedAt: at(minute),
            result: "done",
            detail: { files: minute },
          },
          {
            job: "ingest",
            source: "B",
            startedAt: at(minute),
            finishedAt: at(minute),
            result: "done",
            detail: { files: 0 },
          },
        ],
        3,
      );
    }
    await recordJobRuns(
      f.db,
      [{ job: "backup", source: null, startedAt: at(7), finishedAt: at(8), result: "done", detail: {} }],
      3,
    );
    const kept = await f.db.query<{ job: string; source: string | null; n: number; first: number }>(
      `SELECT job, source, count(*)::INTEGER AS n, min(json_extract(detail, '$.files')::INTEGER) AS first
       FROM job_runs GROUP BY job, source ORDER BY job, source`,
    );
    expect(kept).toEqual([
      { job: "backup", source: null, n: 1, first: null },
      { job: "ingest", source: "A", n: 3, first: 3 },
      { job: "ingest", source: "B", n: 3, first: 0 },
    ]);
  });
});
