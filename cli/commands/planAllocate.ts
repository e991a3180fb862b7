/**
 * `jobtrack plan allocate <分解表.csv|xlsx> [--plan FILE] [--document TEXT] [--note TEXT] [--out FILE]`:
 * takes an official allocation table (分解表) into a plan file — each metric it has a column for
 * gets the units' targets, with the table's document named as their source (`assigned`), so the
 * dashboard says where the towns' targets come from. The plan is checked again after the change;
 * nothing is written when the table or the result has a problem. `--format json` prints
 * `{ plan, file, document, metrics: [{ id, units, total, target }], warnings }`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { DataError, localizeFinding } from "../../core/finding.ts";
import { say } from "../../core/lang.ts";
import { readUpload } from "../../etl/read/readUpload.ts";
import { readAllocationTable } from "../../metrics/allocationTable.ts";
import { formatValue } from "../../metrics/formatValue.ts";
import { loadPlans, planFileOptions } from "../../metrics/loadPlans.ts";
import { parsePlan } from "../../metrics/plan.ts";
import { withAllocations } from "../../metrics/planAllocations.ts";
import { readRegistry } from "../../warehouse/registry.ts";
import { CliError, usageError } from "../cliError.ts";
import type { CommandArgs } from "../command.ts";
import { plansDir, unitsPath } from "../context.ts";

export const ALLOCATE_USAGE =
  "plan allocate <分解表.csv|xlsx> [--plan FILE] [--document TEXT] [--note TEXT] [--out FILE]";

/** The plan file to change: --plan, else the only plan file of the plans folder. */
function planFile(args: CommandArgs): string {
  const flag = args.flags.plan as string | undefined;
  if (flag) return resolve(args.io.cwd, flag);
  const dir = plansDir(args);
  const plans = loadPlans(dir);
  if (plans.length !== 1)
    throw usageError(
      `计划目录中有 ${plans.length} 个目标计划，请用 --plan 指定要写入的计划文件。`,
      `The plans folder holds ${plans.length} plans; name the plan file to write with --plan.`,
    );
  return join(dir, plans[0].file);
}

export async function allocate(args: CommandArgs): Promise<number> {
  const [table] = args.positionals.slice(1);
  if (!table) throw usageError(`用法：jobtrack ${ALLOCATE_USAGE}`, `Usage: jobtrack ${ALLOCATE_USAGE}`);
  const file = planFile(args);
  const planText = readFileSync(file, "utf8");
  const beside = planFileOptions(file);
  const plan = parsePlan(planText, basename(file), beside);
  const tablePath = resolve(args.io.cwd, table);
  const upload = await readUpload(readFileSync(tablePath), basename(tablePath));
  if (!upload.grid) throw new DataError(upload.findings);
  const units = readRegistry(unitsPath(args));
  const read = readAllocationTable(upload.grid, plan, units);
  if (read.errors.length) throw new DataError(read.errors);
  const metrics = Object.keys(read.allocations);
  if (metrics.length === 0)
    throw new CliError(1, "分解表中没有任何指标列。", "The allocation table has no column for any target.");
  const document = (args.flags.document as string | undefined) ?? basename(tablePath);
  const noteText = args.flags.note as string | undefined;
  const note = noteText
    ? { zh: noteText, en: noteText }
    : { zh: `上级下达的分解表《${document}》。`, en: `The official allocation table "${document}".` };
  const text = withAllocations(planText, read.allocations, { note, document });
  // the changed plan must load as the old one did, quotes and all
  parsePlan(text, basename(file), beside);
  const out = resolve(args.io.cwd, (args.flags.out as string | undefined) ?? file);
  const temporary = `${out}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, out);

  const summary = metrics.map((id) => {
    const m = plan.metrics.find((x) => x.id === id);
    const values = Object.values(read.allocations[id]);
    return { id, units: values.length, total: values.reduce((a, b) => a + b, 0), target: m?.target ?? null };
  });
  const warnings = read.warnings.map((w) => localizeFinding(w, args.lang));
  if (args.format === "json") {
    args.io.stdout(
      `${JSON.stringify({ plan: plan.id, file: out, document, metrics: summary, warnings }, null, 2)}\n`,
    );
    return 0;
  }
  const lines = summary.map((s) => {
    const m = plan.metrics.find((x) => x.id === s.id);
    const v = (x: number | null) => formatValue(x, m?.unitOfCount ?? "persons", args.lang);
    return say(
      args.lang,
      `  ${m?.name.zh ?? s.id}：${s.units}个单位，合计${v(s.total)}（全区目标${v(s.target)}）`,
      `  ${m?.name.en ?? s.id}: ${s.units} units, ${v(s.total)} in all (district target ${v(s.target)})`,
    );
  });
  args.io.stdout(
    [
      say(
        args.lang,
        `已将分解表《${document}》写入目标计划 ${out}：`,
        `The allocation table "${document}" is now in the plan ${out}:`,
      ),
      ...lines,
      ...warnings.map((w) => say(args.lang, `  注意：${w.message}`, `  Note: ${w.message}`)),
      "",
    ].join("\n"),
  );
  return 0;
}
