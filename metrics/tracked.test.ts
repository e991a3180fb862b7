/**
 * Items tracked without a target and the policy's money, on the hand-computed warehouse of
 * test/fundsFixture.ts (two subdistricts, three months, two subsidies): the plan's `kind: tracked`
 * and every way it is refused, the report's `tracked` and `funds`, v_progress, and the table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../core/finding.ts";
import type { Warehouse } from "../warehouse/db.ts";
import { fundsLines } from "./formatFunds.ts";
import { formatReportCsv } from "./formatReport.ts";
import { progressRows, refreshProgress } from "./progressView.ts";
import { computeReport } from "./report.ts";
import type { Report, TrackedProgress } from "./reportTypes.ts";
import { FUNDS_CATALOGUE, fundsPlan, fundsWarehouse } from "./test/fundsFixture.ts";
import { FIN, fixtureWarehouse, submit, XIAYANG, YINGPU } from "./test/warehouseFixture.ts";

const plan = fundsPlan();
const tracked = (r: Report, id: string) => r.tracked?.find((t) => t.id === id) as TrackedProgress;

/** The problems of a plan with `extra` appended, as `field: English message`. */
function problems(extra: string, catalogue = FUNDS_CATALOGUE): string[] {
  try {
    fundsPlan(extra, catalogue);
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.findings.map((f) => `${f.column}: ${f.en.replace(/^.*?field [^:]+: /, "")}`);
  }
}

const entry = (lines: string) => `  - id: extra
    name: { zh: 额外, en: Extra }
    kind: tracked
    quote: 额外。
    responsible: [各街镇]
${lines}`;

describe("kind: tracked in a plan file", () => {
  it("is read apart from the targets: an item, its first month, its sentence, and no target", () => {
    expect(plan.metrics.map((m) => m.id)).toEqual(["reemployed"]);
    expect(plan.tracked).toEqual([
      {
        id: "hire_subsidy",
        name: { zh: "吸纳就业补贴", en: "Hiring subsidy" },
        indicator: "hire_subsidy_amount",
        starts: "2022-01",
        quote: "落实用人单位吸纳失业人员一次性就业补贴政策。",
        section: null,
        responsible: ["各街镇"],
        note: null,
      },
      expect.objectContaining({ id: "rent_subsidy", indicator: "rent_subsidy_amount" }),
      expect.objectContaining({ id: "seekers", indicator: "seekers" }),
    ]);
    expect(
      fundsPlan(entry('    indicator: reemployed\n    starts: "2022-04"\n')).tracked.at(-1),
    ).toMatchObject({
      id: "extra",
      starts: "2022-04",
    });
  });

  it("refuses every field of a target, each by its line", () => {
    expect(
      problems(
        entry("    indicator: reemployed\n    target: 100\n    judged: pace\n    unit_of_count: persons\n"),
      ),
    ).toEqual([
      "metrics.extra.target: a tracked item has no target and does not take this field.",
      "metrics.extra.judged: a tracked item has no target and does not take this field.",
      "metrics.extra.unit_of_count: a tracked item has no target and does not take this field.",
    ]);
  });

  it("refuses an unknown item, a subsidy's count instead of its amount, and a month outside the period", () => {
    expect(problems(entry("    indicator: job_fairs\n"))).toEqual([
      "metrics.extra.indicator: unknown reported item job_fairs (see the monthly template).",
    ]);
    expect(problems(entry("    indicator: hire_subsidy_persons\n"))).toEqual([
      "metrics.extra.indicator: hire_subsidy_persons counts whom the subsidy hire_subsidy reached; a subsidy is tracked by its amount item (万元).",
    ]);
    expect(problems(entry('    indicator: reemployed\n    starts: "2023-01"\n'))).toEqual([
      "metrics.extra.starts: the month must lie in the period 2022-01 to 2022-12.",
    ]);
  });

  it("refuses a second entry for the same item, a subsidy with two amounts, and unit targets", () => {
    expect(problems(entry("    indicator: seekers\n"))).toEqual([
      "metrics.extra.indicator: the item seekers is already tracked by seekers.",
    ]);
    const twoAmounts = `${FUNDS_CATALOGUE}  - key: hire_subsidy_amount_2
    zh: 吸纳就业补贴金额二(万元)
    en: "Hiring subsidy: amount 2"
    unit: 万元
    flow: flow
    reporters: [town]
    max: 10
    subsidy: hire_subsidy
`;
    expect(problems("", twoAmounts)).toEqual([
      "metrics.hire_subsidy.indicator: the catalogue must give the subsidy hire_subsidy exactly one amount item and at most one count of whom it reached.",
    ]);
    expect(problems('allocations:\n  hire_subsidy: { "310118001": 5 }\n')).toEqual([
      "allocations.hire_subsidy: hire_subsidy is tracked without a target, so it has no unit targets.",
    ]);
  });
});

