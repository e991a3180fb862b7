import { describe, expect, it } from "vitest";
import { isMap, isSeq, type Node, parseDocument, type YAMLMap } from "yaml";
import { planYaml, UNSURE_MARK } from "./planYaml.ts";
import { draftOf, QINGPU_POLICY, qingpuText } from "./testdata/draftOf.ts";
import { PASSAGES } from "./testdata/passages.ts";

/** The plan file's key that carries each kind of guess. */
const KEY: Record<string, string[]> = {
  target: ["target"],
  direction: ["direction"],
  kind: ["kind"],
  judged: ["judged"],
  tolerance: ["tolerance"],
  items: ["indicator", "numerator", "denominator", "case_category"],
  due: ["due"],
  starts: ["starts"],
  responsible: ["responsible"],
  unit_of_count: ["unit_of_count"],
  section: ["section"],
  name: ["name"],
};

const drafts = [
  ["qingpu", draftOf(qingpuText(), QINGPU_POLICY)],
  ...PASSAGES.map((p) => [p.name, draftOf(p.text, `${p.name}.txt`)] as const),
] as const;

describe.each(drafts)("the plan file of the %s draft", (_name, draft) => {
  const doc = parseDocument(planYaml(draft));
  const metrics = doc.get("metrics", true);

  it("is valid YAML with one metric per commitment, in order", () => {
    expect(doc.errors).toEqual([]);
    if (!draft.commitments.length) return;
    expect(isSeq(metrics)).toBe(true);
    const ids = isSeq(metrics) ? metrics.items.map((m) => (m as YAMLMap).get("id")) : [];
    expect(ids).toEqual(draft.commitments.map((c) => c.id));
  });

  it("marks every unsure guess on the line of its field, and no sure one", () => {
    draft.commitments.forEach((c, i) => {
      const metric = isSeq(metrics) ? (metrics.items[i] as YAMLMap) : null;
      if (!metric || !isMap(metric)) throw new Error(`no metric ${c.id}`);
      for (const [field, keys] of Object.entries(KEY)) {
        const nodes = keys.map((k) => metric.get(k, true) as Node | undefined).filter(Boolean);
        const marked = nodes.some((n) => (n?.comment ?? "").includes(UNSURE_MARK));
        expect([c.id, field, marked]).toEqual([c.id, field, c.unsure.includes(field)]);
      }
    });
  });

  it("quotes each sentence in full and writes each target as the plain number", () => {
    draft.commitments.forEach((c, i) => {
      const metric = isSeq(metrics) ? (metrics.items[i] as YAMLMap) : null;
      const json = metric?.toJSON() as { quote: string; target: number | null };
      expect([json.quote, json.target]).toEqual([c.quote, c.target]);
    });
  });
});
