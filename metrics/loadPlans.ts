/**
 * Reading the plan files of a folder (IO). Every file is checked and every problem of every file
 * is reported at once; two files with the same plan id are refused. A plan that names its policy
 * text (`policy:`, relative to the plan file) has its quotes checked against it; the catalogue of
 * reported items it names (`catalogue:`, relative to the plan file) is read with it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DataError, type Finding, finding } from "../core/finding.ts";
import { type ParsePlanOptions, type Plan, parsePlan } from "./plan.ts";

/** A file a plan names, relative to the plan file; null when it cannot be read. */
function readBeside(planFile: string, path: string): string | null {
  try {
    return readFileSync(resolve(dirname(planFile), path), "utf8");
  } catch {
    return null;
  }
}

/** How a plan file's own files are read: its policy text and its catalogue, beside it. */
export function planFileOptions(planFile: string): ParsePlanOptions {
  return {
    readPolicy: (path) => readBeside(planFile, path),
    readCatalogue: (path) => readBeside(planFile, path),
  };
}

/** Plans from `dir` (defaults to metrics/plans), in file-name order. */
export function loadPlans(dir = "metrics/plans"): Plan[] {
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith("."))
    .sort();
  const plans: Plan[] = [];
  const problems: Finding[] = [];
  for (const name of names) {
    try {
      const file = join(dir, name);
      plans.push(parsePlan(readFileSync(file, "utf8"), name, planFileOptions(file)));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.findings);
    }
  }
  const seen = new Map<string, string>();
  for (const plan of plans) {
    const other = seen.get(plan.id);
    if (other) {
      problems.push(
        finding(
          null,
          "id",
          "duplicate_plan",
          `目标计划 ${plan.file} 与 ${other} 的编号都是 ${plan.id}；每个计划的编号须唯一。`,
          `Plans ${plan.file} and ${other} both have the id ${plan.id}; plan ids must be unique.`,
        ),
      );
    }
    seen.set(plan.id, plan.file);
  }
  if (problems.length) throw new DataError(problems);
  return plans;
}
