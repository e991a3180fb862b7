/**
 * `jobtrack jobs [--config FILE]`: the scheduler's jobs, each pull source and the rebuild,
 * reminders and backup, with their last run (start, end, result) and next run, in district time.
 * `--format json` gives docs/contract.md §5's array. While `serve` runs, the server answers with its own
 * scheduler (the next runs it will make); without a server nothing is scheduled, so every next run
 * is null and the table says why.
 */

import { resolve } from "node:path";
import { say } from "../../core/lang.ts";
import { latestDueDay } from "../../server/main.ts";
import { latestRuns } from "../../server/schedule/jobRuns.ts";
import { type JobStatus, jobStatus } from "../../server/schedule/jobStatus.ts";
import { districtClock, JOB_WORDS, RESULT_WORDS } from "../../server/schedule/jobWords.ts";
import { loadScheduleConfig } from "../../server/schedule/scheduleConfig.ts";
import { usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { dbPath, withContext } from "../context.ts";
import { formatTable } from "../table.ts";

export const jobs: Command = {
  name: "jobs",
  usage: "jobs [--config jobtrack.schedule.json] [--format table|json]",
  summary: {
    zh: "计划任务：各任务与各收件来源的上次、下次运行",
    en: "scheduled jobs: each job's and each source's last and next run",
  },
  options: { config: { type: "string" } },
  async run(args) {
    const format = args.format ?? "table";
    if (format !== "table" && format !== "json")
      throw usageError("--format 须为 table 或 json。", "--format must be table or json.");
    const configFlag = args.flags.config as string | undefined;
    const { list, serving } = await withContext(args, async (ctx) => {
      if (args.io.hosted) {
        return { list: ctx.scheduler ? await ctx.scheduler.status() : [], serving: Boolean(ctx.scheduler) };
      }
      const config = loadScheduleConfig({
        configFile: configFlag ? resolve(args.io.cwd, configFlag) : null,
        dbPath: dbPath(args),
        units: ctx.units,
        dueDay: latestDueDay(ctx.plans),
      });
      const found = jobStatus(config, await latestRuns(ctx.db), {
        now: args.io.now(),
        serving: false,
        rebuildEnabled: config.rebuild.enabled,
        rebuildDueAt: null,
      });
      return { list: found, serving: false };
    });
    if (format === "json") {
      args.io.stdout(`${JSON.stringify(list)}\n`);
      return 0;
    }
    args.io.stdout(describeJobs(list, serving, args.lang));
    return 0;
  },
};

function describeJobs(list: readonly JobStatus[], serving: boolean, lang: "zh" | "en"): string {
  const headers =
    lang === "zh"
      ? ["任务", "来源", "上次开始", "上次结束", "结果", "下次运行"]
      : ["job", "source", "last started", "last finished", "result", "next run"];
  const rows = list.map((j) => [
    say(lang, JOB_WORDS[j.job].zh, JOB_WORDS[j.job].en),
    j.source ?? "—",
    districtClock(j.last_started),
    districtClock(j.last_finished),
    j.last_result
      ? say(lang, RESULT_WORDS[j.last_result].zh, RESULT_WORDS[j.last_result].en)
      : say(lang, "尚未运行", "not run yet"),
    districtClock(j.next_run),
  ]);
  const lines = [
    say(lang, "计划任务（时间为北京时间 UTC+8）", "Scheduled jobs (times in Beijing time, UTC+8)"),
    formatTable(headers, rows).trimEnd(),
  ];
  if (!serving) {
    lines.push(
      say(
        lang,
        "服务未在运行：计划任务只在 jobtrack serve 运行时执行，因此没有下次运行时间。",
        "The server is not running: the jobs run only inside jobtrack serve, so none has a next run.",
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}
