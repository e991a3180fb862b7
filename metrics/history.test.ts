import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { refreshProgress } from "./progressView.ts";
import { computeReport } from "./report.ts";
import type { MetricProgress, Report } from "./reportTypes.ts";
import { testPlan } from "./test/testPlan.ts";
import { fixtureWarehouse, monthly, submit } from "./test/warehouseFixture.ts";

const metric = (r: Report, id: string) => r.metrics.find((m) => m.id === id) as MetricProgress;
const months = (year: number, values: number[]) =>
  Object.fromEntries(values.map((v, i) => [`${year}-${String(i + 1).padStart(2, "0")}`, v]));

describe("a year of reports", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    // 2021: a slow first quarter (150 of 1,050); 2022: 60 a month, 100 a month for 再就业
    await submit(
      db,
      "2022-01-10T09:00:00+08:00",
      monthly(
        "310118001",
        "new_jobs",
        months(2021, [50, 50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 100]),
      ),
    );
    await submit(db, "2023-01-04T09:00:00+08:00", [
      ...monthly("310118001", "new_jobs", months(2022, Array(12).fill(60))),
      ...monthly("310118001", "reemployed", months(2022, Array(12).fill(100))),
    ]);
  });
  afterAll(() => db.close());

  it("projects by the previous year's monthly shape where that year is complete", async () => {
    const r = await computeReport(db, { plan: testPlan(), asOf: "2022-03", today: "2023-01-10", lang: "en" });
    const m = metric(r, "new_jobs");
    expect(m).toMatchObject({ actual: 180, expected: 900, status: "red" });
    // 180 × 1,050 ÷ 150
    expect(m.projected).toBeCloseTo(1260, 6);
    expect(m.projection_method?.en).toBe(
      "Run-rate of the year so far, adjusted by the previous year's monthly shape: projected = actual to date × total of Jan–Dec 2021 ÷ total of Jan–Mar 2021.",
    );
    expect(m.required_monthly).toBeCloseTo((3600 - 180) / 9, 6);
    expect(m.trailing_monthly).toBe(60);
    // 再就业 has no 2021: the plain run-rate
    expect(metric(r, "reemployed").projected).toBe(1200);
  });

  it("as of December: m = n, the projection is the actual, nothing is required per month", async () => {
    const r = await computeReport(db, { plan: testPlan(), asOf: "2022-12", today: "2023-01-10", lang: "zh" });
    expect(r.monthsElapsed).toBe(12);
    const m = metric(r, "reemployed");
    expect(m).toMatchObject({
      actual: 1200,
      expected: 1200,
      target: 1200,
      met: true,
      status: "green",
      projected: 1200,
      required_monthly: null,
    });
    expect(m.units[0]).toMatchObject({ unit: "310118001", actual: 1200, target: 600, status: "green" });
  });

  it("follows the plan's checkpoints (节点目标): 30% by June, linear in between", async () => {
    const plan = testPlan('checkpoints: { "2022-06": 0.3, "2022-12": 1 }\n');
    const march = await computeReport(db, { plan, asOf: "2022-03", today: "2023-01-10", lang: "zh" });
    // 1200 × 0.3 × 3/6 = 180 expected; 夏阳 600 × 0.15 = 90
    expect(metric(march, "reemployed")).toMatchObject({ actual: 300, expected: 180, status: "green" });
    expect(metric(march, "reemployed").units[0]).toMatchObject({ expected: 90 });
    const sept = await computeReport(db, { plan, asOf: "2022-09", today: "2023-01-10", lang: "zh" });
    // 1200 × (0.3 + 0.7 × 3/6) = 780 expected against 900 done
    expect(metric(sept, "reemployed").expected).toBeCloseTo(780, 6);
    expect(metric(sept, "registered_unemployed").expected).toBeNull();
  });

  it("materializes v_progress for every month of the plan", async () => {
    const plan = testPlan();
    const rows = await refreshProgress(db, plan, "2023-01-10");
    const [{ n, months: monthCount }] = await db.query<{ n: number; months: number }>(
      "SELECT count(*)::INTEGER AS n, count(DISTINCT month)::INTEGER AS months FROM v_progress",
    );
    expect(n).toBe(rows);
    expect(monthCount).toBe(12);
    const district = await db.query(
      "SELECT month, actual, target, expected, status FROM v_progress WHERE metric = 'reemployed' AND unit IS NULL ORDER BY month",
    );
    expect(district[0]).toEqual({
      month: "2022-01",
      actual: 100,
      target: 1200,
      expected: 100,
      status: "green",
    });
    expect(district[11]).toEqual({
      month: "2022-12",
      actual: 1200,
      target: 1200,
      expected: 1200,
      status: "green",
    });
    const columns = await db.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'v_progress' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "metric",
      "unit",
      "month",
      "actual",
      "target",
      "expected",
      "status",
    ]);
    // refreshing replaces the rows
    expect(await refreshProgress(db, plan, "2023-01-10")).toBe(rows);
    expect((await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM progress"))[0].n).toBe(rows);
  });
});
