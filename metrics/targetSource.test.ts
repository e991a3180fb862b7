/**
 * Where targets come from, as the report says it: an assigned target with its note, an allocation
 * taken from an official table with its document, and 不低于上年水平 — last year's total from the
 * submissions when every month of it is in, else the figure the plan states.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { computeReport } from "./report.ts";
import type { MetricProgress, Report } from "./reportTypes.ts";
import { parseTestPlan } from "./test/testPlan.ts";
import {
  type FixtureUnit,
  fixtureWarehouse,
  monthly,
  submit,
  XIAYANG,
  YINGPU,
} from "./test/warehouseFixture.ts";

const HRSS: FixtureUnit = {
  code: "D-HRSS",
  name_zh: "区人力资源社会保障局",
  name_en: "District HRSS Bureau",
  kind: "department",
};

const PLAN = `id: sources-2022
name: { zh: 来源测试, en: Sources }
district: 青浦区
period: { first: "2022-01", last: "2022-12" }
metrics:
  - id: pi_posts_total
    name: { zh: 事业单位招聘总量, en: Public institution posts in all }
    kind: cumulative
    target: 300
    target_from: previous_year
    indicator: pi_posts
    unit_of_count: posts
    quote: 在本年度我区事业单位招聘总量不低于上年水平的基础上。
    responsible: [区人力资源社会保障局]
  - id: new_jobs
    name: { zh: 新增就业人数, en: New jobs }
    kind: cumulative
    target: 1200
    indicator: new_jobs
    unit_of_count: persons
    target_source: { kind: assigned, note: { zh: 市下达目标, en: the city's assignment } }
    quote: 力争完成全年新增就业人数等各项预期目标。
    responsible: [各街镇]
allocations:
  new_jobs:
    source: { kind: assigned, note: 区就业办分解表, document: 青就业办〔2022〕5号 }
    units: { "310118001": 700, "310118002": 500 }
`;
const plan = parseTestPlan(PLAN, "sources-2022.yaml");
const metric = (r: Report, id: string) => r.metrics.find((m) => m.id === id) as MetricProgress;
const months2021 = Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, "0")}`);

describe("target sources in the report", () => {
  let db: Warehouse;
  let complete: Report;
  beforeAll(async () => {
    db = await fixtureWarehouse([XIAYANG, YINGPU, HRSS]);
    // 2021: 30 posts a month except December's 10: 340 in the year
    await submit(
      db,
      "2022-01-04T09:00:00+08:00",
      monthly("D-HRSS", "pi_posts", Object.fromEntries(months2021.map((m, i) => [m, i === 11 ? 10 : 30]))),
    );
    await submit(db, "2022-04-04T09:00:00+08:00", [
      ...monthly("D-HRSS", "pi_posts", { "2022-01": 20, "2022-02": 40, "2022-03": 30 }),
      ...monthly("310118001", "new_jobs", { "2022-01": 60, "2022-02": 60, "2022-03": 60 }),
      ...monthly("310118002", "new_jobs", { "2022-01": 40, "2022-02": 40, "2022-03": 40 }),
    ]);
    complete = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-10", lang: "zh" });
  });
  afterAll(() => db.close());

  it("不低于上年水平: last year's reported total (340) when all twelve months are in, with a note saying so", () => {
    const m = metric(complete, "pi_posts_total");
    // 90 of 340 against 340 × 3/12 = 85: green; the department reporting it alone has the whole target
    expect(m).toMatchObject({ target: 340, actual: 90, expected: 85, status: "green" });
    expect(m.target_source).toEqual({
      kind: "policy",
      quote: "在本年度我区事业单位招聘总量不低于上年水平的基础上。",
      note: "上年水平：2021年1–12月报送合计340个。",
      note_zh: "上年水平：2021年1–12月报送合计340个。",
      note_en: "Last year's level: 340, the total reported for Jan–Dec 2021.",
      document: null,
    });
    expect(m.units).toMatchObject([{ unit: "D-HRSS", target: 340, status: "green" }]);
  });

  it("不低于上年水平: the plan's stated figure (300) when a month of last year is missing", async () => {
    await db.write((tx) => tx.run("DELETE FROM facts WHERE month = '2021-06'"));
    const r = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-10", lang: "en" });
    const m = metric(r, "pi_posts_total");
    expect(m.target).toBe(300);
    expect(m.target_source.note).toBe(
      "Last year's level: 300 as entered in the plan file (the reports for Jan–Dec 2021 are incomplete).",
    );
  });

  it("an assigned target carries its note; the towns' targets carry their allocation table's document", () => {
    const m = metric(complete, "new_jobs");
    expect(m.target_source).toMatchObject({
      kind: "assigned",
      note: "市下达目标",
      note_en: "the city's assignment",
    });
    expect(m.units.map((u) => [u.unit, u.target, u.target_source?.document])).toEqual([
      ["310118001", 700, "青就业办〔2022〕5号"],
      ["310118002", 500, "青就业办〔2022〕5号"],
    ]);
    expect(m.units[0].target_source).toMatchObject({ kind: "assigned", quote: null, note: "区就业办分解表" });
  });
});
