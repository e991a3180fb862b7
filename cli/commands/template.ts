/**
 * `jobtrack template`: writes a blank template (monthly report or case ledger), CSV or xlsx. The
 * monthly report's columns are the catalogue of the plan of `--month` (pre-filled), or of the
 * current month's plan.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { templateCatalogue } from "../../etl/catalogue/planSpan.ts";
import { parseMonth } from "../../etl/normalize/month.ts";
import { type TemplateKind, templateCsv, templateXlsx } from "../../etl/template.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { plansDir } from "../context.ts";

export const template: Command = {
  name: "template",
  usage: "template [--kind monthly|cases] [--format csv|xlsx] [--month YYYY-MM] [--out FILE]",
  summary: {
    zh: "生成空白模板（中文表头；CSV 为带 BOM 的 UTF-8）",
    en: "write a blank template (Chinese headers; CSV as UTF-8 with BOM)",
  },
  options: { kind: { type: "string" }, out: { type: "string" }, month: { type: "string" } },
  usesDatabase: false,
  async run(args) {
    const kind = (args.flags.kind as string | undefined) ?? "monthly";
    const format = args.format ?? "csv";
    if (kind !== "monthly" && kind !== "cases")
      throw usageError("--kind 须为 monthly 或 cases。", "--kind must be monthly or cases.");
    if (format !== "csv" && format !== "xlsx")
      throw usageError("--format 须为 csv 或 xlsx。", "--format must be csv or xlsx.");
    const given = args.flags.month as string | undefined;
    const month = given === undefined ? null : parseMonth(given);
    if (given !== undefined && month === null)
      throw usageError(
        `--month 须为月份，如 2022-08（收到 ${given}）。`,
        `--month must be a month such as 2022-08 (got ${given}).`,
      );
    const catalogue = templateCatalogue(
      planPeriods(loadPlans(plansDir(args))),
      month,
      districtToday(args.io.now()).slice(0, 7),
    );
    if (kind === "monthly" && catalogue === null) {
      throw new CliError(
        1,
        `没有目标计划包含 ${month} 月（含期间前一个月的基期），无法生成月报模板。`,
        `No plan covers ${month} (a plan's period or the baseline month just before it); there is no monthly template for it.`,
      );
    }
    const options = {
      kind: kind as TemplateKind,
      catalogue: catalogue ?? undefined,
      month: month ?? undefined,
    };
    const bytes = format === "csv" ? templateCsv(options) : await templateXlsx(options);
    const out = resolve(
      args.io.cwd,
      (args.flags.out as string | undefined) ?? `jobtrack-${kind}-template.${format}`,
    );
    writeFileSync(out, bytes);
    args.io.stdout(`${say(args.lang, "已写出模板：", "Template written: ")}${out}\n`);
    return 0;
  },
};
