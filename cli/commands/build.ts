/** `jobtrack build [--out dist] [--as-of YYYY-MM] [--pdf]`: writes the static dashboard (and the brief as PDF). */
import { join, resolve } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { printPdf } from "../../dashboard/briefPdf.ts";
import { buildDashboard } from "../../dashboard/buildDashboard.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { DEFAULT_SITE_DIR, withContext } from "../context.ts";

export const build: Command = {
  name: "build",
  usage: "build [--out dist] [--as-of YYYY-MM] [--pdf]",
  summary: {
    zh: "生成静态看板（中英文，含一页简报；--pdf 另存简报 PDF）",
    en: "write the static dashboard (zh and en, with the one-page brief; --pdf also prints the brief to PDF)",
  },
  options: { out: { type: "string" }, "as-of": { type: "string" }, pdf: { type: "boolean" } },
  async run(args) {
    const asOf = args.flags["as-of"] as string | undefined;
    if (asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf))
      throw usageError("--as-of 须为 YYYY-MM。", "--as-of must be YYYY-MM.");
    const outDir = resolve(args.io.cwd, (args.flags.out as string | undefined) ?? DEFAULT_SITE_DIR);
    const started = performance.now();
    const now = args.io.now();
    const result = await withContext(args, (ctx) =>
      buildDashboard(ctx, { outDir, asOf, now, today: districtToday(now) }),
    );
    const ms = Math.round(performance.now() - started);
    let pdf: string | null = null;
    if (args.flags.pdf) {
      pdf = join(outDir, "brief.pdf");
      if (!printPdf(join(outDir, "brief.html"), pdf)) {
        throw new CliError(
          1,
          "未找到 Chromium，无法生成 PDF（Debian：apt-get install chromium fonts-wqy-microhei）。看板已生成。",
          "Chromium not found, so no PDF (Debian: apt-get install chromium fonts-wqy-microhei). The dashboard was built.",
        );
      }
    }
    if (args.format === "json") args.io.stdout(`${JSON.stringify({ ...result, ms, pdf })}\n`);
    else {
      args.io.stdout(
        say(
          args.lang,
          `已生成看板：${outDir}/index.html（计划 ${result.plan}，截至 ${result.asOf}，含 ${result.months.length} 个月，${result.files} 个文件，${ms} 毫秒）\n`,
          `Dashboard written: ${outDir}/index.html (plan ${result.plan}, as of ${result.asOf}, ${result.months.length} months, ${result.files} files, ${ms} ms)\n`,
        ),
      );
      if (pdf) args.io.stdout(`${say(args.lang, "简报 PDF：", "Brief PDF: ")}${pdf}\n`);
    }
    return 0;
  },
};
