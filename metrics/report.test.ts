import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { recordFileNotes, recordNote } from "../warehouse/notes.ts";
import { computeReport } from "./report.ts";
import type { MetricProgress, Report } from "./reportTypes.ts";
import { testPlan } from "./test/testPlan.ts";
import { fixtureWarehouse, submit } from "./test/warehouseFixture.ts";

const plan = testPlan();
const metric = (r: Report, id: string) => r.metrics.find((m) => m.id === id) as MetricProgress;
const unit = (m: MetricProgress, code: string) => m.units.find((u) => u.unit === code);

/*
 * Three towns: 夏阳 (310118001) and 盈浦 (310118002) have allocations (再就业 600 / 480, 正规就业
 * 500 / 400); 朱家角 (310118102) has none. 盈浦's March report comes late (8 April) and is revised
 * on 20 April (再就业 36 → 35); its revision leaves 正规就业 blank.
 */
async function seed(db: Warehouse) {
  await submit(db, "2022-01-03T09:00:00+08:00", [
    { unit: "310118001", month: "2021-12", formal_employment: 400, registered_unemployed: 30 },
    { unit: "310118002", month: "2021-12", formal_employment: 300, registered_unemployed: 30 },
    { unit: "310118102", month: "2021-12", formal_employment: 100, registered_unemployed: 20 },
  ]);
  await submit(db, "2022-02-04T09:00:00+08:00", [
    {
      unit: "310118001",
      month: "2022-01",
      reemployed: 50,
      formal_employment: 410,
      registered_unemployed: 45,
      grads_unemployed: 100,
      grads_employed: 70,
      ui_stopped: 10,
      ui_reemployed: 5,
    },
    {
      unit: "310118002",
      month: "2022-01",
      reemployed: 36,
      formal_employment: 310,
      registered_unemployed: 30,
      grads_unemployed: 50,
      grads_employed: 40,
      ui_stopped: 10,
      ui_reemployed: 4,
    },
    {
      unit: "310118102",
      month: "2022-01",
      reemployed: 10,
      formal_employment: 100,
      registered_unemployed: 20,
      grads_unemployed: 50,
      grads_employed: 40,
      ui_stopped: 0,
      ui_reemployed: 0,
    },
  ]);
  await submit(db, "2022-03-04T09:00:00+08:00", [
    { unit: "310118001", month: "2022-02", reemployed: 50, formal_employment: 420 },
    { unit: "310118002", month: "2022-02", reemployed: 36, formal_employment: 320 },
    { unit: "310118102", month: "2022-02", reemployed: 10, formal_employment: 100 },
  ]);
  await submit(db, "2022-04-04T09:00:00+08:00", [
    {
      unit: "310118001",
      month: "2022-03",
      reemployed: 50,
      formal_employment: 440,
      registered_unemployed: 50,
    },
    { unit: "310118102", month: "2022-03", reemployed: 10, formal_employment: 100 },
  ]);
  await submit(db, "2022-04-08T16:00:00+08:00", [{ unit: "310118002", month: "2022-03", reemployed: 36 }]);
  await submit(db, "2022-04-20T10:00:00+08:00", [{ unit: "310118002", month: "2022-03", reemployed: 35 }]);
}

