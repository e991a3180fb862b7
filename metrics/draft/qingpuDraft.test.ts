/**
 * The draft of Qingpu's policy (青府规发〔2022〕4号) against the plan written by hand for it
 * (metrics/plans/qingpu-2022.yaml): every commitment the plan tracks is found, by quote and
 * target, with the same reported items, kind and direction; what the draft adds is marked unsure.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlans } from "../loadPlans.ts";
import type { PlanMetric } from "../plan.ts";
import type { Commitment } from "./draftTypes.ts";
import { comparable } from "./plainText.ts";
import { draftOf, QINGPU_POLICY, qingpuText, ROOT, simplify } from "./testdata/draftOf.ts";

const plan = loadPlans(join(ROOT, "metrics", "plans")).find((p) => p.id === "qingpu-2022");
const draft = draftOf(qingpuText(), QINGPU_POLICY);
const key = (quote: string) => comparable(quote, simplify);

/** The draft's commitment for a plan metric: same sentence, and the same figure (or none, for an assigned one). */
function found(metric: PlanMetric, taken: Set<Commitment>): Commitment | undefined {
  const same = draft.commitments.filter((c) => !taken.has(c) && key(c.quote) === key(metric.quote));
  return (
    same.find((c) => c.target !== null && Math.abs(c.target - metric.target) < 1e-9) ??
    same.find(
      (c) =>
        c.target === null &&
        c.kind === metric.kind &&
        (c.targetSource.kind === "assigned" || (c.targetFrom !== null && c.targetFrom === metric.targetFrom)),
    )
  );
}

const taken = new Set<Commitment>();
const pairs = (plan?.metrics ?? []).map((m) => {
  const c = found(m, taken);
  if (c) taken.add(c);
  return [m, c] as const;
});

describe("plan draft of the Qingpu policy", () => {
  it("reads the document number, the district and the year", () => {
    expect(draft.plan).toMatchObject({
      document: "青府规发〔2022〕4号",
      district: "青浦区",
      period: { first: "2022-01", last: "2022-12" },
      converted: false,
    });
  });

  it("finds every commitment the hand-written plan tracks, by quote and target (recall 17/17)", () => {
    expect(plan?.metrics).toHaveLength(17);
    const missed = pairs.filter(([, c]) => !c).map(([m]) => m.id);
    expect(missed).toEqual([]);
  });

  it("with the plan's reported items, kind and direction for each", () => {
    for (const [m, c] of pairs) {
      const items = Object.fromEntries((c?.items ?? []).map((i) => [i.role, i.key]));
      const expected = m.caseCategory
        ? { case_category: m.caseCategory }
        : m.kind === "ratio"
          ? { numerator: m.numerator, denominator: m.denominator }
          : { indicator: m.indicator };
      expect([m.id, c?.kind, c?.direction, items]).toEqual([m.id, m.kind, m.direction, expected]);
    }
  });

  it("with the plan's section and responsible bodies (none where the policy lists none, marked unsure)", () => {
    for (const [m, c] of pairs) {
      expect([m.id, c?.section]).toEqual([m.id, m.section]);
      if (m.id === "new_jobs" || m.id === "registered_unemployed") {
        expect(c?.responsible).toEqual([]);
        expect(c?.unsure).toContain("responsible");
      } else {
        expect([m.id, c?.responsible]).toEqual([m.id, m.responsible]);
      }
    }
  });

  it("judged, tolerance, starts and due as docs/contract.md §6 lists them for qingpu-2022", () => {
    const judged = Object.fromEntries(
      pairs.map(([m, c]) => [m.id, [c?.judged, c?.tolerance, c?.starts, c?.due]]),
    );
    const year = ["2022-01", "2022-12"];
    expect(judged).toEqual({
      formal_employment: ["pace", null, ...year],
      internship_posts: ["pace", null, ...year],
      reemployed: ["pace", null, ...year],
      hardship_employed: ["pace", null, ...year],
      grads_employment_rate: ["by_due", null, "2022-07", "2022-12"],
      ui_reemployment_rate: ["by_due", null, ...year],
      zero_family_deadline: ["always", 0, ...year],
      hardship_deadline: ["always", 0, ...year],
      village_staff_coverage: ["always", 0, ...year],
      soe_grads_share: ["by_due", null, ...year],
      pi_grads_share: ["by_due", null, ...year],
      pi_newcity_grads_share: ["by_due", null, ...year],
      community_grads_share: ["always", 0, ...year],
      relief_financing: ["pace", null, ...year],
      new_jobs: ["pace", null, ...year],
      registered_unemployed: ["always", null, ...year],
      pi_posts_total: ["pace", null, ...year],
    });
  });

  it("leaves the two figures the policy defers to the city's assignment open, as assigned and unsure", () => {
    for (const id of ["new_jobs", "registered_unemployed"]) {
      const c = pairs.find(([m]) => m.id === id)?.[1];
      expect(c).toMatchObject({ target: null, targetSource: { kind: "assigned" }, confidence: "low" });
      expect(c?.unsure).toContain("target");
    }
  });

  it("is sure of the commitments stated plainly (不少于 · 以上 · 大于 · 确保 · 每个 · 全部)", () => {
    const sure = pairs.filter(([, c]) => c?.confidence === "high").map(([m]) => m.id);
    expect(sure).toEqual([
      "formal_employment",
      "internship_posts",
      "reemployed",
      "hardship_employed",
      "ui_reemployment_rate",
      "zero_family_deadline",
      "hardship_deadline",
      "village_staff_coverage",
      "pi_grads_share",
      "pi_newcity_grads_share",
      "community_grads_share",
    ]);
  });

  it("proposes nothing the plan does not track", () => {
    expect(draft.commitments.filter((c) => !taken.has(c)).map((c) => c.name.zh)).toEqual([]);
  });

  it("reads 招聘总量不低于上年水平 as last year's total (pi_posts_total), from the policy, its figure unsure", () => {
    const c = pairs.find(([m]) => m.id === "pi_posts_total")?.[1];
    expect(c).toMatchObject({
      name: { zh: "事业单位招聘总量" },
      target: null,
      targetFrom: "previous_year",
      targetSource: { kind: "policy" },
      confidence: "low",
    });
    expect(c?.unsure).toContain("target");
    expect(c?.items).toMatchObject([{ role: "indicator", key: "pi_posts", proposed: false }]);
  });

  it("lists the money the policy names as funds and its deliverables as milestones", () => {
    expect(draft.funds.length).toBe(18);
    expect(draft.funds.some((f) => f.quote.includes("创业贷款贴息"))).toBe(true);
    expect(draft.milestones.map((m) => [m.what, m.confidence])).toEqual([
      ["设立专门的零工市场", "low"],
      ["设立“上海青浦（长三角）留学人员创业园”", "high"],
      ["建立“留·创青浦”实体孵化基地", "medium"],
      ["建设青浦区人力资源服务产业园", "low"],
      ["打造充分就业社区", "medium"],
    ]);
  });

  it("quotes each sentence word for word as the policy writes it", () => {
    const policy = key(qingpuText());
    for (const c of draft.commitments) expect(policy.includes(key(c.quote)), c.id).toBe(true);
  });
});
