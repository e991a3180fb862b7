/**
 * Every judged mode of every kind, on one town's hand-made year, as of five months: before the
 * metric `starts` (2022-02), mid-period (2022-06), the month before `due` (2022-09), `due` itself
 * (2022-10) and after it (2022-11). Every metric starts 2022-03 and is due 2022-10 (n = 8), so
 * flows count from March and the figures stand still after October. 夏阳 is the only unit, so
 * the district is 夏阳.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { metricWindow } from "./judgement.ts";
import type { Plan } from "./plan.ts";
import { computeReport } from "./report.ts";
import type { MetricProgress, Report } from "./reportTypes.ts";
import { parseTestPlan } from "./test/testPlan.ts";
import { addCases, fixtureWarehouse, monthly, submit, XIAYANG } from "./test/warehouseFixture.ts";

const metricYaml = (id: string, fields: string) => `  - id: ${id}
    name: { zh: ${id}, en: ${id} }
    starts: "2022-03"
    due: "2022-10"
${fields
  .trim()
  .split("\n")
  .map((l) => `    ${l.trim()}`)
  .join("\n")}
    quote: 测试。
    responsible: [各街镇]
`;

const PLAN = `id: judged-2022
name: { zh: 考核方式测试, en: Judged modes }
district: 青浦区
period: { first: "2022-01", last: "2022-12" }
metrics:
${[
  metricYaml("cum_pace", "kind: cumulative\ntarget: 800\nindicator: reemployed\nunit_of_count: persons"),
  metricYaml(
    "cum_by_due",
    "kind: cumulative\ntarget: 700\nindicator: reemployed\nunit_of_count: persons\njudged: by_due",
  ),
  metricYaml("level_pace", "kind: level\ntarget: 1000\nindicator: formal_employment\nunit_of_count: persons"),
  metricYaml(
    "level_by_due",
    "kind: level\ntarget: 950\nindicator: formal_employment\nunit_of_count: persons\njudged: by_due",
  ),
  metricYaml(
    "cap_always",
    "kind: cap\ntarget: 100\nindicator: registered_unemployed\nunit_of_count: persons",
  ),
  metricYaml(
    "cap_strict",
    "kind: cap\ntarget: 100\nindicator: registered_unemployed\nunit_of_count: persons\ntolerance: 0",
  ),
  metricYaml(
    "cap_by_due",
    "kind: cap\ntarget: 96\nindicator: registered_unemployed\nunit_of_count: persons\njudged: by_due",
  ),
  metricYaml(
    "ratio_by_due",
    "kind: ratio\ntarget: 0.5\nnumerator: ui_reemployed\ndenominator: ui_stopped\nunit_of_count: share",
  ),
  metricYaml(
    "ratio_always",
    "kind: ratio\ntarget: 1\nnumerator: villages_staffed\ndenominator: villages_total\nunit_of_count: share\njudged: always\ntolerance: 0.05",
  ),
  metricYaml(
    "ratio_strict",
    "kind: ratio\ntarget: 1\nnumerator: villages_staffed\ndenominator: villages_total\nunit_of_count: share\njudged: always\ntolerance: 0",
  ),
  metricYaml(
    "deadline_always",
    "kind: deadline\ntarget: 1\ncase_category: hardship\nreporters: [subdistrict, town]\nunit_of_count: share\ntolerance: 0",
  ),
  metricYaml(
    "deadline_by_due",
    "kind: deadline\ntarget: 1\ncase_category: zero_family\nreporters: [subdistrict, town]\nunit_of_count: share\njudged: by_due",
  ),
].join("")}`;

const plan: Plan = parseTestPlan(PLAN, "judged-2022.yaml");
const months = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"].concat(
  "2022-07",
  "2022-08",
  "2022-09",
  "2022-10",
  "2022-11",
);
const series = (values: number[]) => Object.fromEntries(months.map((m, i) => [m, values[i]]));
const U = XIAYANG.code;

let db: Warehouse;
const reports = new Map<string, Report>();

beforeAll(async () => {
  db = await fixtureWarehouse([XIAYANG]);
  await submit(db, "2022-12-03T09:00:00+08:00", [
    // 90 a month: Jan and Feb are before the metrics start and never count
    ...monthly(U, "reemployed", series([90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90])),
    // February (800) is the baseline: the month before `starts`; 1000 is reached only in November
    ...monthly(U, "formal_employment", series([790, 800, 820, 840, 860, 880, 900, 920, 940, 960, 1000])),
    ...monthly(U, "registered_unemployed", series([80, 85, 90, 95, 96, 100, 101, 99, 96, 95, 120])),
    ...monthly(U, "ui_stopped", series([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100])),
    ...monthly(U, "ui_reemployed", series([90, 90, 40, 40, 45, 45, 50, 55, 60, 60, 0])),
    ...monthly(U, "villages_total", series([40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40])),
    ...monthly(U, "villages_staffed", series([30, 30, 38, 37, 40, 40, 39, 40, 40, 40, 30])),
    { unit: U, month: "2021-12", formal_employment: 780 },
  ]);
  await addCases(db, [
    // due before March (the metric's first day): never counted
    { unit: U, case_id: "H0", category: "hardship", identified_on: "2021-10-01", employed_on: "2022-02-01" },
    // identified in December 2021, due 15 March 2022: counted, on time
    { unit: U, case_id: "H1", category: "hardship", identified_on: "2021-12-15", employed_on: "2022-03-10" },
    // due 10 July, employed 1 August: late
    { unit: U, case_id: "H2", category: "hardship", identified_on: "2022-04-10", employed_on: "2022-08-01" },
    // due 1 August, still open
    { unit: U, case_id: "H3", category: "hardship", identified_on: "2022-05-01", employed_on: null },
    // due 5 April, employed 20 April: late
    {
      unit: U,
      case_id: "Z1",
      category: "zero_family",
      identified_on: "2022-03-05",
      employed_on: "2022-04-20",
    },
    // due 1 July, employed 15 June: on time
    {
      unit: U,
      case_id: "Z2",
      category: "zero_family",
      identified_on: "2022-06-01",
      employed_on: "2022-06-15",
    },
  ]);
  for (const asOf of [
    "2022-02",
    "2022-03",
    "2022-04",
    "2022-06",
    "2022-07",
    "2022-09",
    "2022-10",
    "2022-11",
  ]) {
    reports.set(asOf, await computeReport(db, { plan, asOf, today: "2022-12-20", lang: "zh" }));
  }
});
afterAll(() => db.close());

const metric = (asOf: string, id: string) =>
  reports.get(asOf)?.metrics.find((m) => m.id === id) as MetricProgress;
const pick = (m: MetricProgress) => ({
  status: m.status,
  actual: m.actual,
  expected: m.expected,
  final: m.final,
  gap: m.gap,
});
const alertTypes = (asOf: string, id: string) =>
  (reports.get(asOf)?.alerts ?? []).filter((a) => a.metric === id && a.unit === null).map((a) => a.type);

describe("metricWindow", () => {
  const m = plan.metrics[0];
  it("counts m from starts and n from starts to due: as of 2022-06, m/n = 4/8", () => {
    expect(metricWindow(plan, m, "2022-06")).toEqual({
      started: true,
      final: false,
      from: 2,
      to: 5,
      m: 4,
      n: 8,
      pace: 0.5,
    });
  });
  it("is not started before starts and final from due on, its last month the due month", () => {
    expect(metricWindow(plan, m, "2022-02")).toMatchObject({ started: false, m: 0, pace: 0 });
    expect(metricWindow(plan, m, "2022-11")).toMatchObject({ final: true, from: 2, to: 9, m: 8, pace: 1 });
  });
});

describe("before starts (2022-02): every metric is not_started, with no unit-month missing", () => {
  it("has no figures, no coverage and no alerts", () => {
    for (const m of reports.get("2022-02")?.metrics ?? []) {
      expect([m.id, m.status, m.actual, m.final], m.id).toEqual([m.id, "not_started", null, false]);
      expect(m.coverage, m.id).toEqual({ reported: 0, expected: 0, missing: [] });
      expect(m.units.map((u) => u.status)).toEqual(["not_started"]);
      expect(m.status_words).toEqual({ zh: "未开始", en: "not started" });
    }
    expect(reports.get("2022-02")?.alerts.filter((a) => a.metric !== null)).toEqual([]);
  });
});

describe("pace: cumulative and level", () => {
  it("cumulative mid-period: 4 × 90 = 360 from March against 800 × 4/8 = 400, exactly 90%: yellow", () => {
    expect(pick(metric("2022-06", "cum_pace"))).toEqual({
      status: "yellow",
      actual: 360,
      expected: 400,
      final: false,
      gap: 40,
    });
    expect(metric("2022-06", "cum_pace").status_words.zh).toBe("黄灯 · 略有滞后");
    expect(alertTypes("2022-06", "cum_pace")).toEqual(["behind_pace"]);
  });
  it("cumulative the month before due: 630 against 700, yellow", () => {
    expect(pick(metric("2022-09", "cum_pace"))).toMatchObject({
      status: "yellow",
      actual: 630,
      expected: 700,
    });
  });
  it("cumulative at due: 720 of 800 is final and red (未完成), never yellow; missed_target", () => {
    expect(pick(metric("2022-10", "cum_pace"))).toEqual({
      status: "red",
      actual: 720,
      expected: 800,
      final: true,
      gap: 80,
    });
    expect(metric("2022-10", "cum_pace").status_words).toEqual({ zh: "红灯 · 未完成", en: "missed" });
    expect(alertTypes("2022-10", "cum_pace")).toEqual(["missed_target"]);
  });
  it("cumulative after due: the figure stays at the due month's (720, not 810)", () => {
    expect(pick(metric("2022-11", "cum_pace"))).toMatchObject({ status: "red", actual: 720, final: true });
  });
  it("level mid-period: judged on the increase from February's 800: 80 of 200 done, 100 expected: red", () => {
    const m = metric("2022-06", "level_pace");
    expect(pick(m)).toEqual({ status: "red", actual: 880, expected: 900, final: false, gap: 20 });
    expect(m).toMatchObject({
      baseline: 800,
      increase: 80,
      increase_needed: 200,
      progress: 0.4,
      share_of_target: 0.88,
    });
    expect(m.units[0]).toMatchObject({ baseline: 800, increase: 80, increase_needed: 200, progress: 0.4 });
  });
  it("level the month before due: 940 against 975 (yellow from 957.5): red", () => {
    expect(pick(metric("2022-09", "level_pace"))).toMatchObject({ status: "red", expected: 975 });
  });
  it("level at and after due: 960 < 1000 is missed, November's 1000 comes too late", () => {
    expect(pick(metric("2022-10", "level_pace"))).toMatchObject({ status: "red", actual: 960, final: true });
    expect(pick(metric("2022-11", "level_pace"))).toMatchObject({ status: "red", actual: 960, gap: 40 });
  });
});

describe("by_due: not holding is yellow until the due month, then final", () => {
  it("cumulative: 360 and 630 of 700 yellow (尚未达标), 720 at due green (已完成)", () => {
    expect(pick(metric("2022-06", "cum_by_due"))).toEqual({
      status: "yellow",
      actual: 360,
      expected: 350,
      final: false,
      gap: 340,
    });
    expect(metric("2022-06", "cum_by_due").status_words.zh).toBe("黄灯 · 尚未达标");
    expect(alertTypes("2022-06", "cum_by_due")).toEqual(["below_target"]);
    expect(metric("2022-09", "cum_by_due").status).toBe("yellow");
    expect(pick(metric("2022-10", "cum_by_due"))).toMatchObject({
      status: "green",
      actual: 720,
      final: true,
    });
    expect(metric("2022-10", "cum_by_due").status_words).toEqual({ zh: "绿灯 · 已完成", en: "achieved" });
    expect(metric("2022-11", "cum_by_due").status).toBe("green");
  });
  it("level: 880 and 940 below 950 yellow; 960 at due green", () => {
    expect(metric("2022-06", "level_by_due").status).toBe("yellow");
    expect(metric("2022-09", "level_by_due").status).toBe("yellow");
    expect(pick(metric("2022-10", "level_by_due"))).toMatchObject({ status: "green", final: true });
  });
  it("cap: over the cap (101 > 96) before due is yellow, never red; 95 at due green", () => {
    expect(pick(metric("2022-07", "cap_by_due"))).toMatchObject({ status: "yellow", actual: 101, gap: 5 });
    expect(alertTypes("2022-07", "cap_by_due")).toEqual(["over_cap"]);
    expect(pick(metric("2022-10", "cap_by_due"))).toMatchObject({ status: "green", actual: 95, final: true });
  });
  it("ratio of flows summed from March: 170/400 = 42.5% is yellow (no red before due, however far)", () => {
    expect(pick(metric("2022-06", "ratio_by_due"))).toEqual({
      status: "yellow",
      actual: 0.425,
      expected: null,
      final: false,
      gap: 0.075,
    });
    expect(alertTypes("2022-06", "ratio_by_due")).toEqual(["below_target"]);
    expect(metric("2022-06", "ratio_by_due").coverage).toEqual({ reported: 4, expected: 4, missing: [] });
  });
  it("ratio: 335/700 the month before due yellow; 395/800 = 49.375% at due red (未完成), frozen after", () => {
    expect(metric("2022-09", "ratio_by_due")).toMatchObject({ status: "yellow", actual: 0.478571 });
    expect(pick(metric("2022-10", "ratio_by_due"))).toEqual({
      status: "red",
      actual: 0.49375,
      expected: null,
      final: true,
      gap: 0.00625,
    });
    expect(alertTypes("2022-10", "ratio_by_due")).toEqual(["missed_target"]);
    expect(metric("2022-11", "ratio_by_due")).toMatchObject({ status: "red", actual: 0.49375 });
  });
  it("deadline: Z1 late makes 0/1 yellow in April (even at 0%), 1/2 yellow in September, red at due", () => {
    expect(pick(metric("2022-04", "deadline_by_due"))).toMatchObject({ status: "yellow", actual: 0 });
    expect(pick(metric("2022-09", "deadline_by_due"))).toMatchObject({ status: "yellow", actual: 0.5 });
    expect(pick(metric("2022-10", "deadline_by_due"))).toMatchObject({ status: "red", final: true });
  });
});

describe("always: every month, with the tolerance below the target still yellow", () => {
  it("cap with the default 5%: exactly 95 (0.95·T) green, exactly 100 yellow, 101 red", () => {
    expect(metric("2022-04", "cap_always").status).toBe("green");
    expect(pick(metric("2022-06", "cap_always"))).toMatchObject({ status: "yellow", actual: 100, gap: 0 });
    expect(metric("2022-06", "cap_always").status_words.zh).toBe("黄灯 · 接近上限");
    expect(alertTypes("2022-06", "cap_always")).toEqual(["near_cap"]);
    expect(pick(metric("2022-07", "cap_always"))).toMatchObject({ status: "red", actual: 101, gap: 1 });
    expect(metric("2022-07", "cap_always").status_words.zh).toBe("红灯 · 超出上限");
    expect(alertTypes("2022-07", "cap_always")).toEqual(["over_cap"]);
  });
  it("cap with tolerance 0: exactly 100 green, 101 red", () => {
    expect(metric("2022-06", "cap_strict").status).toBe("green");
    expect(metric("2022-07", "cap_strict").status).toBe("red");
  });
  it("cap at due and after: 95 is achieved; November's 120 does not count", () => {
    expect(pick(metric("2022-10", "cap_always"))).toMatchObject({ status: "green", actual: 95, final: true });
    expect(pick(metric("2022-11", "cap_always"))).toMatchObject({ status: "green", actual: 95 });
  });
  it("ratio with 5%: 38/40 = 95% exactly at the edge is yellow (略低于目标), 37/40 red (未达标)", () => {
    expect(metric("2022-03", "ratio_always")).toMatchObject({ status: "yellow", actual: 0.95 });
    expect(metric("2022-03", "ratio_strict")).toMatchObject({ status: "red", actual: 0.95 });
    expect(metric("2022-04", "ratio_always").status).toBe("red");
    expect(metric("2022-06", "ratio_always").status).toBe("green");
    expect(metric("2022-07", "ratio_always")).toMatchObject({ status: "yellow", actual: 0.975 });
    expect(metric("2022-07", "ratio_always").status_words.zh).toBe("黄灯 · 略低于目标");
    expect(alertTypes("2022-07", "ratio_always")).toEqual(["below_target"]);
  });
  it("ratio with tolerance 0 (确保 / 全部 / 每个): 39/40 is red", () => {
    expect(metric("2022-07", "ratio_strict")).toMatchObject({ status: "red", actual: 0.975, gap: 0.025 });
    expect(metric("2022-07", "ratio_strict").status_words.zh).toBe("红灯 · 未达标");
    expect(pick(metric("2022-10", "ratio_strict"))).toMatchObject({ status: "green", final: true });
    expect(metric("2022-11", "ratio_strict").status).toBe("green");
  });
  it("deadline: H1 (identified 2021-12, due in March) counts; 1/1 in June, H2 past due in July: 1/2 red", () => {
    expect(pick(metric("2022-06", "deadline_always"))).toMatchObject({ status: "green", actual: 1 });
    expect(pick(metric("2022-07", "deadline_always"))).toMatchObject({ status: "red", actual: 0.5 });
    // September: H2 employed late, H3 open past 1 August: 1 of 3 on time
    expect(metric("2022-09", "deadline_always").actual).toBeCloseTo(1 / 3, 6);
    expect(pick(metric("2022-10", "deadline_always"))).toMatchObject({ status: "red", final: true });
    expect(alertTypes("2022-10", "deadline_always")).toEqual(["missed_target"]);
  });
  it("an overdue case counts its days to the as-of month's last day", () => {
    const [july] = (reports.get("2022-07")?.alerts ?? []).filter((a) => a.type === "overdue_case");
    // H2, due 10 July, open on 31 July: 21 days
    expect(july.zh).toBe(
      "夏阳街道有1名就业困难人员超过认定后三个月仍未就业（最早一例2022年7月10日到期，截至2022年7月31日已超期21天）。",
    );
    expect(july.en).toBe(
      "Xiayang Subdistrict: 1 person with employment difficulties not employed within three months of identification (the earliest was due 10 Jul 2022, 21 days overdue on 31 Jul 2022).",
    );
  });
});

describe("no yellow at the due month, no red for by_due before it", () => {
  it("holds for every metric of the plan", () => {
    for (const m of reports.get("2022-10")?.metrics ?? []) expect(m.status, m.id).not.toBe("yellow");
    for (const asOf of ["2022-04", "2022-06", "2022-07", "2022-09"]) {
      for (const m of reports.get(asOf)?.metrics ?? []) {
        if (m.judged === "by_due") expect(m.status, `${asOf} ${m.id}`).not.toBe("red");
      }
    }
  });
});