describe("the report's tracked items and funds, by hand", () => {
  let db: Warehouse;
  let march: Report;
  beforeAll(async () => {
    db = await fundsWarehouse();
    march = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-21", lang: "zh" });
  });
  afterAll(() => db.close());

  it("a tracked flow: summed to as-of, month by month, by unit, with the unit-month not reported", () => {
    expect(tracked(march, "hire_subsidy")).toEqual({
      id: "hire_subsidy",
      name: "吸纳就业补贴",
      name_zh: "吸纳就业补贴",
      name_en: "Hiring subsidy",
      kind: "tracked",
      indicator: "hire_subsidy_amount",
      unit_of_count: "10k_cny",
      flow: "flow",
      actual: 6.5,
      status: "no_target",
      status_words: { zh: "无目标", en: "no target" },
      starts: "2022-01",
      monthly: [
        { month: "2022-01", value: 3 },
        { month: "2022-02", value: 2 },
        { month: "2022-03", value: 1.5 },
      ],
      coverage: { reported: 5, expected: 6, missing: [{ unit: YINGPU.code, month: "2022-03" }] },
      units: [
        { unit: XIAYANG.code, name: "夏阳街道", actual: 4.3, status: "no_target" },
        { unit: YINGPU.code, name: "盈浦街道", actual: 2.2, status: "no_target" },
      ],
      quote: "落实用人单位吸纳失业人员一次性就业补贴政策。",
      section: null,
      responsible: ["各街镇"],
    });
  });

  it("a tracked level: each unit's latest month carried forward, the district's month ends added up", () => {
    const t = tracked(march, "seekers");
    expect([t.actual, t.flow, t.unit_of_count]).toEqual([200, "stock", "persons"]);
    expect(t.monthly.map((m) => m.value)).toEqual([180, 190, 200]);
    expect(t.units.map((u) => [u.unit, u.actual])).toEqual([
      [XIAYANG.code, 110],
      [YINGPU.code, 90],
    ]);
    expect(t.coverage).toEqual({
      reported: 4,
      expected: 6,
      missing: [
        { unit: XIAYANG.code, month: "2022-02" },
        { unit: YINGPU.code, month: "2022-03" },
      ],
    });
  });

  it("the funds: paid and reached by subsidy, unit and month; per head only where both were reported", () => {
    expect(march.funds).toEqual({
      amount_unit: "万元",
      months: ["2022-01", "2022-02", "2022-03"],
      paid: 12.1,
      reached: [
        { unit: "人", count: 31 },
        { unit: "家", count: 6 },
      ],
      subsidies: [
        {
          subsidy: "hire_subsidy",
          metric: "hire_subsidy",
          name: "吸纳就业补贴",
          name_zh: "吸纳就业补贴",
          name_en: "Hiring subsidy",
          amount_indicator: "hire_subsidy_amount",
          count_indicator: "hire_subsidy_persons",
          count_unit: "人",
          paid: 6.5,
          reached: 31,
          per_head: 0.209677,
          paid_monthly: [3, 2, 1.5],
          reached_monthly: [15, 10, 6],
          units: [
            { unit: XIAYANG.code, paid: 4.3, reached: 20 },
            { unit: YINGPU.code, paid: 2.2, reached: 11 },
          ],
          serves: {
            indicator: "reemployed",
            name_zh: "失业人员实现再就业人数",
            name_en: "Unemployed people reemployed",
            targets: [
              {
                id: "reemployed",
                name: "失业人员实现再就业",
                name_zh: "失业人员实现再就业",
                name_en: "Unemployed people reemployed",
                kind: "cumulative",
                direction: "at_least",
                unit_of_count: "persons",
                actual: 130,
                target: 600,
                progress: 0.216667,
                status: "red",
                status_words: { zh: "红灯 · 明显滞后", en: "behind" },
              },
            ],
          },
        },
        expect.objectContaining({
          subsidy: "rent_subsidy",
          count_unit: "家",
          paid: 5.6,
          reached: 6,
          per_head: 0.8,
          paid_monthly: [2.4, 0.8, 2.4],
          reached_monthly: [3, 0, 3],
          units: [
            { unit: XIAYANG.code, paid: 4.8, reached: 5 },
            { unit: YINGPU.code, paid: 0.8, reached: 1 },
          ],
          serves: null,
        }),
      ],
      units: [
        { unit: XIAYANG.code, name: "夏阳街道", paid: 9.1, paid_monthly: [3.6, 1.6, 3.9] },
        { unit: YINGPU.code, name: "盈浦街道", paid: 3, paid_monthly: [1.8, 1.2, null] },
      ],
    });
  });

  it("the targets stay the targets: no tracked item among the metrics, none in an alert", () => {
    expect(march.metrics.map((m) => m.id)).toEqual(["reemployed"]);
    const ids = new Set(march.tracked?.map((t) => t.id));
    expect(march.alerts.filter((a) => a.metric !== null && ids.has(a.metric))).toEqual([]);
  });

  it("a report limited to one unit gives that unit's money alone", async () => {
    const r = await computeReport(db, {
      plan,
      asOf: "2022-03",
      unit: YINGPU.code,
      today: "2022-04-21",
      lang: "en",
    });
    expect(tracked(r, "hire_subsidy")).toMatchObject({ actual: 2.2, name: "Hiring subsidy" });
    expect(r.funds).toMatchObject({
      paid: 3,
      units: [{ unit: YINGPU.code, name: "Yingpu Subdistrict", paid: 3, paid_monthly: [1.8, 1.2, null] }],
    });
  });

  it("before its first month an item is not started: no figure, nothing missing", async () => {
    const later = fundsPlan().tracked.map((t) => (t.id === "seekers" ? { ...t, starts: "2022-02" } : t));
    const r = await computeReport(db, {
      plan: { ...plan, tracked: later },
      asOf: "2022-01",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(tracked(r, "seekers")).toMatchObject({
      actual: null,
      status: "not_started",
      status_words: { zh: "未开始", en: "not started" },
      monthly: [{ month: "2022-01", value: null }],
      coverage: { reported: 0, expected: 0, missing: [] },
    });
    expect(tracked(r, "seekers").units.map((u) => u.status)).toEqual(["not_started", "not_started"]);
  });

  it("v_progress holds the tracked items too: no target, no pace, status no_target", async () => {
    const rows = progressRows([march]).filter((r) => r.metric === "hire_subsidy");
    expect(rows).toEqual([
      {
        metric: "hire_subsidy",
        month: "2022-03",
        target: null,
        expected: null,
        unit: null,
        actual: 6.5,
        status: "no_target",
      },
      {
        metric: "hire_subsidy",
        month: "2022-03",
        target: null,
        expected: null,
        unit: XIAYANG.code,
        actual: 4.3,
        status: "no_target",
      },
      {
        metric: "hire_subsidy",
        month: "2022-03",
        target: null,
        expected: null,
        unit: YINGPU.code,
        actual: 2.2,
        status: "no_target",
      },
    ]);
    await refreshProgress(db, plan, "2022-04-21");
    expect(
      await db.query(
        "SELECT month, actual, target, expected, status FROM v_progress WHERE metric = 'seekers' AND unit IS NULL ORDER BY month",
      ),
    ).toEqual([
      { month: "2022-01", actual: 180, target: null, expected: null, status: "no_target" },
      { month: "2022-02", actual: 190, target: null, expected: null, status: "no_target" },
      { month: "2022-03", actual: 200, target: null, expected: null, status: "no_target" },
    ]);
  });

  it("the table says what was paid, to whom, per head, beside the target, and by unit month by month", () => {
    expect(fundsLines(march, "zh")).toEqual([
      "",
      "政策资金（无目标）：",
      "  截至2022年3月，各单位报告2项政策补贴已发放12.1万元，惠及31人次、6家次；政策未设资金目标。",
      "  金额和人数（户数）均为各发放单位报告数，人数为各月相加（同一人多月领取计多次）；人均（户均）为报告金额÷报告人数，政策未规定补贴标准。",
      "",
      "  补贴          发放单位             已发放  人数（户数）  人均（户均）",
      "  吸纳就业补贴  夏阳街道、盈浦街道  6.5万元          31人       2,097元",
      "  房租补贴      夏阳街道、盈浦街道  5.6万元           6家       8,000元",
      "",
      "补贴与所服务的目标：",
      "  吸纳就业补贴：31人，6.5万元 ｜ 失业人员实现再就业 130人（目标 ≥ 600人，红灯 · 明显滞后）",
      "",
      "各单位各月发放金额（万元）：",
      "  单位      1月  2月  3月  合计",
      "  夏阳街道  3.6  1.6  3.9   9.1",
      "  盈浦街道  1.8  1.2    —     3",
    ]);
    expect(fundsLines(march, "en")[2]).toBe(
      "  As of Mar 2022, the units report CNY 121,000 paid in 2 subsidies: 31 payments to persons and 6 to firms; the policy sets no target for the money.",
    );
  });

  it("the CSV has a row per tracked item and unit, with no target and nothing judged", () => {
    const csv = formatReportCsv(march, "zh").split("\r\n");
    expect(csv.filter((l) => l.startsWith("seekers,"))).toEqual([
      "seekers,登记求职人数,tracked,,,,全区,,,200,,,,no_target,,,",
      "seekers,登记求职人数,tracked,,,310118001,夏阳街道,,,110,,,,no_target,,,",
      "seekers,登记求职人数,tracked,,,310118002,盈浦街道,,,90,,,,no_target,,,",
    ]);
  });
});

describe("a unit that reports only tracked items", () => {
  it("is missing when it sends nothing for a month past its due day", async () => {
    const catalogue = `${FUNDS_CATALOGUE}  - key: dept_paid
    zh: 部门发放金额(万元)
    en: "Department payments (10,000 CNY)"
    unit: 万元
    flow: flow
    reporters: [department]
    max: 2000
    decimals: 4
`;
    const withDept = fundsPlan(
      `  - id: dept_paid
    name: { zh: 部门发放, en: Department payments }
    kind: tracked
    indicator: dept_paid
    quote: 部门发放。
    responsible: [各街镇]
`,
      catalogue,
    );
    const db = await fixtureWarehouse([XIAYANG, FIN]);
    await submit(db, "2022-02-03T09:00:00+08:00", [
      { unit: XIAYANG.code, month: "2022-01", reemployed: 1 },
      { unit: FIN.code, month: "2022-01", dept_paid: 3 },
    ]);
    await submit(db, "2022-03-03T09:00:00+08:00", [{ unit: XIAYANG.code, month: "2022-02", reemployed: 1 }]);
    // as of March, February's report (due 5 March) is late; March's own is not due yet
    const r = await computeReport(db, { plan: withDept, asOf: "2022-03", today: "2022-04-21", lang: "zh" });
    await db.close();
    expect(r.alerts.filter((a) => a.type === "missing_submission").map((a) => [a.unit, a.month])).toEqual([
      [FIN.code, "2022-02"],
    ]);
  });
});
