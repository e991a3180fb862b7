/**
 * The text fields every entry of a plan shares, for the metric and tracked-item readers and the
 * plan's own header: its id, a `{ zh, en }` name, and the policy sentence it quotes with its
 * section and responsible bodies, checked word for word against the policy text.
 */
import type { YAMLMap } from "yaml";
import { join, type PlanFields } from "./planFields.ts";
import { inPolicy } from "./policyText.ts";

export const ID = /^[a-z0-9][a-z0-9_-]*$/;

export function idOf(f: PlanFields, map: YAMLMap, path: string): string {
  const node = f.required(map, "id", path);
  const id = f.string(node, join(path, "id"));
  if (id !== null && !ID.test(id)) {
    f.problem(
      node,
      join(path, "id"),
      "只能用小写字母、数字、_ 和 -。",
      "may hold only lowercase letters, digits, _ and -.",
    );
  }
  return id ?? "";
}

export function localText(
  f: PlanFields,
  map: YAMLMap,
  key: string,
  path: string,
): { zh: string; en: string } {
  const node = f.required(map, key, path);
  const here = join(path, key);
  const m = node === undefined ? null : f.map(node, here);
  if (!m) return { zh: "", en: "" };
  f.onlyKeys(m, ["zh", "en"], here);
  return {
    zh: f.string(f.required(m, "zh", here), join(here, "zh")) ?? "",
    en: f.string(f.required(m, "en", here), join(here, "en")) ?? "",
  };
}

/**
 * The policy sentence a metric quotes (checked word for word against the policy text, when the
 * plan names one), where in the policy it stands, and the responsible bodies it lists.
 */
export function policyFieldsOf(
  f: PlanFields,
  m: YAMLMap,
  path: string,
  policy: string | null,
): { quote: string; section: string | null; responsible: string[] } {
  const quoteNode = f.required(m, "quote", path);
  const quote = f.string(quoteNode, join(path, "quote")) ?? "";
  const section = f.has(m, "section") ? f.string(f.get(m, "section"), join(path, "section")) : null;
  const responsibleNode = f.required(m, "responsible", path);
  const responsible = f.strings(responsibleNode, join(path, "responsible")) ?? [];
  if (policy !== null) {
    if (quote && !inPolicy(policy, quote)) {
      f.problem(
        quoteNode,
        join(path, "quote"),
        "引文在计划所引的政策原文中找不到，须逐字照录（换行和空格除外）。",
        "the quote is not in the policy text the plan names; quote it word for word (line breaks and spaces aside).",
      );
    }
    for (const body of responsible) {
      if (!inPolicy(policy, body))
        f.problem(
          responsibleNode,
          join(path, "responsible"),
          `责任单位“${body}”在政策原文中找不到。`,
          `the responsible body "${body}" is not in the policy text.`,
        );
    }
  }
  return { quote, section, responsible };
}
