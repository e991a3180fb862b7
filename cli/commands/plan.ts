/**
 * `jobtrack plan draft POLICY [--out FILE]`: a draft plan file from a policy text, every unsure
 * guess marked; `jobtrack plan check PLAN [POLICY]`: what a plan leaves out of its policy, quotes
 * not in it and targets that differ (exit 1 when any). `--format json` gives docs/contract.md §5.
 * `jobtrack plan allocate` (planAllocate.ts) takes an official allocation table into a plan file.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkFails, checkPlan } from "../../metrics/draft/checkPlan.ts";
import { CASE_CATEGORIES, catalogueFromIndicators } from "../../metrics/draft/draftCatalogue.ts";
import { checkJson, draftJson } from "../../metrics/draft/draftJson.ts";
import { draftPlan } from "../../metrics/draft/draftPlan.ts";
import { checkSummary, draftSummary } from "../../metrics/draft/draftSummary.ts";
import { planCommitments } from "../../metrics/draft/planCommitments.ts";
import { planYaml } from "../../metrics/draft/planYaml.ts";
import { loadPlans } from "../../metrics/loadPlans.ts";
import { reportPlan } from "../../metrics/reportPlan.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command, CommandArgs } from "../command.ts";
import { plansDir } from "../context.ts";
import { readPolicy, simplifier } from "../policyFile.ts";
import { ALLOCATE_USAGE, allocate } from "./planAllocate.ts";

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DRAFT_USAGE = "plan draft <policy.txt|.md|.docx> [--out FILE] [--format json]";
const CHECK_USAGE = "plan check <plan.yaml> [<policy>] [--format json]";
/** A plan file is a few hundred lines; anything far larger is not one. */
const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** What a draft matches commitments against: the catalogue of the plans folder's latest plan. */
function draftCatalogue(args: CommandArgs) {
  const catalogue = reportPlan(loadPlans(plansDir(args)), null)?.catalogue ?? null;
  return {
    catalogue: catalogueFromIndicators(catalogue?.items ?? []),
    catalogueFile: catalogue?.file || null,
  };
}

function checkFormat(args: CommandArgs): "text" | "json" {
  if (args.format === undefined || args.format === "text") return "text";
  if (args.format === "json") return "json";
  throw usageError("--format 须为 json（或省略）。", "--format must be json (or left out).");
}

async function draft(args: CommandArgs): Promise<number> {
  const format = checkFormat(args);
  const [policyPath, ...extra] = args.positionals.slice(1);
  if (!policyPath || extra.length) {
    throw usageError(
      "用法：jobtrack plan draft <政策文件> [--out 文件] [--format json]",
      `Usage: jobtrack ${DRAFT_USAGE}`,
    );
  }
  const text = await readPolicy(args.io.cwd, policyPath);
  const result = draftPlan(text, {
    ...draftCatalogue(args),
    caseCategories: CASE_CATEGORIES,
    simplify: simplifier(),
    policy: policyPath,
    year: args.io.now().getUTCFullYear(),
  });
  const outFlag = args.flags.out as string | undefined;
  // without --out, json goes to stdout alone and the text summary comes with the file beside the policy
  const out =
    outFlag !== undefined
      ? resolve(args.io.cwd, outFlag)
      : format === "json"
        ? null
        : resolve(args.io.cwd, `${basename(policyPath).replace(/\.[^.]+$/, "")}.draft.yaml`);
  if (out) writeAtomically(out, planYaml(result));
  if (format === "json") args.io.stdout(`${JSON.stringify(draftJson(result))}\n`);
  else args.io.stdout(draftSummary(result, args.lang, out ? shown(args.io.cwd, out) : null));
  return 0;
}

async function check(args: CommandArgs): Promise<number> {
  const format = checkFormat(args);
  const [planPath, policyArg, ...extra] = args.positionals.slice(1);
  if (!planPath || extra.length) {
    throw usageError(
      "用法：jobtrack plan check <计划文件> [<政策文件>] [--format json]",
      `Usage: jobtrack ${CHECK_USAGE}`,
    );
  }
  const planFull = resolve(args.io.cwd, planPath);
  if (!existsSync(planFull) || !statSync(planFull).isFile())
    throw usageError(`找不到计划文件：${planPath}`, `No such plan file: ${planPath}`);
  if (statSync(planFull).size > MAX_PLAN_BYTES) {
    throw new CliError(
      1,
      `计划文件超过 5 MB，不像一份计划：${planPath}`,
      `The plan file is over 5 MB, too large for a plan: ${planPath}`,
    );
  }
  const plan = planCommitments(readFileSync(planFull, "utf8"), basename(planPath));
  const policyPath = policyArg ?? plan.policy;
  if (!policyPath) {
    throw usageError("计划未写 policy:，请给出政策文件。", "The plan names no policy: give the policy file.");
  }
  // a plan's own `policy:` is written from the project's root; a path given here is from the current folder
  const policyBase = policyArg
    ? args.io.cwd
    : ([args.io.cwd, dirname(planFull), PACKAGE_ROOT].find((base) => existsSync(resolve(base, policyPath))) ??
      args.io.cwd);
  const text = await readPolicy(policyBase, policyPath);
  const simplify = simplifier();
  const drafted = draftPlan(text, {
    ...draftCatalogue(args),
    caseCategories: CASE_CATEGORIES,
    simplify,
    policy: policyPath,
    year: args.io.now().getUTCFullYear(),
  });
  const result = checkPlan(plan, drafted, text, simplify);
  if (format === "json") args.io.stdout(`${JSON.stringify(checkJson(result))}\n`);
  else args.io.stdout(checkSummary(result, args.lang, planPath, policyPath));
  return checkFails(result) ? 1 : 0;
}

/** A path as the user would type it: relative below the current folder, absolute elsewhere. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

/** Written beside the target and renamed over it, so a half-written draft never replaces a plan. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export const plan: Command = {
  name: "plan",
  usage: `${DRAFT_USAGE} | ${CHECK_USAGE} | ${ALLOCATE_USAGE}`,
  summary: {
    zh: "目标计划：从政策文件起草（逐项标出待核实之处）、核对计划与原文、写入上级下达的分解表",
    en: "plans: draft one from a policy text (every unsure guess marked), check one against its policy, take in an official allocation table",
  },
  options: {
    out: { type: "string" },
    plan: { type: "string" },
    document: { type: "string" },
    note: { type: "string" },
  },
  usesDatabase: false,
  async run(args) {
    const sub = args.positionals[0];
    if (sub === "draft") return draft(args);
    if (sub === "check") return check(args);
    if (sub === "allocate") return allocate(args);
    throw usageError(
      sub
        ? `未知的 plan 子命令：${sub}（可用 draft、check、allocate）`
        : "请给出子命令：draft、check 或 allocate。",
      sub
        ? `Unknown plan subcommand: ${sub} (use draft, check or allocate)`
        : "Give a subcommand: draft, check or allocate.",
    );
  },
};