describe("computeReport on a tiny warehouse", () => {
  let db: Warehouse;
  let march: Report;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    await seed(db);
    march = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-21", lang: "zh" });
  });
  afterAll(() => db.close());

  it("is as of the latest month any unit reported when no month is given", async () => {
    const r = await computeReport(db, { plan, today: "2022-04-21", lang: "en" });
    expect(r).toMatchObject({
      plan: "test-2022",
      asOf: "2022-03",
      asReported: null,
      monthsElapsed: 3,
      monthsInPlan: 12,
    });
  });

  it("cumulative: sums the flow to as-of against T × m/n (exactly on pace is green)", () => {
    const m = metric(march, "reemployed");
    // 150 + (36 + 36 + 35) + 30 = 287 against 1200 × 3/12 = 300: 95.7% of pace
    expect(m).toMatchObject({ actual: 287, expected: 300, target: 1200, status: "yellow", met: false });
    expect(m.progress).toBeCloseTo(287 / 1200, 6);
    expect(unit(m, "310118001")).toMatchObject({ actual: 150, target: 600, expected: 150, status: "green" });
    // the revised March (35) leaves 盈浦 at 107, just under 90% of 120
    expect(unit(m, "310118002")).toMatchObject({ actual: 107, target: 480, expected: 120, status: "red" });
  });

  it("a town with no allocation has target null and status no_target", () => {
    expect(unit(metric(march, "reemployed"), "310118102")).toMatchObject({
      actual: 30,
      target: null,
      expected: null,
      progress: null,
      status: "no_target",
    });
  });

  it("cumulative gives the required monthly rate, the trailing mean and a run-rate projection", () => {
    const m = metric(march, "reemployed");
    expect(m.required_monthly).toBeCloseTo((1200 - 287) / 9, 6);
    expect(m.trailing_monthly).toBeCloseTo(287 / 3, 6);
    expect(m.projected).toBeCloseTo((287 / 3) * 12, 6);
    expect(m.projection_method?.en).toContain("Run-rate");
  });

  it("level: carries a missing town-month forward and lists it in coverage.missing", () => {
    const m = metric(march, "formal_employment");
    // 440 + 320 (盈浦's February, carried) + 100 = 860; B = 400 + 300 + 100 = 800; expected 800 + 200 × 3/12
    expect(m).toMatchObject({ actual: 860, expected: 850, baseline: 800, status: "green" });
    expect(m.coverage).toEqual({
      reported: 8,
      expected: 9,
      missing: [{ unit: "310118002", month: "2022-03" }],
    });
    expect(unit(m, "310118002")).toMatchObject({ actual: 320, expected: 325, status: "red" });
    expect(unit(m, "310118001")).toMatchObject({ actual: 440, expected: 425, status: "green" });
    expect(m.projected).toBeCloseTo(860 + (60 / 3) * 9, 6);
  });

  it("level: progress is the share of the required increase, for the district and each town on its own baseline", () => {
    const m = metric(march, "formal_employment");
    // district: 860 − 800 = 60 of the 1000 − 800 = 200 needed; the level itself is 86% of the target
    expect(m).toMatchObject({ increase: 60, increase_needed: 200, progress: 0.3, share_of_target: 0.86 });
    // 夏阳: its own 2021-12 (400) and allocation (500): 40 of 100, ahead of 25 expected
    expect(unit(m, "310118001")).toMatchObject({
      baseline: 400,
      increase: 40,
      increase_needed: 100,
      progress: 0.4,
      share_of_target: 0.88,
      gap: -15,
      status: "green",
    });
    // 盈浦: 20 of 100 against 25 expected (yellow from 22.5): red, though its level is 80% of 400
    expect(unit(m, "310118002")).toMatchObject({
      baseline: 300,
      increase: 20,
      increase_needed: 100,
      progress: 0.2,
      share_of_target: 0.8,
      gap: 5,
      status: "red",
    });
    expect(unit(m, "310118002")?.target_source).toMatchObject({ kind: "assigned", quote: null });
  });

  it("cap: exactly T is yellow (as of March), exactly 0.95·T green (as of February)", async () => {
    expect(metric(march, "registered_unemployed")).toMatchObject({
      actual: 100,
      target: 100,
      status: "yellow",
      met: true,
      expected: null,
    });
    const feb = await computeReport(db, { plan, asOf: "2022-02", today: "2022-04-21", lang: "zh" });
    expect(metric(feb, "registered_unemployed")).toMatchObject({ actual: 95, status: "green" });
  });

  it("ratio of stocks: carried forward; not holding before the due month is yellow, however far below", () => {
    const m = metric(march, "grads_employment_rate");
    expect(m).toMatchObject({ actual: 0.75, target: 0.8, expected: null, status: "yellow", met: false });
    expect(m).toMatchObject({ judged: "by_due", due: "2022-12", final: false, gap: 0.05 });
    expect(m.status_words).toEqual({ zh: "黄灯 · 尚未达标", en: "not yet met" });
    expect(unit(m, "310118001")).toMatchObject({ actual: 0.7, target: 0.8, status: "yellow", gap: 0.1 });
    expect(unit(m, "310118002")).toMatchObject({ actual: 0.8, status: "yellow" });
    expect(m.coverage.reported).toBe(3);
  });

  it("ratio of flows: summed from the period's start", () => {
    const m = metric(march, "ui_reemployment_rate");
    expect(m).toMatchObject({ actual: 0.45, status: "yellow" });
    expect(unit(m, "310118002")).toMatchObject({ actual: 0.4, status: "yellow" });
    expect(unit(m, "310118102")).toMatchObject({ actual: null, status: "no_data" });
  });

  it("as of January: m/n = 1/12", async () => {
    const jan = await computeReport(db, { plan, asOf: "2022-01", today: "2022-04-21", lang: "zh" });
    expect(jan.monthsElapsed).toBe(1);
    const m = metric(jan, "reemployed");
    expect(m).toMatchObject({ actual: 96, expected: 100, status: "yellow" });
    expect(unit(m, "310118002")).toMatchObject({ actual: 36, expected: 40, status: "yellow" });
    expect(metric(jan, "formal_employment")).toMatchObject({ actual: 820, status: "green" });
    expect(metric(jan, "formal_employment").expected).toBeCloseTo(800 + 200 / 12, 6);
  });

  it("as reported: only submissions received by the end of that day count", async () => {
    // before the late March report of 盈浦: its March is missing
    const early = await computeReport(db, {
      plan,
      asOf: "2022-03",
      asReported: "2022-04-05",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(early.asReported).toBe("2022-04-05");
    expect(unit(metric(early, "reemployed"), "310118002")).toMatchObject({ actual: 72, status: "red" });
    // after the late report, before its revision: 36 + 36 + 36 = 108, exactly 90% of pace
    const before = await computeReport(db, {
      plan,
      asOf: "2022-03",
      asReported: "2022-04-19",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(unit(metric(before, "reemployed"), "310118002")).toMatchObject({ actual: 108, status: "yellow" });
    expect(metric(before, "reemployed").actual).toBe(288);
    // after the revision it is the current figure
    const after = await computeReport(db, {
      plan,
      asOf: "2022-03",
      asReported: "2022-04-20",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(unit(metric(after, "reemployed"), "310118002")).toMatchObject({ actual: 107, status: "red" });
  });

  it("as reported: the latest month is the latest received by then", async () => {
    const r = await computeReport(db, { plan, asReported: "2022-03-31", today: "2022-04-21", lang: "zh" });
    expect(r.asOf).toBe("2022-02");
  });

  it("missing_submission respects the due day of the as-reported day", async () => {
    const onDue = await computeReport(db, {
      plan,
      asOf: "2022-04",
      asReported: "2022-04-05",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(onDue.alerts.filter((a) => a.type === "missing_submission")).toEqual([]);
    const late = await computeReport(db, {
      plan,
      asOf: "2022-04",
      asReported: "2022-04-06",
      today: "2022-04-21",
      lang: "en",
    });
    const missing = late.alerts.filter((a) => a.type === "missing_submission");
    expect(missing).toMatchObject([
      { unit: "310118002", month: "2022-03", severity: "medium", metric: null },
    ]);
    expect(missing[0].message).toBe(missing[0].en);
    expect(missing[0].en).toContain("(due 5 Apr 2022; 1 day late on 6 Apr 2022)");
  });

  it("counts days late to the as-of month's last day, not to today", async () => {
    // as of March, read on 21 April: March's report is not yet due on 31 March
    expect(march.alerts.filter((a) => a.type === "missing_submission")).toEqual([]);
    // as of May, read years later: April's reports (due 5 May) are 26 days late on 31 May
    const may = await computeReport(db, { plan, asOf: "2022-05", today: "2026-12-04", lang: "zh" });
    const missing = may.alerts.filter((a) => a.type === "missing_submission");
    expect(missing.map((a) => [a.unit, a.month, a.severity])).toEqual([
      ["310118001", "2022-04", "medium"],
      ["310118002", "2022-04", "medium"],
      ["310118102", "2022-04", "medium"],
    ]);
    expect(missing[2].zh).toBe(
      "朱家角镇未报送2022年4月月报（应于2022年5月5日前报送，截至2022年5月31日已逾期26天）。",
    );
  });

  it("raises behind_pace for the district and for units, with severity", () => {
    const behind = march.alerts.filter((a) => a.type === "behind_pace" && a.metric === "reemployed");
    expect(behind.map((a) => [a.unit, a.severity])).toEqual([
      [null, "medium"],
      ["310118002", "medium"],
    ]);
    expect(behind[0].zh).toContain("失业人员实现再就业：截至2022年3月完成287人");
  });

  it("limits the report to one unit with --unit", async () => {
    const r = await computeReport(db, {
      plan,
      asOf: "2022-03",
      unit: "310118002",
      today: "2022-04-21",
      lang: "zh",
    });
    const m = metric(r, "reemployed");
    expect(m).toMatchObject({ actual: 107, target: 480, expected: 120, status: "red" });
    expect(m.units.map((u) => u.unit)).toEqual(["310118002"]);
    expect(m.coverage.expected).toBe(3);
    expect(r.alerts.every((a) => a.unit === "310118002")).toBe(true);
  });

  it("refuses an as-of month outside the plan and an unknown unit", async () => {
    await expect(
      computeReport(db, { plan, asOf: "2023-01", today: "2022-04-21", lang: "zh" }),
    ).rejects.toThrow(/within plan test-2022/);
    await expect(computeReport(db, { plan, unit: "999", today: "2022-04-21", lang: "zh" })).rejects.toThrow(
      /no unit 999/,
    );
  });
});

describe("units[].note: the unit's explanation of the as-of month (docs/contract.md §6)", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    await seed(db);
    // 盈浦 explains its March as a whole in its report's 备注, then writes one for 再就业 on the portal
    await db.write((tx) =>
      recordFileNotes(tx, [{ unit: "310118002", month: "2022-03", text: "三月疫情，招聘暂停" }], {
        author: "盈浦经办人",
        at: "2022-04-08T16:00:00+08:00",
      }),
    );
    await recordNote(db, {
      unit: "310118002",
      metric: "reemployed",
      month: "2022-03",
      text: "再就业：四月补办专场招聘",
      author: "盈浦经办人",
      role: "town",
      tokenId: 2,
      at: new Date("2022-04-21T02:00:00Z"),
    });
  });
  afterAll(() => db.close());

  it("a metric's own note wins; the month's note stands beside the unit's other red rows, never its green ones", async () => {
    const r = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-21", lang: "zh" });
    expect(unit(metric(r, "reemployed"), "310118002")?.note).toEqual({
      text: "再就业：四月补办专场招聘",
      author: "盈浦经办人",
      at: "2022-04-21T10:00:00+08:00",
    });
    expect(unit(metric(r, "formal_employment"), "310118002")).toMatchObject({
      status: "red",
      note: { text: "三月疫情，招聘暂停", author: "盈浦经办人", at: "2022-04-08T16:00:00+08:00" },
    });
    expect(unit(metric(r, "formal_employment"), "310118001")).toMatchObject({ status: "green", note: null });
    const february = await computeReport(db, { plan, asOf: "2022-02", today: "2022-04-21", lang: "zh" });
    expect(february.metrics.flatMap((m) => m.units).every((u) => u.note === null)).toBe(true);
  });

  it("as reported on a day, only the notes written by its end", async () => {
    const r = await computeReport(db, {
      plan,
      asOf: "2022-03",
      asReported: "2022-04-20",
      today: "2022-04-21",
      lang: "zh",
    });
    expect(unit(metric(r, "reemployed"), "310118002")?.note?.text).toBe("三月疫情，招聘暂停");
  });
});
