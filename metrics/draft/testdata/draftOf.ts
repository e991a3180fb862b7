/** Drafting as the command does it (the shipped plan's catalogue, OpenCC hk → cn), for tests. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js/t2cn";
import { QINGPU_2022_CATALOGUE } from "../../../etl/testdata/catalogue.ts";
import { CASE_CATEGORIES, catalogueFromIndicators } from "../draftCatalogue.ts";
import { draftPlan } from "../draftPlan.ts";
import type { Draft } from "../draftTypes.ts";

export const simplify = OpenCC.Converter({ from: "hk", to: "cn" });

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const QINGPU_POLICY = "docs/policy/qingpu-2022-employment-policy.md";
export const QINGPU_PLAN = "metrics/plans/qingpu-2022.yaml";

export function draftOf(text: string, policy = "policy.md"): Draft {
  return draftPlan(text, {
    catalogue: catalogueFromIndicators(QINGPU_2022_CATALOGUE.items),
    caseCategories: CASE_CATEGORIES,
    simplify,
    policy,
    year: 2023,
    catalogueFile: QINGPU_2022_CATALOGUE.file,
  });
}

export function qingpuText(): string {
  return readFileSync(join(ROOT, QINGPU_POLICY), "utf8");
}

/**
 * A plan file's text without one of its metrics (the list item from its `- id:` line to the next
 * item or the end of the list), for checks of a plan that leaves a commitment out.
 */
export function withoutMetric(planText: string, id: string): string {
  const lines = planText.split("\n");
  const start = lines.findIndex((line) => line.trim() === `- id: ${id}`);
  if (start < 0) throw new Error(`no metric ${id}`);
  let end = start + 1;
  while (end < lines.length && !/^ {2}- id: |^\S/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join("\n");
}
