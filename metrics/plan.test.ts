import { describe, expect, it } from "vitest";
import { DataError } from "../etl/finding.ts";
import { type Plan, parsePlan, planCovers, planFor, planPeriods } from "./plan.ts";
import { TEST_PLAN_YAML } from "./test/testPlan.ts";

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
}

function problems(text: string) {
  try {
    parsePlan(text, "bad.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).findings;
  }
  throw new Error("the plan was accepted");
}

describe("parsePlan", () => {
  it("reads the test plan with its defaults", () => {
    const plan = parsePlan(TEST_PLAN_YAML, "test-2022.yaml");
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
    const plan = parsePlan(
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

describe("planCovers", () => {
  const plan = { period: { first: "2022-01", last: "2022-12" } } as Plan;
  it("covers the period and the baseline month before it", () => {
    expect(planCovers([plan], "2021-12")).toBe(true);
    expect(planCovers([plan], "2022-08")).toBe(true);
    expect(planCovers([plan], "2021-11")).toBe(false);
    expect(planCovers([plan], "2023-01")).toBe(false);
    expect(planPeriods([plan])).toEqual([{ first: "2022-01", last: "2022-12" }]);
    expect(planFor([plan], "2022-05")).toBe(plan);
    expect(planFor([plan], "2021-12")).toBeNull();
  });
});
