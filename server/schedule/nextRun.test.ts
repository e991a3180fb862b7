import { createTask } from "node-cron";
import { describe, expect, it } from "vitest";
import { districtIso } from "../../core/districtTime.ts";
import { jobStatus } from "./jobStatus.ts";
import { nextRun } from "./nextRun.ts";
import { normalizeScheduleConfig } from "./scheduleConfig.ts";
import { scheduleFixture, YINGPU } from "./scheduleFixture.ts";

const TZ = "Asia/Shanghai";
// 10:03:10 in the district on Thursday 15 September 2022
const AT = new Date("2022-09-15T02:03:10Z");
const iso = (expression: string, after = AT) => {
  const next = nextRun(expression, TZ, after);
  return next ? districtIso(next) : null;
};

describe("nextRun", () => {
  it("reads the scheduler's expressions in the district's time", () => {
    expect(iso("*/5 * * * *")).toBe("2022-09-15T10:05:00+08:00");
    expect(iso("0 9 * * *")).toBe("2022-09-16T09:00:00+08:00");
    expect(iso("30 2 * * *")).toBe("2022-09-16T02:30:00+08:00");
    expect(iso("0 9 * * mon-fri", new Date("2022-09-16T02:00:00Z"))).toBe("2022-09-19T09:00:00+08:00");
    expect(iso("*/30 * * * * *")).toBe("2022-09-15T10:03:30+08:00");
    // day of month and day of week both hold, as node-cron reads them: the next Friday the 13th
    expect(iso("0 0 13 * 5")).toBe("2023-01-13T00:00:00+08:00");
    expect(nextRun("30 2 * * *", "UTC", AT)?.toISOString()).toBe("2022-09-15T02:30:00.000Z");
  });

  it("agrees with node-cron: the time given matches, and no earlier minute after the start does", () => {
    for (const expression of [
      "*/5 * * * *",
      "0 9 * * *",
      "30 2 * * *",
      "15 8 1 * *",
      "0 18 * * 5",
      "0 0 13 * 5",
    ]) {
      const task = createTask(expression, () => {}, { timezone: TZ });
      const next = nextRun(expression, TZ, AT) as Date;
      expect(task.match(next), expression).toBe(true);
      // every whole minute between the start and the answer is checked, up to the first 40 days
      const limit = Math.min(next.getTime(), AT.getTime() + 40 * 86_400_000);
      for (let t = Math.ceil(AT.getTime() / 60_000) * 60_000; t < limit; t += 60_000) {
        if (task.match(new Date(t)))
          throw new Error(`${expression}: node-cron fires at ${new Date(t).toISOString()}`);
      }
      void task.destroy();
    }
  });
});

describe("jobStatus", () => {
  it("gives each source's and each job's last run and, while serving, its next run; null ones otherwise", async () => {
    const f = await scheduleFixture();
    try {
      const config = normalizeScheduleConfig(
        {
          ingest: { sources: [{ unit: YINGPU, folder: "a", name: "盈浦" }] },
          backup: { enabled: false },
        },
        { baseDir: f.dir, units: f.units },
      );
      const latest = [
        {
          run_id: 7,
          job: "ingest",
          source: "盈浦",
          started_at: "2022-09-15T10:00:00+08:00",
          finished_at: "2022-09-15T10:00:02+08:00",
          result: "done" as const,
          detail: {},
        },
      ];
      const serving = jobStatus(config, latest, {
        now: AT,
        serving: true,
        rebuildEnabled: true,
        rebuildDueAt: new Date("2022-09-15T02:03:40Z"),
      });
      expect(serving).toEqual([
        {
          job: "ingest",
          source: "盈浦",
          last_started: "2022-09-15T10:00:00+08:00",
          last_finished: "2022-09-15T10:00:02+08:00",
          last_result: "done",
          next_run: "2022-09-15T10:05:00+08:00",
        },
        {
          job: "rebuild",
          source: null,
          last_started: null,
          last_finished: null,
          last_result: null,
          next_run: "2022-09-15T10:03:40+08:00",
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
          next_run: null,
        },
      ]);
      const stopped = jobStatus(config, latest, {
        now: AT,
        serving: false,
        rebuildEnabled: true,
        rebuildDueAt: null,
      });
      expect(stopped.map((j) => j.next_run)).toEqual([null, null, null, null]);
      expect(stopped[0].last_result).toBe("done");
    } finally {
      await f.close();
    }
  });
});
