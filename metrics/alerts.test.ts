import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { computeReport } from "./report.ts";
import type { Report } from "./reportTypes.ts";
import { testPlan } from "./test/testPlan.ts";
import { fixtureWarehouse, monthly, submit } from "./test/warehouseFixture.ts";

const plan = testPlan();
const anomalies = (r: Report) => r.alerts.filter((a) => a.type === "anomaly");

describe("anomaly alerts", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    // 夏阳: a steady 100 a month, then July's figure is the year so far plus a month (600 + 100)
    await submit(db, "2022-08-03T09:00:00+08:00", [
      ...monthly("310118001", "new_jobs", {
        "2022-01": 100,
        "2022-02": 100,
        "2022-03": 100,
        "2022-04": 100,
        "2022-05": 100,
        "2022-06": 100,
        "2022-07": 700,
      }),
      // 盈浦: around 100, then 400 in July: far outside its history, but not year-to-date-like
      ...monthly("310118002", "new_jobs", {
        "2022-01": 100,
        "2022-02": 110,
        "2022-03": 90,
        "2022-04": 105,
        "2022-05": 95,
        "2022-06": 100,
        "2022-07": 400,
      }),
      // 朱家角: ordinary ups and downs
      ...monthly("310118102", "new_jobs", {
        "2022-01": 80,
        "2022-02": 120,
        "2022-03": 100,
        "2022-04": 90,
        "2022-05": 110,
        "2022-06": 100,
        "2022-07": 105,
      }),
      // and a February 再就业 ten times its other months
      ...monthly("310118102", "reemployed", { "2022-01": 10, "2022-02": 100, "2022-03": 10, "2022-04": 10 }),
    ]);
  });
  afterAll(() => db.close());

  it("catches a monthly value that looks like a year-to-date total", async () => {
    const r = await computeReport(db, { plan, asOf: "2022-07", today: "2022-08-04", lang: "zh" });
    const [ytd] = anomalies(r).filter((a) => a.unit === "310118001");
    expect(ytd).toMatchObject({
      type: "anomaly",
      severity: "high",
      metric: "new_jobs",
      unit: "310118001",
      month: "2022-07",
    });
    expect(ytd.zh).toBe(
      "夏阳街道2022年7月“新增就业人数”为700人，约等于当年此前各月合计600人加一个月的常见值100人，疑似填报了累计数，请核实。",
    );
    expect(ytd.en).toContain("looks like a year-to-date total");
  });

  it("catches a flow far outside the unit's own history (median/MAD)", async () => {
    const r = await computeReport(db, { plan, asOf: "2022-07", today: "2022-08-04", lang: "en" });
    const found = anomalies(r).filter((a) => a.unit === "310118002");
    expect(found).toMatchObject([{ severity: "medium", month: "2022-07" }]);
    expect(found[0].en).toBe(
      'Yingpu Subdistrict, Jul 2022: "New jobs" is 400, far outside the unit\'s own history (median 100, MAD 5); please check.',
    );
    expect(anomalies(r).some((a) => a.unit === "310118102" && a.metric === "new_jobs")).toBe(false);
  });

  it("needs three months of the period before judging an outlier", async () => {
    const feb = await computeReport(db, { plan, asOf: "2022-02", today: "2022-08-04", lang: "en" });
    expect(anomalies(feb)).toEqual([]);
    const mar = await computeReport(db, { plan, asOf: "2022-03", today: "2022-08-04", lang: "en" });
    expect(anomalies(mar)).toMatchObject([
      { unit: "310118102", metric: "reemployed", month: "2022-02", severity: "medium" },
    ]);
    expect(anomalies(mar)[0].en).toContain(
      '"Unemployed people reemployed" is 100, far outside the unit\'s own history (median 10, MAD 0)',
    );
  });
});

describe("missing_submission", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    await submit(db, "2022-02-03T09:00:00+08:00", [
      { unit: "310118001", month: "2022-01", reemployed: 1 },
      { unit: "310118002", month: "2022-01", reemployed: 1 },
      { unit: "310118102", month: "2022-01", reemployed: 1 },
    ]);
    await submit(db, "2022-03-03T09:00:00+08:00", [
      { unit: "310118001", month: "2022-02", reemployed: 1 },
      { unit: "310118002", month: "2022-02", reemployed: 1 },
    ]);
  });
  afterAll(() => db.close());

  const missing = async (today: string) =>
    (await computeReport(db, { plan, asOf: "2022-02", today, lang: "zh" })).alerts.filter(
      (a) => a.type === "missing_submission",
    );

  it("is not raised on the due day itself (the 5th of the next month)", async () => {
    expect(await missing("2022-03-05")).toEqual([]);
  });

  it("is raised the day after, and turns high after 30 days", async () => {
    expect(await missing("2022-03-06")).toMatchObject([
      { unit: "310118102", month: "2022-02", severity: "medium" },
    ]);
    expect(await missing("2022-04-04")).toMatchObject([{ severity: "medium" }]);
    const [late] = await missing("2022-04-05");
    expect(late).toMatchObject({ severity: "high" });
    expect(late.zh).toBe("朱家角镇未报送2022年2月月报（应于2022年3月5日前报送，已逾期31天）。");
  });

  it("leaves out departments that report none of the plan's items", async () => {
    expect((await missing("2022-06-01")).map((a) => a.unit)).toEqual(["310118102"]);
  });
});
