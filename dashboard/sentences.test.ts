import { describe, expect, it } from "vitest";
import type { MetricProgress } from "../metrics/reportTypes.ts";
import {
  capSentence,
  cumulativeSentence,
  deadlineSentence,
  levelSentence,
  metricSentence,
  neededAmount,
  ratioSentence,
  summarySentence,
} from "./sentences.ts";

function metric(overrides: Partial<MetricProgress>): MetricProgress {
  return {
    id: "reemployed",
    name: "再就业",
    name_zh: "再就业",
    name_en: "Reemployment",
    kind: "cumulative",
    direction: "at_least",
    target: 5000,
    actual: 3115,
    expected: 3275,
    progress: 0.623,
    projected: null,
    projection_method: null,
    required_monthly: 347.6,
    trailing_monthly: null,
    met: false,
    status: "yellow",
    status_words: { zh: "黄灯 · 略有滞后", en: "slightly behind" },
    judged: "pace",
    starts: "2022-01",
    due: "2022-12",
    final: false,
    tolerance: 0,
    target_source: { kind: "policy", quote: null, note: null, note_zh: null, note_en: null, document: null },
    gap: 160,
    coverage: { reported: 88, expected: 88, missing: [] },
    units: [],
    unit_of_count: "persons",
    ...overrides,
  };
}

describe("cumulative", () => {
  it("reads 62.3% of the target, 3.2 points behind pace, 348 a month needed", () => {
    const m = metric({});
    expect(cumulativeSentence(m, "zh")).toBe(
      "再就业完成全年目标的62.3%，落后序时进度3.2个百分点，余下每月需完成348人。",
    );
    expect(cumulativeSentence(m, "en")).toBe(
      "Reemployment: 62.3% of the annual target, 3.2 points behind pace; 348 a month are needed from now on.",
    );
  });
  it("as of Aug 2022 with linear pace: 3,115 of 5,000 is 4.4 points behind 66.7%, 472 a month", () => {
    const m = metric({ expected: 5000 * (8 / 12), required_monthly: (5000 - 3115) / 4 });
    expect(metricSentence(m, "zh")).toBe(
      "再就业完成全年目标的62.3%，落后序时进度4.4个百分点，余下每月需完成472人。",
    );
  });
  it("ahead of pace is said so", () => {
    const m = metric({
      name_zh: "纾困融资落地",
      name_en: "Relief financing",
      target: 80,
      actual: 60,
      expected: 53.33,
      required_monthly: 5,
      unit_of_count: "100m_cny",
    });
    expect(cumulativeSentence(m, "zh")).toBe(
      "纾困融资落地完成全年目标的75%，超过序时进度8.3个百分点，余下每月需完成5亿元。",
    );
    expect(cumulativeSentence(m, "en")).toBe(
      "Relief financing: 75% of the annual target, 8.3 points ahead of pace; CNY 0.50bn a month is needed from now on.",
    );
  });
  it("posts are named in English, and a name is never made the subject of a verb it may not agree with", () => {
    const m = metric({
      name_zh: "见习岗位募集",
      name_en: "Internship posts",
      target: 910,
      actual: 595,
      expected: 606.67,
      required_monthly: 78.75,
      unit_of_count: "posts",
    });
    expect(cumulativeSentence(m, "zh")).toBe(
      "见习岗位募集完成全年目标的65.4%，落后序时进度1.3个百分点，余下每月需完成79个。",
    );
    expect(cumulativeSentence(m, "en")).toBe(
      "Internship posts: 65.4% of the annual target, 1.3 points behind pace; 79 posts a month are needed from now on.",
    );
    // a plural head noun followed by a singular one ("…families employed within a month") once read "is"
    expect(cumulativeSentence({ ...m, name_en: "Unemployed people reemployed" }, "en")).toBe(
      "Unemployed people reemployed: 65.4% of the annual target, 1.3 points behind pace; 79 posts a month are needed from now on.",
    );
    const families = metric({
      name_en: "Zero-employment families employed within a month",
      kind: "deadline",
      target: 1,
      actual: 0.929,
      expected: null,
      unit_of_count: "share",
      judged: "always",
    });
    expect(deadlineSentence(families, "en")).toBe(
      "Zero-employment families employed within a month: 92.9%, 7.1 points short of the 100% target (it must hold every month).",
    );
  });
  it("a reached target is achieved, with no rate needed", () => {
    const m = metric({ actual: 5210, required_monthly: -52.5, met: true });
    expect(cumulativeSentence(m, "zh")).toBe("再就业已完成全年目标，完成率104.2%。");
    expect(cumulativeSentence(m, "en")).toBe("Reemployment: 104.2% of the annual target, already achieved.");
  });
  it("no target and no data", () => {
    expect(
      cumulativeSentence(
        metric({ target: null, actual: 16200, unit_of_count: "posts", name_zh: "新增就业岗位" }),
        "zh",
      ),
    ).toBe("新增就业岗位累计完成16,200个（未设全年目标）。");
    expect(metricSentence(metric({ actual: null }), "zh")).toBe("再就业暂无数据。");
    expect(metricSentence(metric({ actual: null }), "en")).toBe("Reemployment: no data yet.");
  });
});

