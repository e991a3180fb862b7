/**
 * A plan's `catalogue:` key: the file of reported items its monthly template holds, relative to
 * the plan file. The file is read through the caller's function (IO stays in loadPlans) and
 * checked with the plan, so a malformed catalogue is refused with the plan, naming its own file
 * and line. A plan that names none has no reported items.
 */
import type { Node, YAMLMap } from "yaml";
import type { Catalogue } from "../core/catalogue.ts";
import { DataError } from "../core/finding.ts";
import { EMPTY_CATALOGUE } from "../etl/catalogue/catalogueOf.ts";
import { parseCatalogue } from "../etl/catalogue/readCatalogue.ts";
import type { ParsePlanOptions } from "./plan.ts";
import type { PlanFields } from "./planFields.ts";

export function catalogueOfPlan(
  f: PlanFields,
  root: YAMLMap,
  period: { first: string } | null,
  options: ParsePlanOptions,
): Catalogue {
  if (!f.has(root, "catalogue")) return EMPTY_CATALOGUE;
  const node = f.get(root, "catalogue") as Node;
  const path = f.string(node, "catalogue");
  if (path === null || !options.readCatalogue || !period) return EMPTY_CATALOGUE;
  const text = options.readCatalogue(path);
  if (text === null) {
    f.problem(
      node,
      "catalogue",
      `找不到统计项目录文件 ${path}（路径相对于计划文件）。`,
      `the catalogue file ${path} cannot be read (the path is relative to the plan file).`,
    );
    return EMPTY_CATALOGUE;
  }
  try {
    return parseCatalogue(text, path, { year: Number(period.first.slice(0, 4)) });
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    f.findings.push(...error.findings);
    return EMPTY_CATALOGUE;
  }
}
