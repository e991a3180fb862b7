import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { recordJobRuns } from "../../server/schedule/jobRuns.ts";
import { Warehouse } from "../../warehouse/db.ts";
import { runCli } from "../testIO.ts";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("jobtrack jobs", () => {
  it("--format json without a server: one entry per source and job, the last runs recorded, no next run", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-jobs-"));
    const path = join(dir, "jobtrack.duckdb");
    const db = await Warehouse.open({ path });
    await recordJobRuns(db, [
      {
        job: "backup",
        source: null,
        startedAt: new Date("2023-01-09T18:30:00Z"),
        finishedAt: new Date("2023-01-09T18:30:04Z"),
        result: "done",
        detail: {},
      },
      {
        job: "ingest",
        source: "inbox/310118002",
        startedAt: new Date("2023-01-10T01:55:00Z"),
        finishedAt: new Date("2023-01-10T01:55:01Z"),
        result: "failed",
        detail: { message: "x" },
      },
    ]);
    await db.close();

    const { code, out, err } = await runCli(["jobs", "--db", path, "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const list = JSON.parse(out);
    // the 15 units' default inboxes, then the three other jobs
    expect(list).toHaveLength(18);
    expect(list.map((j: { job: string }) => j.job).slice(14)).toEqual([
      "ingest",
      "rebuild",
      "reminders",
      "backup",
    ]);
    for (const entry of list)
      expect(Object.keys(entry)).toEqual([
        "job",
        "source",
        "last_started",
        "last_finished",
        "last_result",
        "next_run",
      ]);
    expect(list[1]).toEqual({
      job: "ingest",
      source: "inbox/310118002",
      last_started: "2023-01-10T09:55:00+08:00",
      last_finished: "2023-01-10T09:55:01+08:00",
      last_result: "failed",
      next_run: null,
    });
    expect(list[17]).toEqual({
      job: "backup",
      source: null,
      last_started: "2023-01-10T02:30:00+08:00",
      last_finished: "2023-01-10T02:30:04+08:00",
      last_result: "done",
      next_run: null,
    });
    expect(list.every((j: { next_run: null }) => j.next_run === null)).toBe(true);
  });

  it("the table is in words and district time, and says that nothing runs without the server", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-jobs-"));
    const { code, out } = await runCli(["jobs", "--db", join(dir, "jobtrack.duckdb")]);
    expect(code).toBe(0);
    expect(out).toContain("计划任务（时间为北京时间 UTC+8）");
    expect(out).toContain("夜间备份");
    expect(out).toContain("尚未运行");
    expect(out).toContain("服务未在运行：计划任务只在 jobtrack serve 运行时执行");
    const en = await runCli(["jobs", "--db", join(dir, "jobtrack.duckdb"), "--lang", "en"]);
    expect(en.out).toContain("Nightly backup");
    expect(en.out).toContain("times in Beijing time, UTC+8");
    expect((await runCli(["jobs", "--db", join(dir, "jobtrack.duckdb"), "--format", "csv"])).code).toBe(2);
  });
});