describe("level", () => {
  const formal = metric({
    name_zh: "正规就业人数",
    name_en: "Formal employment",
    kind: "level",
    target: 400_000,
    actual: 393_848,
    expected: 395_000,
    baseline: 392_000,
    increase: 1_848,
    increase_needed: 8_000,
    progress: 0.231,
    share_of_target: 0.98462,
    required_monthly: (400_000 - 393_848) / 4,
  });
  it("reads the increase since the baseline against the increase needed, the gap to pace and the growth needed", () => {
    expect(levelSentence(formal, "zh")).toBe(
      "正规就业人数为39.38万人，较2021年12月已增1,848人，全年需增8,000人，增量完成率23.1%，低于序时进度1,152人，余下每月需增加1,538人。",
    );
    expect(levelSentence(formal, "en")).toBe(
      "Formal employment stands at 393,848, up 1,848 since Dec 2021 (8,000 needed, 23.1% of it done), 1,152 below pace; 1,538 more a month are needed from now on.",
    );
  });
  it("at the due month: achieved or missed", () => {
    const done = {
      ...formal,
      final: true,
      met: true,
      actual: 400_410,
      increase: 8_410,
      status: "green" as const,
    };
    expect(levelSentence(done, "zh")).toBe(
      "正规就业人数为40.04万人，较2021年12月已增8,410人，已完成目标40万人（需增8,000人）。",
    );
    const short = { ...formal, final: true, met: false, status: "red" as const };
    expect(levelSentence(short, "en")).toBe(
      "Formal employment stands at 393,848, up 1,848 since Dec 2021: missed the 400,000 target (8,000 needed; 6,152 short).",
    );
  });
});

describe("cap", () => {
  const cap = metric({
    name_zh: "城镇登记失业人数",
    name_en: "Registered urban unemployed",
    kind: "cap",
    direction: "at_most",
    target: 8500,
    actual: 7350,
    expected: null,
    required_monthly: null,
    judged: "always",
    status: "green",
  });
  it("within the cap gives the room left", () => {
    expect(capSentence(cap, "zh")).toBe(
      "城镇登记失业人数为7,350人，控制在目标8,500人以内，尚余1,150人空间。",
    );
    expect(capSentence(cap, "en")).toBe(
      "Registered urban unemployed: 7,350, within the cap of 8,500 (1,150 to spare).",
    );
  });
  it("near the cap says so", () => {
    expect(capSentence({ ...cap, actual: 8300, status: "yellow" }, "zh")).toBe(
      "城镇登记失业人数为8,300人，接近目标8,500人，仅余200人。",
    );
  });
  it("over the cap gives the excess", () => {
    expect(capSentence({ ...cap, actual: 8620, status: "red" }, "zh")).toBe(
      "城镇登记失业人数为8,620人，超出控制目标8,500人共120人。",
    );
    expect(capSentence({ ...cap, actual: 8620, status: "red" }, "en")).toBe(
      "Registered urban unemployed: 8,620, 120 over the cap of 8,500.",
    );
  });
  it("at the due month: achieved within the cap, or missed", () => {
    expect(capSentence({ ...cap, final: true, met: true }, "zh")).toBe(
      "城镇登记失业人数为7,350人，已完成控制目标（不超过8,500人）。",
    );
    expect(capSentence({ ...cap, final: true, actual: 8620, status: "red" }, "en")).toBe(
      "Registered urban unemployed: 8,620, missed: 120 over the cap of 8,500.",
    );
  });
});

describe("ratio", () => {
  const rate = metric({
    name_zh: "停止领取失业保险金人员再就业率",
    name_en: "Reemployment after unemployment benefit",
    kind: "ratio",
    target: 0.5,
    actual: 0.47,
    expected: null,
    unit_of_count: "share",
  });
  it("short of the target by 3 points", () => {
    expect(ratioSentence(rate, "zh")).toBe("停止领取失业保险金人员再就业率为47%，低于目标50%，差3个百分点。");
    expect(ratioSentence(rate, "en")).toBe(
      "Reemployment after unemployment benefit: 47%, 3 points short of the 50% target.",
    );
  });
  it("a strict target that holds", () => {
    const grads = {
      ...rate,
      name_zh: "离校未就业高校毕业生就业率",
      name_en: "Graduate employment rate",
      direction: "above" as const,
      target: 0.8,
      actual: 0.823,
      met: true,
    };
    expect(ratioSentence(grads, "zh")).toBe("离校未就业高校毕业生就业率为82.3%，达到目标（高于80%）。");
    expect(ratioSentence(grads, "en")).toBe(
      "Graduate employment rate: 82.3%, meeting the target of above 80%.",
    );
  });
  it("a strict target met with equality is not yet met", () => {
    const grads = {
      ...rate,
      name_zh: "就业率",
      direction: "above" as const,
      target: 0.8,
      actual: 0.8,
      met: false,
    };
    expect(ratioSentence(grads, "zh")).toBe("就业率为80%，需高于80%方为达标。");
  });
});

