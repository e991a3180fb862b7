/** `jobtrack template`: writes a blank template (monthly report or case ledger), CSV or xlsx. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type TemplateKind, templateCsv, templateXlsx } from "../../etl/template.ts";
import { usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { say } from "../io.ts";

export const template: Command = {
  name: "template",
  usage: "template [--kind monthly|cases] [--format csv|xlsx] [--out FILE]",
  summary: {
    zh: "生成空白模板（中文表头；CSV 为带 BOM 的 UTF-8）",
    en: "write a blank template (Chinese headers; CSV as UTF-8 with BOM)",
  },
  options: { kind: { type: "string" }, out: { type: "string" } },
  usesDatabase: false,
  async run(args) {
    const kind = (args.flags.kind as string | undefined) ?? "monthly"; // defaults to the monthly report
    const format = args.format ?? "csv"; // defaults to CSV
    if (kind !== "monthly" && kind !== "cases")
      throw usageError("--kind 须为 monthly 或 cases。", "--kind must be monthly or cases.");
    if (format !== "csv" && format !== "xlsx")
      throw usageError("--format 须为 csv 或 xlsx。", "--format must be csv or xlsx.");
    const bytes =
      format === "csv"
        ? templateCsv({ kind: kind as TemplateKind })
        : await templateXlsx({ kind: kind as TemplateKind });
    const out = resolve(
      args.io.cwd,
      (args.flags.out as string | undefined) ?? `jobtrack-${kind}-template.${format}`,
    );
    writeFileSync(out, bytes);
    args.io.stdout(`${say(args.lang, "已写出模板：", "Template written: ")}${out}\n`);
    return 0;
  },
};
