/**
 * What `plan check` needs from a plan file: each metric's id, kind, target and quote, the policy
 * it names, and its `untracked:` list — the commitments the plan leaves out on purpose, each with
 * the sentence and the reason:
 *
 *   untracked:
 *     - quote: 在本年度我区事业单位招聘总量不低于上年水平的基础上，…
 *       target: null          # which commitment of the sentence (omit for all of them)
 *       reason: { zh: 上年数未报送，暂不跟踪, en: last year's total is not reported yet }
 *
 * Read on its own, field by field with line numbers, and ignoring every other field, so that a
 * check works on any plan the loader accepts now or later (new fields such as judged or due).
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { DataError } from "../../core/finding.ts";
import { yamlDocument } from "../../etl/read/yamlDocument.ts";
import { join, PlanFields } from "../planFields.ts";

interface PlanCommitment {
  id: string;
  kind: string | null;
  target: number | null;
  quote: string;
}

interface Untracked {
  quote: string;
  /** The commitment of the sentence meant: its figure, null for the one without a figure; undefined for all. */
  target: number | null | undefined;
  reason: { zh: string; en: string };
}

export interface PlanCommitments {
  id: string | null;
  policy: string | null;
  metrics: PlanCommitment[];
  untracked: Untracked[];
}

export function planCommitments(text: string, fileName: string): PlanCommitments {
  const { f, root } = yamlDocument(text, (lines) => new PlanFields(fileName, lines), "(plan)");

  const id = f.has(root, "id") ? f.string(f.get(root, "id"), "id") : null;
  const policy = f.has(root, "policy") ? f.string(f.get(root, "policy"), "policy") : null;
  const metrics: PlanCommitment[] = [];
  const list = f.required(root, "metrics", "");
  if (list !== undefined && !isSeq(list))
    f.problem(list, "metrics", "应为指标列表。", "must be a list of metrics.");
  if (isSeq(list)) {
    list.items.forEach((item, i) => {
      const m = f.map(item as Node, `metrics[${i}]`);
      if (!m) return;
      const path = `metrics[${i}]`;
      const metricId = f.string(f.required(m, "id", path), join(path, "id")) ?? `#${i + 1}`;
      const quote = f.string(f.required(m, "quote", path), join(path, "quote")) ?? "";
      metrics.push({
        id: metricId,
        kind: f.has(m, "kind") ? f.string(f.get(m, "kind"), join(path, "kind")) : null,
        target: targetOf(f, m, path),
        quote,
      });
    });
  }
  const untracked: Untracked[] = [];
  if (f.has(root, "untracked")) {
    const node = f.get(root, "untracked");
    if (!isSeq(node)) f.problem(node, "untracked", "应为列表。", "must be a list.");
    else
      node.items.forEach((item, i) => {
        const path = `untracked[${i}]`;
        const m = f.map(item as Node, path);
        if (!m) return;
        f.onlyKeys(m, ["quote", "target", "reason"], path);
        const quote = f.string(f.required(m, "quote", path), join(path, "quote")) ?? "";
        untracked.push({
          quote,
          target: f.has(m, "target") ? targetOf(f, m, path) : isScalar(f.get(m, "target")) ? null : undefined,
          reason: reasonOf(f, m, path),
        });
      });
  }
  if (f.findings.length) throw new DataError(f.findings);
  return { id, policy, metrics, untracked };
}

/** A target: a number, or null where the plan leaves it open. */
function targetOf(f: PlanFields, m: YAMLMap, path: string): number | null {
  if (!f.has(m, "target")) return null;
  return f.number(f.get(m, "target"), join(path, "target"), {});
}

function reasonOf(f: PlanFields, m: YAMLMap, path: string): { zh: string; en: string } {
  const node = f.required(m, "reason", path);
  if (node === undefined) return { zh: "", en: "" };
  if (isMap(node)) {
    f.onlyKeys(node, ["zh", "en"], join(path, "reason"));
    const zh = f.string(f.required(node, "zh", join(path, "reason")), join(path, "reason.zh")) ?? "";
    const en = f.string(f.required(node, "en", join(path, "reason")), join(path, "reason.en")) ?? "";
    return { zh, en };
  }
  const text = f.string(node, join(path, "reason")) ?? "";
  return { zh: text, en: text };
}
