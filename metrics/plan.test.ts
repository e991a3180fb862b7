import { describe, expect, it } from "vitest";
import { DataError } from "../core/finding.ts";
import { type Plan, planCovers, planFor, planPeriods } from "./plan.ts";
import { parseTestPlan, TEST_PLAN_YAML } from "./test/testPlan.ts";

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
}

function problems(text: string) {
  try {
    parseTestPlan(text, "bad.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).findings;
  }
  throw new Error("the plan was accepted");
}

describe("parsePlan", () => {
  it("reads the test plan with its defaults", () => {
    const plan = parseTestPlan(TEST_PLAN_YAML, "test-2022.yaml");
    expect(plan).toMatchObject({
      id: "test-2022",
      baselineMonth: "2021-12",
      dueDay: 5,
      period: { first: "2022-01", last: "2022-12" },
    });
    expect(plan.metrics.map((m) => m.id)).toContain("hardship_deadline");
    const cap = plan.metrics.find((m) => m.id === "registered_unemployed");
    expect(cap).toMatchObject({
      direction: "at_most",
      reporters: ["subdistrict", "town"],
      pace: { kind: "linear" },
    });
    expect(plan.alerts.anomaly).toEqual({ robustZ: 5, minHistory: 3, minScale: 1, ytdTolerance: 0.1 });
  });

  it("names the line and the field of a bad value, in Chinese and English", () => {
    const text = TEST_PLAN_YAML.replace("target: 1200", "target: many");
    const [f] = problems(text);
    expect(f.row).toBe(lineOf(text, "target: many"));
    expect(f.column).toBe("metrics.reemployed.target");
    expect(f.zh).toContain(`第 ${f.row} 行`);
    expect(f.zh).toContain("metrics.reemployed.target");
    expect(f.en).toContain(
      `line ${f.row}, field metrics.reemployed.target: must be a number above 0 (is "many")`,
    );
  });

  it("lists every problem at once", () => {
    const text = TEST_PLAN_YAML.replace("indicator: new_jobs", "indicator: new_job").replace(
      "due_day: 5",
      "due_day: 40",
    );
    const found = problems(text);
    expect(found.map((f) => [f.row, f.column])).toEqual([
      [lineOf(text, "due_day: 40"), "due_day"],
      [lineOf(text, "indicator: new_job"), "metrics.new_jobs.indicator"],
    ]);
    expect(found[1].en).toContain("unknown reported item new_job");
  });

  it("refuses an unknown field (a typo would otherwise be ignored)", () => {
    const text = TEST_PLAN_YAML.replace("    quote: 城镇登记", "    qoute: x\n    quote: 城镇登记");
    const [f] = problems(text);
    expect([f.row, f.column]).toEqual([lineOf(text, "qoute: x"), "metrics.registered_unemployed.qoute"]);
  });

  it("reports a YAML syntax error with its line", () => {
    const text = TEST_PLAN_YAML.replace("district: 青浦区", "district: [青浦区");
    const [f] = problems(text);
    expect(f.column).toBe("(YAML)");
    expect(f.row).toBeGreaterThanOrEqual(lineOf(text, "district: [青浦区"));
  });

  it("wants shares as fractions", () => {
    const text = TEST_PLAN_YAML.replace("target: 0.8", "target: 80");
    const found = problems(text);
    expect(
      found.every(
        (f) => f.row === lineOf(text, "target: 80") && f.column === "metrics.grads_employment_rate.target",
      ),
    ).toBe(true);
    expect(found.map((f) => f.en).join(" ")).toContain("write 80% as 0.8");
  });

  it("names a missing field at its metric's line", () => {
    const text = TEST_PLAN_YAML.replace("    responsible: [区人力资源社会保障局, 各街镇]\n", "");
    const [f] = problems(text);
    expect(f.column).toBe("metrics.reemployed.responsible");
    expect(f.en).toContain("required and missing");
  });

  it("checks allocations, periods and checkpoints", () => {
    const bad = TEST_PLAN_YAML.replace('  reemployed: { "310118001"', '  reemployd: { "310118001"').replace(
      'period: { first: "2022-01", last: "2022-12" }',
      'period: { first: "2022-01", last: "2022-13" }',
    );
    const columns = problems(bad).map((f) => f.column);
    expect(columns).toContain("period.last");
    expect(columns).toContain("allocations.reemployd");
    const falling = TEST_PLAN_YAML.replace(
      "    indicator: new_jobs\n",
      '    indicator: new_jobs\n    checkpoints: { "2022-06": 0.5, "2022-09": 0.4 }\n',
    );
    const [f] = problems(falling);
    expect([f.row, f.column]).toEqual([
      lineOf(falling, "checkpoints:"),
      "metrics.new_jobs.checkpoints.2022-09",
    ]);
  });

  it("reads checkpoints (节点目标) into the metric's pace", () => {
    const plan = parseTestPlan(
      `${TEST_PLAN_YAML}checkpoints: { "2022-06": 0.3, "2022-12": 1 }\n`.replace("\npace: linear", ""),
      "c.yaml",
    );
    expect(plan.metrics.find((m) => m.id === "reemployed")?.pace).toEqual({
      kind: "checkpoints",
      points: { "2022-06": 0.3, "2022-12": 1 },
    });
    expect(plan.metrics.find((m) => m.id === "registered_unemployed")?.pace).toEqual({ kind: "linear" });
  });
});

describe("when and how a promise is judged, and where its target comes from", () => {
  it("defaults by kind: cumulative and level by pace, ratio by its due month, cap and deadline every month", () => {
    const plan = parseTestPlan(TEST_PLAN_YAML, "t.yaml");
    expect(
      plan.metrics.map((m) => [m.id, m.judged, m.starts, m.due, m.tolerance, m.targetSource.kind]),
    ).toEqual([
      ["reemployed", "pace", "2022-01", "2022-12", 0, "policy"],
      ["formal_employment", "pace", "2022-01", "2022-12", 0, "policy"],
      ["registered_unemployed", "always", "2022-01", "2022-12", 0.05, "policy"],
      ["grads_employment_rate", "by_due", "2022-01", "2022-12", 0, "policy"],
      ["ui_reemployment_rate", "by_due", "2022-01", "2022-12", 0, "policy"],
      ["new_jobs", "pace", "2022-01", "2022-12", 0, "policy"],
      ["hardship_deadline", "always", "2022-01", "2022-12", 0.05, "policy"],
      ["zero_family_deadline", "always", "2022-01", "2022-12", 0.05, "policy"],
    ]);
    expect(plan.allocationSources.reemployed).toMatchObject({ kind: "assigned", document: null });
    expect(plan.allocationSources.reemployed.note?.zh).toContain("未注明依据");
  });

  it("reads starts, due, judged, tolerance and an assigned source with its note", () => {
    const text = TEST_PLAN_YAML.replace(
      "    indicator: new_jobs\n",
      '    indicator: new_jobs\n    starts: "2022-03"\n    due: "2022-10"\n    judged: by_due\n    target_source: { kind: assigned, note: 市下达目标 }\n',
    ).replace("    case_category: hardship\n", "    case_category: hardship\n    tolerance: 0\n");
    const plan = parseTestPlan(text, "t.yaml");
    expect(plan.metrics.find((m) => m.id === "new_jobs")).toMatchObject({
      starts: "2022-03",
      due: "2022-10",
      judged: "by_due",
      targetSource: { kind: "assigned", note: { zh: "市下达目标", en: "市下达目标" }, document: null },
    });
    expect(plan.metrics.find((m) => m.id === "hardship_deadline")?.tolerance).toBe(0);
  });

  it("names the line of a mode the kind cannot take, a tolerance outside `always`, a month outside the period", () => {
    const text = TEST_PLAN_YAML.replace(
      "    indicator: new_jobs\n",
      "    indicator: new_jobs\n    judged: always\n",
    )
      .replace("    numerator: grads_employed\n", "    numerator: grads_employed\n    tolerance: 0.05\n")
      .replace("    case_category: zero_family\n", '    case_category: zero_family\n    starts: "2023-01"\n');
    const found = problems(text);
    expect(found.map((f) => [f.row, f.column])).toEqual([
      [lineOf(text, "tolerance: 0.05"), "metrics.grads_employment_rate.tolerance"],
      [lineOf(text, "judged: always"), "metrics.new_jobs.judged"],
      [lineOf(text, 'starts: "2023-01"'), "metrics.zero_family_deadline.starts"],
    ]);
    expect(found[0].zh).toContain("只有持续达标（judged: always）的指标有容差");
    expect(found[1].en).toContain("a cumulative metric is judged by pace or by_due");
    expect(found[2].en).toContain("the month must lie in the period 2022-01 to 2022-12");
  });

  it("wants an assigned target to say where it comes from", () => {
    const text = TEST_PLAN_YAML.replace(
      "    indicator: new_jobs\n",
      "    indicator: new_jobs\n    target_source: { kind: assigned }\n",
    );
    const [f] = problems(text);
    expect([f.row, f.column]).toEqual([
      lineOf(text, "target_source:"),
      "metrics.new_jobs.target_source.note",
    ]);
    expect(f.zh).toContain("须用 note 写明来源");
  });

  it("checks every quote and responsible body against the policy file the plan names, naming the line", () => {
    const policy = "2022年全区失业人员实现再就业人数不少于5000人。（责任单位：区人力资源社会保障局、各街镇）";
    const text = `${TEST_PLAN_YAML}policy: policy.md\n`;
    const read = (path: string) => (path === "policy.md" ? policy : null);
    let found: ReturnType<typeof problems> = [];
    try {
      parseTestPlan(text, "t.yaml", { readPolicy: read });
    } catch (error) {
      found = (error as DataError).findings;
    }
    const quoted = found.filter((f) => f.column === "metrics.formal_employment.quote");
    expect(quoted.map((f) => f.row)).toEqual([lineOf(text, "quote: 2022年全区正规就业不少于40万人。")]);
    expect(quoted[0].en).toContain("the quote is not in the policy text the plan names");
    // the first metric's quote and bodies are in it, page breaks aside
    expect(found.some((f) => f.column?.startsWith("metrics.reemployed"))).toBe(false);
    // parsed without a way to read files (a test, a browser), the quotes are not checked
    expect(parseTestPlan(text, "t.yaml").policy).toBe("policy.md");
  });

  it("says so when the policy file the plan names cannot be read", () => {
    const text = `${TEST_PLAN_YAML}policy: nowhere.md\n`;
    try {
      parseTestPlan(text, "t.yaml", { readPolicy: () => null });
      throw new Error("accepted");
    } catch (error) {
      const [f] = (error as DataError).findings;
      expect([f.row, f.column]).toEqual([lineOf(text, "policy: nowhere.md"), "policy"]);
      expect(f.zh).toContain("找不到政策原文文件 nowhere.md");
    }
  });

  it("reads an allocation with its source, and the older map of units alone", () => {
    const text = TEST_PLAN_YAML.replace(
      '  reemployed: { "310118001": 600, "310118002": 480 }',
      '  reemployed:\n    source: { kind: assigned, note: 区就业办分解表, document: 青就业办〔2022〕3号 }\n    units: { "310118001": 600, "310118002": 480 }',
    );
    const plan = parseTestPlan(text, "t.yaml");
    expect(plan.allocations.reemployed).toEqual({ "310118001": 600, "310118002": 480 });
    expect(plan.allocationSources.reemployed).toEqual({
      kind: "assigned",
      note: { zh: "区就业办分解表", en: "区就业办分解表" },
      document: "青就业办〔2022〕3号",
    });
    expect(plan.allocations.formal_employment).toEqual({ "310118001": 500, "310118002": 400 });
  });
});

describe("planCovers", () => {
  const plan = { period: { first: "2022-01", last: "2022-12" }, metrics: [] as Plan["metrics"] } as Plan;
  it("covers the period and the baseline month before it", () => {
    expect(planCovers([plan], "2021-12")).toBe(true);
    expect(planCovers([plan], "2022-08")).toBe(true);
    expect(planCovers([plan], "2021-11")).toBe(false);
    expect(planCovers([plan], "2023-01")).toBe(false);
    expect(planPeriods([plan])).toEqual([{ first: "2022-01", last: "2022-12" }]);
    expect(planFor([plan], "2022-05")).toBe(plan);
    expect(planFor([plan], "2021-12")).toBeNull();
  });
  it("takes the previous year's reports for a plan that compares with it (the ingest adds 2021-01)", () => {
    const withPrevious = parseTestPlan(
      TEST_PLAN_YAML.replace(
        "    indicator: new_jobs\n",
        "    indicator: new_jobs\n    target_from: previous_year\n",
      ),
      "p.yaml",
    );
    expect(planPeriods([withPrevious])).toMatchObject([{ first: "2021-02", last: "2022-12" }]);
  });
});
