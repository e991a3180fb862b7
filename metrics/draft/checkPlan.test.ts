import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../core/finding.ts";
import { checkFails, checkPlan } from "./checkPlan.ts";
import { planCommitments } from "./planCommitments.ts";
import {
  draftOf,
  QINGPU_PLAN,
  QINGPU_POLICY,
  qingpuText,
  ROOT,
  simplify,
  withoutMetric,
} from "./testdata/draftOf.ts";

const policy = qingpuText();
const draft = draftOf(policy, QINGPU_POLICY);
const shipped = readFileSync(join(ROOT, QINGPU_PLAN), "utf8");

/** A plan that leaves 事业单位招聘总量不低于上年水平 out, and the way such a plan explains it. */
const leftOut = withoutMetric(shipped, "pi_posts_total");
const UNTRACKED = `
untracked:
  - quote: 在本年度我区事业单位招聘总量不低于上年水平的基础上，面向高校毕业生的岗位数不少于公开招聘岗位总数的60%，其中青浦新城区域事业单位所提供的岗位中，面向高校毕业生的岗位数占比不少于70%。
    target: null
    reason:
      zh: 招聘总量以上年实际数为目标，待2021年事业单位招聘数据报送后跟踪。
      en: The recruitment total is held to last year's actual; it is tracked once the 2021 figure is reported.
`;

const check = (planText: string, text = policy) =>
  checkPlan(planCommitments(planText, "qingpu-2022.yaml"), draftOf(text, QINGPU_POLICY), text, simplify);

describe("plan check of the shipped Qingpu plan", () => {
  it("finds nothing missing, no quote outside the policy and no target that differs", () => {
    const result = checkPlan(planCommitments(shipped, "qingpu-2022.yaml"), draft, policy, simplify);
    expect(result.missing).toEqual([]);
    expect(result.quotesNotInPolicy).toEqual([]);
    expect(result.targetMismatch).toEqual([]);
    expect(checkFails(result)).toBe(false);
  });

  it("without pi_posts_total, names the commitment it neither tracks nor explains: 招聘总量不低于上年水平", () => {
    const result = check(leftOut);
    expect(result.missing.map((c) => [c.name.zh, c.target, c.targetFrom, c.items[0].key])).toEqual([
      ["事业单位招聘总量", null, "previous_year", "pi_posts"],
    ]);
    expect(checkFails(result)).toBe(true);
  });

  it("reports nothing missing once such a plan explains it under untracked:", () => {
    const result = check(`${leftOut}${UNTRACKED}`);
    expect(result.missing).toEqual([]);
    expect(result.explained.map((e) => [e.commitment.name.zh, e.reason.zh])).toEqual([
      ["事业单位招聘总量", "招聘总量以上年实际数为目标，待2021年事业单位招聘数据报送后跟踪。"],
    ]);
    expect(checkFails(result)).toBe(false);
  });
});

describe("what plan check catches", () => {
  const base = shipped;

  it("an item tracked without a target whose sentence holds another commitment's figure is no mismatch", () => {
    const tracked = base.replace(
      "\n# Per-town targets",
      `
  - id: reemployment_subsidy
    name: { zh: 再就业补贴, en: Reemployment subsidy }
    kind: tracked
    indicator: unemployed_hire_subsidy_persons
    quote: 强化对失业人员就业帮扶，实施“人人乐业”专项行动，2022年全区失业人员实现再就业人数不少于5000人，到年末，停止领取失业保险金人员中50%以上实现重新就业。
    responsible: [区人力资源社会保障局]

# Per-town targets`,
    );
    const result = check(tracked);
    expect(result.targetMismatch).toEqual([]);
    expect(checkFails(result)).toBe(false);
  });

  it("a quote changed by one word is not in the policy (and its commitment is then missing)", () => {
    const result = check(
      base.replace("2022年募集就业见习岗位不少于910个", "2022年募集就业见习岗位不低于910个"),
    );
    expect(result.quotesNotInPolicy.map((q) => q.id)).toEqual(["internship_posts"]);
    expect(result.missing.map((c) => c.id)).toEqual(["internship_posts"]);
  });

  it("whitespace and page breaks aside: the plan's 不少于70% matches the policy's 不少于 70%", () => {
    expect(check(base).quotesNotInPolicy).toEqual([]);
  });

  it("a target that differs from its sentence: 960 where the policy says 910", () => {
    const result = check(base.replace("target: 910", "target: 960"));
    expect(result.targetMismatch).toEqual([
      {
        id: "internship_posts",
        quote: expect.stringContaining("不少于910个"),
        plan_target: 960,
        policy_targets: [910],
      },
    ]);
    expect(result.missing.map((c) => c.id)).toEqual(["internship_posts"]);
  });

  it("a share typed as a percentage (60 for 60%) is a mismatch", () => {
    const result = check(base.replace("target: 0.6\n", "target: 60\n"));
    expect(result.targetMismatch.map((t) => [t.id, t.plan_target, t.policy_targets])).toEqual([
      ["pi_grads_share", 60, [0.6, 0.7]],
    ]);
  });

  it("a metric deleted from the plan is missing", () => {
    const without = base.replace(/ {2}- id: reemployed\n[\s\S]*?(?= {2}- id: hardship_employed)/, "");
    expect(check(without).missing.map((c) => [c.id, c.target])).toEqual([["reemployed", 5000]]);
  });

  it("a malformed untracked entry is refused with its line", () => {
    expect(() => planCommitments(`${shipped}\nuntracked:\n  - target: 1\n`, "p.yaml")).toThrow(DataError);
    try {
      planCommitments(`${shipped}\nuntracked:\n  - target: 1\n`, "p.yaml");
    } catch (error) {
      expect((error as DataError).findings.map((f) => f.column)).toEqual([
        "untracked[0].quote",
        "untracked[0].reason",
      ]);
    }
  });
});