describe("deadline", () => {
  const deadline = metric({
    name_zh: "就业困难人员按期就业",
    name_en: "Hardship persons placed on time",
    kind: "deadline",
    target: 1,
    actual: 0.92,
    expected: null,
    unit_of_count: "share",
  });
  it("gives the shortfall and the overdue cases, persons in 名 and families in 户", () => {
    expect(deadlineSentence({ ...deadline, judged: "always" }, "zh", 3)).toBe(
      "就业困难人员按期就业为92%，低于目标100%，差8个百分点（须每月达标）；另有3名就业困难人员超期未就业。",
    );
    expect(deadlineSentence({ ...deadline, case_category: "hardship" }, "en", 1)).toBe(
      "Hardship persons placed on time: 92%, 8 points short of the 100% target; 1 person with employment difficulties is overdue.",
    );
    const families = { ...deadline, case_category: "zero_family" as const, judged: "always" as const };
    expect(deadlineSentence(families, "zh", 2)).toBe(
      "就业困难人员按期就业为92%，低于目标100%，差8个百分点（须每月达标）；另有2户零就业家庭超期仍无人就业。",
    );
    expect(deadlineSentence(families, "en", 2)).toContain("; 2 zero-employment families are overdue.");
    expect(metricSentence({ ...deadline, actual: 1, met: true }, "zh")).toBe(
      "就业困难人员按期就业为100%，达到目标（100%）。",
    );
  });
});

describe("when the promise is judged", () => {
  const grads = metric({
    name_zh: "离校未就业高校毕业生就业比例",
    name_en: "Unemployed 2022 graduates now employed",
    kind: "ratio",
    direction: "above",
    target: 0.8,
    actual: 0.582,
    expected: null,
    unit_of_count: "share",
    judged: "by_due",
    starts: "2022-07",
  });
  it("before it starts: not started, from which month", () => {
    const m = { ...grads, status: "not_started" as const, actual: null };
    expect(metricSentence(m, "zh")).toBe("离校未就业高校毕业生就业比例自2022年7月起考核，尚未开始。");
    expect(metricSentence(m, "en")).toBe(
      "Unemployed 2022 graduates now employed: judged from Jul 2022; not started yet.",
    );
  });
  it("by_due before its due month: not yet met, with the gap and the due month", () => {
    expect(metricSentence(grads, "zh")).toBe(
      "离校未就业高校毕业生就业比例为58.2%，尚未达到目标（高于80%），差21.8个百分点；考核时点为2022年12月。",
    );
  });
  it("at the due month: 已完成 or 未完成", () => {
    expect(metricSentence({ ...grads, final: true, met: true, actual: 0.848, status: "green" }, "zh")).toBe(
      "离校未就业高校毕业生就业比例为84.8%，已完成目标（高于80%）。",
    );
    const reemployed = metric({ final: true, met: false, actual: 4857, status: "red", due: "2022-12" });
    expect(metricSentence(reemployed, "zh")).toBe(
      "再就业截至2022年12月完成4,857人，未完成目标5,000人，差143人。",
    );
    expect(metricSentence(reemployed, "en")).toBe(
      "Reemployment: 4,857 by Dec 2022; the target of 5,000 missed by 143.",
    );
  });
});

describe("summary and rounding", () => {
  it("counts final metrics as achieved or missed", () => {
    const ms = [
      metric({ status: "green", final: true }),
      metric({ status: "red", final: true }),
      metric({ status: "red", final: true }),
    ];
    expect(summarySentence(ms, "zh")).toBe("3项指标中，已完成1项、未完成2项。");
    expect(summarySentence(ms, "en")).toBe("Of 3 targets, 1 achieved and 2 missed.");
  });
  it("counts metrics by status", () => {
    const ms = [
      metric({ status: "green" }),
      metric({ status: "green" }),
      metric({ status: "red" }),
      metric({ status: "no_target" }),
    ];
    expect(summarySentence(ms, "zh")).toBe("4项指标中，绿灯2项、红灯1项、无目标1项。");
    expect(summarySentence(ms, "en")).toBe("Of 4 targets, 2 on track, 1 behind and 1 without a target.");
  });
  it("neededAmount rounds up: 347.2 persons → 348, 0.501 亿元 → 0.51", () => {
    expect(neededAmount(347.2, "persons")).toBe(348);
    expect(neededAmount(348, "persons")).toBe(348);
    expect(neededAmount(0.501, "100m_cny")).toBe(0.51);
    expect(neededAmount(5, "100m_cny")).toBe(5);
  });
});
