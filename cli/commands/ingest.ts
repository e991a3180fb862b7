/**
 * `jobtrack ingest <file|folder>…`: loads monthly reports. A folder is read in name order, or in
 * the order of its manifest.json (file, received_at, received_by), as the demo data is.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { districtTimestamp, districtToday } from "../../core/districtTime.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/lang.ts";
import { CLI_MAX_BYTES, type IngestResult, ingestFile } from "../../etl/ingest.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { refreshProgress } from "../../metrics/progressView.ts";
import { usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { withContext } from "../context.ts";
import { progressBar } from "../progress.ts";

interface Job {
  path: string;
  receivedAt?: string;
  receivedBy?: string;
}

function expandInputs(paths: string[]): Job[] {
  const jobs: Job[] = [];
  for (const path of paths) {
    if (!statSync(path, { throwIfNoEntry: false })) {
      throw usageError(`找不到文件：${path}`, `No such file: ${path}`);
    }
    if (!statSync(path).isDirectory()) {
      jobs.push({ path });
      continue;
    }
    const manifestPath = join(path, "manifest.json");
    if (statSync(manifestPath, { throwIfNoEntry: false })) {
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
        file: string;
        received_at?: string;
        received_by?: string;
      }[];
      for (const m of manifest)
        jobs.push({ path: join(path, m.file), receivedAt: m.received_at, receivedBy: m.received_by });
    } else {
      for (const name of readdirSync(path).sort()) {
        const full = join(path, name);
        if (statSync(full).isFile() && !name.startsWith(".") && !/\.(md|json)$/i.test(name))
          jobs.push({ path: full });
      }
    }
  }
  return jobs;
}

const STATUS = {
  accepted: { zh: "✓ 已接收", en: "✓ accepted" },
  unchanged: {
    zh: "= 未变化（与已接收文件完全相同）",
    en: "= unchanged (identical to a file already received)",
  },
  rejected: { zh: "✗ 已退回（整份文件未入库）", en: "✗ rejected (nothing of the file was kept)" },
};

function describeResult(result: IngestResult, lang: Lang): string {
  const lines = [`${say(lang, STATUS[result.status].zh, STATUS[result.status].en)}  ${result.file}`];
  if (result.status !== "rejected") {
    lines.push(
      say(
        lang,
        `  单位 ${result.units.join("、")}；月份 ${result.months.join("、")}；${result.rows} 行`,
        `  units ${result.units.join(", ")}; months ${result.months.join(", ")}; ${result.rows} rows`,
      ),
    );
  }
  const where = (row: number | null, column: string | null) =>
    [
      row === null ? null : say(lang, `第${row}行`, `row ${row}`),
      column === null ? null : say(lang, `“${column}”列`, `column "${column}"`),
    ]
      .filter(Boolean)
      .join(say(lang, "，", ", "));
  for (const f of result.errors)
    lines.push(`  ${say(lang, "错误", "error")} ${where(f.row, f.column)}: ${f.message}`);
  for (const f of result.warnings)
    lines.push(`  ${say(lang, "提示", "warning")} ${where(f.row, f.column)}: ${f.message}`);
  return `${lines.join("\n")}\n`;
}

export const ingest: Command = {
  name: "ingest",
  usage: "ingest <file|folder>… [--as NAME]",
  summary: {
    zh: "导入月报或对象台账（CSV/xlsx，任意编码），逐个文件给出结论",
    en: "load monthly reports or case ledgers (CSV/xlsx, any encoding), a verdict per file",
  },
  options: { as: { type: "string" } },
  writesData: true,
  async run(args) {
    if (!args.positionals.length)
      throw usageError("请给出要导入的文件。", "Name at least one file to ingest.");
    const jobs = expandInputs(args.positionals.map((p) => resolve(args.io.cwd, p)));
    const results: IngestResult[] = [];
    await withContext(args, async (ctx) => {
      const periods = planPeriods(ctx.plans);
      for (const job of jobs) {
        const now = args.io.now();
        const bar = progressBar(args.io, basename(job.path));
        // a file over the limit is refused unread: this may run inside the server (see serve)
        const size = statSync(job.path).size;
        const labels: Record<string, [string, string]> = {
          read: ["读取", "reading"],
          parse: ["校验", "checking"],
          load: ["入库", "loading"],
          done: ["完成", "done"],
        };
        const result = await ingestFile(
          {
            db: ctx.db,
            units: ctx.units,
            periods,
            today: districtToday(now),
            lang: args.lang,
            onProgress: (stage, fraction) => bar.update(fraction, say(args.lang, ...labels[stage])),
          },
          {
            fileName: basename(job.path),
            bytes: size > CLI_MAX_BYTES ? new Uint8Array(0) : readFileSync(job.path),
            size,
            receivedAt: job.receivedAt ?? districtTimestamp(now),
            receivedBy:
              job.receivedBy ?? (args.flags.as as string | undefined) ?? `cli:${args.io.env.USER ?? "admin"}`,
          },
          { maxBytes: CLI_MAX_BYTES },
        );
        bar.stop();
        results.push(result);
        if (args.format !== "json") args.io.stdout(describeResult(result, args.lang));
      }
      // inside a server, the server refreshes v_progress after the command (server/main.ts)
      if (!args.io.hosted && results.some((r) => r.status === "accepted")) {
        await refreshProgress(ctx.db, ctx.plans, districtToday(args.io.now()));
      }
    });
    if (args.format === "json") args.io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else {
      const count = (s: string) => results.filter((r) => r.status === s).length;
      args.io.stdout(
        say(
          args.lang,
          `共 ${results.length} 个文件：接收 ${count("accepted")}，未变化 ${count("unchanged")}，退回 ${count("rejected")}。\n`,
          `${results.length} files: ${count("accepted")} accepted, ${count("unchanged")} unchanged, ${count("rejected")} rejected.\n`,
        ),
      );
    }
    return results.some((r) => r.status === "rejected") ? 1 : 0;
  },
};
