import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPlans } from "./loadPlans.ts";

const here = dirname(fileURLToPath(import.meta.url));
const plan = loadPlans(join(here, "plans")).find((p) => p.id === "qingpu-2022");
// the policy as published (青府规发〔2022〕4号), kept in the repository so the quotes can be checked
const POLICY = join(here, "..", "docs", "policy", "qingpu-2022-employment-policy.md");

/** id, kind, direction, target, judged, starts, tolerance, where the target comes from (docs/contract.md §6). */
const CONTRACT_METRICS: [string, string, string, number, string, string, number, string][] = [
  ["formal_employment", "level", "at_least", 400000, "pace", "2022-01", 0, "policy"],
  ["internship_posts", "cumulative", "at_least", 910, "pace", "2022-01", 0, "policy"],
  ["reemployed", "cumulative", "at_least", 5000, "pace", "2022-01", 0, "policy"],
  ["hardship_employed", "cumulative", "at_least", 1100, "pace", "2022-01", 0, "policy"],
  ["grads_employment_rate", "ratio", "above", 0.8, "by_due", "2022-07", 0, "policy"],
  ["ui_reemployment_rate", "ratio", "at_least", 0.5, "by_due", "2022-01", 0, "policy"],
  ["zero_family_deadline", "deadline", "at_least", 1, "always", "2022-01", 0, "policy"],
  ["hardship_deadline", "deadline", "at_least", 1, "always", "2022-01", 0, "policy"],
  ["village_staff_coverage", "ratio", "at_least", 1, "always", "2022-01", 0, "policy"],
  ["soe_grads_share", "ratio", "at_least", 0.5, "by_due", "2022-01", 0, "policy"],
  ["pi_grads_share", "ratio", "at_least", 0.6, "by_due", "2022-01", 0, "policy"],
  ["pi_newcity_grads_share", "ratio", "at_least", 0.7, "by_due", "2022-01", 0, "policy"],
  ["community_grads_share", "ratio", "at_least", 1, "always", "2022-01", 0, "policy"],
  ["relief_financing", "cumulative", "at_least", 80, "pace", "2022-01", 0, "policy"],
  ["new_jobs", "cumulative", "at_least", 36000, "pace", "2022-01", 0, "assigned"],
  ["registered_unemployed", "cap", "at_most", 12000, "always", "2022-01", 0.05, "assigned"],
  ["pi_posts_total", "cumulative", "at_least", 360, "pace", "2022-01", 0, "policy"],
];

describe("plan qingpu-2022", () => {
  it("is loaded from metrics/plans", () => {
    expect(plan).toMatchObject({
      period: { first: "2022-01", last: "2022-12" },
      baselineMonth: "2021-12",
      dueDay: 5,
    });
  });

  it("holds every metric of docs/contract.md §6 with its kind, direction, target and how it is judged", () => {
    const found = plan?.metrics.map((m) => [
      m.id,
      m.kind,
      m.direction,
      m.target,
      m.judged,
      m.starts,
      m.tolerance,
      m.targetSource.kind,
    ]);
    expect(found).toEqual(CONTRACT_METRICS);
    expect(plan?.metrics.every((m) => m.due === "2022-12")).toBe(true);
  });

  it("says the assigned targets are the district's entry of the city's figures, and takes 2021 for 不低于上年水平", () => {
    const m = (id: string) => plan?.metrics.find((x) => x.id === id);
    expect(m("new_jobs")?.targetSource.note?.zh).toContain("市下达目标");
    expect(m("new_jobs")?.targetSource.note?.zh).toContain("示例");
    expect(m("new_jobs")?.unitOfCount).toBe("persons");
    expect(m("new_jobs")?.name.zh).toBe("新增就业人数");
    expect(m("registered_unemployed")?.targetSource.note?.zh).toContain("市下达");
    expect(m("pi_posts_total")).toMatchObject({ targetFrom: "previous_year", indicator: "pi_posts" });
    expect(m("pi_posts_total")?.quote).toContain("招聘总量不低于上年水平");
  });

  it("says the town allocations are the plan's own derivation, not an official 分解表", () => {
    for (const id of Object.keys(plan?.allocations ?? {})) {
      expect(plan?.allocationSources[id]).toMatchObject({ kind: "assigned", document: null });
      expect(plan?.allocationSources[id].note?.zh).toContain("权重测算");
    }
  });

  it("paces every metric linearly (the policy sets no checkpoints)", () => {
    expect(plan?.metrics.every((m) => m.pace.kind === "linear")).toBe(true);
  });

  it("allocates the four headline targets to the 11 towns, adding up exactly", () => {
    for (const id of ["formal_employment", "internship_posts", "reemployed", "hardship_employed"]) {
      const allocation = plan?.allocations[id] ?? {};
      const target = plan?.metrics.find((m) => m.id === id)?.target;
      expect(Object.keys(allocation)).toHaveLength(11);
      expect(Object.values(allocation).reduce((a, b) => a + b, 0)).toBe(target);
    }
    expect(plan?.allocations.internship_posts["310118106"]).toBe(127);
    expect(plan?.allocations.formal_employment["310118104"]).toBe(16000);
  });

  it("names the responsible bodies and quotes a sentence holding the target", () => {
    for (const m of plan?.metrics ?? []) {
      expect(m.responsible.length, m.id).toBeGreaterThan(0);
      expect(m.quote.endsWith("。"), m.id).toBe(true);
    }
    const quote = (id: string) => plan?.metrics.find((m) => m.id === id)?.quote ?? "";
    expect(quote("formal_employment")).toContain("不少于40万人");
    expect(quote("internship_posts")).toContain("不少于910个");
    expect(quote("pi_newcity_grads_share")).toContain("不少于70%");
    expect(quote("relief_financing")).toContain("80亿元");
    expect(plan?.policy).toBe("../../docs/policy/qingpu-2022-employment-policy.md");
  });

  it("quotes the policy text word for word (page breaks aside)", () => {
    const policy = readFileSync(POLICY, "utf8").replace(/\*\*/g, "").replace(/\s+/g, "");
    for (const m of plan?.metrics ?? []) {
      expect(policy.includes(m.quote.replace(/\s+/g, "")), m.id).toBe(true);
      for (const body of m.responsible) expect(policy.includes(body), `${m.id}: ${body}`).toBe(true);
    }
  });
});
