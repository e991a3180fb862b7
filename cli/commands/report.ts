/**
 * `jobtrack report [--as-of YYYY-MM] [--unit CODE] [--as-reported YYYY-MM-DD]`: progress of every
 * metric of the plan, as a table (status words, 万 in zh), CSV, or the JSON of docs/contract.md §6.
 * Also refreshes the analysts' v_progress view (every plan's rows, as after each accepted write).
 */

import { districtToday } from "../../core/districtTime.ts";
import { formatReport } from "../../metrics/formatReport.ts";
import { refreshProgress } from "../../metrics/progressView.ts";
import { computeReport } from "../../metrics/report.ts";
import { choosePlan } from "../../metrics/reportPlan.ts";
import { usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { withContext } from "../context.ts";

export const report: Command = {
  name: "report",
  usage: "report [--as-of YYYY-MM] [--unit CODE] [--as-reported YYYY-MM-DD] [--format table|json|csv]",
  summary: {
    zh: "各项指标进度（序时进度、红黄绿灯、预警）",
    en: "progress of every target (pace, red/yellow/green, alerts)",
  },
  options: { "as-of": { type: "string" }, unit: { type: "string" }, "as-reported": { type: "string" } },
  async run(args) {
    const asOf = args.flags["as-of"] as string | undefined;
    const unit = args.flags.unit as string | undefined;
    const asReported = args.flags["as-reported"] as string | undefined;
    const format = (args.format ?? "table") as "table" | "json" | "csv";
    if (!["table", "json", "csv"].includes(format))
      throw usageError("--format 须为 table、json 或 csv。", "--format must be table, json or csv.");
    if (asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf))
      throw usageError("--as-of 须为 YYYY-MM。", "--as-of must be YYYY-MM.");
    if (asReported !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asReported)) {
      throw usageError("--as-reported 须为 YYYY-MM-DD。", "--as-reported must be YYYY-MM-DD.");
    }
    const today = districtToday(args.io.now());
    const text = await withContext(args, async (ctx) => {
      if (unit !== undefined && !ctx.units.some((u) => u.code === unit)) {
        throw usageError(`单位名录中没有单位 ${unit}。`, `The unit registry has no unit ${unit}.`);
      }
      const plan = await choosePlan(ctx.db, ctx.plans, asOf);
      const result = await computeReport(ctx.db, { plan, asOf, unit, asReported, today, lang: args.lang });
      if (!asReported && !unit) await refreshProgress(ctx.db, ctx.plans, today);
      return formatReport(result, format, {
        lang: args.lang,
        color: args.io.stdoutIsTTY && !args.io.env.NO_COLOR,
      });
    });
    args.io.stdout(text.endsWith("\n") ? text : `${text}\n`);
    return 0;
  },
};
