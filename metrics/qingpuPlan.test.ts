import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPlans } from "./loadPlans.ts";

const here = dirname(fileURLToPath(import.meta.url));
const plan = loadPlans(join(here, "plans")).find((p) => p.id === "qingpu-2022");
// the policy as published (青府规发〔2022〕4号), kept in the repository so the quotes can be checked
const POLICY = join(here, "..", "docs", "policy", "qingpu-2022-employment-policy.md");

const CONTRACT_METRICS: [string, string, string, number][] = [
  ["formal_employment", "level", "at_least", 400000],
  ["internship_posts", "cumulative", "at_least", 910],
  ["reemployed", "cumulative", "at_least", 5000],
  ["hardship_employed", "cumulative", "at_least", 1100],
  ["grads_employment_rate", "ratio", "above", 0.8],
  ["ui_reemployment_rate", "ratio", "at_least", 0.5],
  ["zero_family_deadline", "deadline", "at_least", 1],
  ["hardship_deadline", "deadline", "at_least", 1],
  ["village_staff_coverage", "ratio", "at_least", 1],
  ["soe_grads_share", "ratio", "at_least", 0.5],
  ["pi_grads_share", "ratio", "at_least", 0.6],
  ["pi_newcity_grads_share", "ratio", "at_least", 0.7],
  ["community_grads_share", "ratio", "at_least", 1],
  ["relief_financing", "cumulative", "at_least", 80],
  ["new_jobs", "cumulative", "at_least", 36000],
  ["registered_unemployed", "cap", "at_most", 12000],
];

describe("plan qingpu-2022", () => {
  it("is loaded from metrics/plans", () => {
    expect(plan).toMatchObject({
      period: { first: "2022-01", last: "2022-12" },
      baselineMonth: "2021-12",
      dueDay: 5,
    });
  });

  it("holds every metric of CONTRACT §6 with its kind, direction and target", () => {
    const found = plan?.metrics.map((m) => [m.id, m.kind, m.direction, m.target]);
    expect(found).toEqual(CONTRACT_METRICS);
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
  });

  it("quotes the policy text word for word (page breaks aside)", () => {
    const policy = readFileSync(POLICY, "utf8").replace(/\*\*/g, "").replace(/\s+/g, "");
    for (const m of plan?.metrics ?? []) {
      expect(policy.includes(m.quote.replace(/\s+/g, "")), m.id).toBe(true);
      for (const body of m.responsible) expect(policy.includes(body), `${m.id}: ${body}`).toBe(true);
    }
  });
});
