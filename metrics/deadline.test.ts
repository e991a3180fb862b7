import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/db.ts";
import { casesSource, deadlineSql, quoteRelation } from "./deadline.ts";
import { computeReport } from "./report.ts";
import type { MetricProgress, Report } from "./reportTypes.ts";
import { testPlan } from "./test/testPlan.ts";
import { addCases, type CaseRow, fixtureWarehouse, submit } from "./test/warehouseFixture.ts";

const plan = testPlan();
const metric = (r: Report, id: string) => r.metrics.find((m) => m.id === id) as MetricProgress;

/** [case, identified, employed, deadline]: zero_family one month after, hardship three. */
const CASES: (CaseRow & { deadline: string })[] = [
  {
    unit: "310118001",
    case_id: "H0",
    category: "hardship",
    identified_on: "2021-12-20",
    employed_on: null,
    deadline: "2022-03-20",
  },
  {
    unit: "310118001",
    case_id: "H1",
    category: "hardship",
    identified_on: "2022-01-10",
    employed_on: "2022-02-01",
    deadline: "2022-04-10",
  },
  {
    unit: "310118001",
    case_id: "H3",
    category: "hardship",
    identified_on: "2022-01-05",
    employed_on: null,
    deadline: "2022-04-05",
  },
  {
    unit: "310118001",
    case_id: "Z1",
    category: "zero_family",
    identified_on: "2022-02-01",
    employed_on: "2022-03-10",
    deadline: "2022-03-01",
  },
  {
    unit: "310118001",
    case_id: "Z2",
    category: "zero_family",
    identified_on: "2022-02-15",
    employed_on: null,
    deadline: "2022-03-15",
  },
  {
    unit: "310118001",
    case_id: "Z3",
    category: "zero_family",
    identified_on: "2022-03-20",
    employed_on: "2022-03-25",
    deadline: "2022-04-20",
  },
  {
    unit: "310118002",
    case_id: "H5",
    category: "hardship",
    identified_on: "2022-01-01",
    employed_on: "2022-04-02",
    deadline: "2022-04-01",
  },
];

describe("deadline metrics", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await fixtureWarehouse();
    await submit(db, "2022-04-02T09:00:00+08:00", [{ unit: "310118001", month: "2022-03", reemployed: 1 }]);
    await db.write(async (tx) => {
      await tx.run(
        "CREATE TABLE ledger (unit VARCHAR, case_id VARCHAR, category VARCHAR, identified_on DATE, employed_on DATE, deadline DATE)",
      );
      for (const c of CASES) {
        await tx.run("INSERT INTO ledger VALUES ($u, $id, $c, $i::DATE, $e::DATE, $d::DATE)", {
          u: c.unit,
          id: c.case_id,
          c: c.category,
          i: c.identified_on,
          e: c.employed_on,
          d: c.deadline,
        });
      }
    });
  });
  afterAll(() => db.close());

  const report = (asOf: string, casesRelation = "ledger") =>
    computeReport(db, { plan, asOf, today: "2022-04-21", lang: "zh", casesRelation });

  it("counts the cases due in the period, even identified before it, decided by E: closed on time", async () => {
    const r = await report("2022-03");
    // hardship: H0 (identified 2021-12-20, due 20 March, open) is decided and late; H1 on time;
    // H3 and H5 still within their deadline on 31 March: 1 of 2
    expect(metric(r, "hardship_deadline")).toMatchObject({
      actual: 0.5,
      target: 1,
      met: false,
      status: "red",
      expected: null,
    });
    expect(metric(r, "hardship_deadline").units.map((u) => [u.unit, u.actual, u.status])).toEqual([
      ["310118001", 0.5, "red"],
      ["310118002", null, "no_data"],
      ["310118102", null, "no_data"],
    ]);
    // zero_family: Z1 late, Z2 open past its deadline, Z3 on time
    const zero = metric(r, "zero_family_deadline");
    expect(zero).toMatchObject({ target: 1, met: false, status: "red" });
    expect(zero.actual).toBeCloseTo(1 / 3, 6);
    expect(zero.units.map((u) => [u.unit, u.status])).toEqual([
      ["310118001", "red"],
      ["310118002", "no_data"],
      ["310118102", "no_data"],
    ]);
  });

  it("lists units without a ledger in coverage", async () => {
    const r = await report("2022-03");
    expect(metric(r, "hardship_deadline").coverage).toEqual({
      reported: 6,
      expected: 9,
      missing: ["2022-01", "2022-02", "2022-03"].map((month) => ({ unit: "310118102", month })),
    });
  });

  it("judges later cases at a later month's end", async () => {
    // 30 April: H3 (due 5 April, open) and H5 (due 1 April, employed 2 April) are late too: 1 of 4
    const r = await report("2022-04");
    expect(metric(r, "hardship_deadline").actual).toBe(0.25);
  });

  it("raises overdue_case for open cases past their deadline", async () => {
    const r = await report("2022-03");
    const overdue = r.alerts.filter((a) => a.type === "overdue_case");
    expect(overdue).toMatchObject([
      { metric: "hardship_deadline", unit: "310118001", severity: "medium", count: 1 },
      { metric: "zero_family_deadline", unit: "310118001", severity: "medium", count: 1 },
    ]);
    // days are counted to 31 March (the as-of month's end), not to the day the report is run
    expect(overdue[0].zh).toBe(
      "夏阳街道有1名就业困难人员超过认定后三个月仍未就业（最早一例2022年3月20日到期，截至2022年3月31日已超期11天）。",
    );
    expect(overdue[1].zh).toBe(
      "夏阳街道有1户零就业家庭超过确认后一个月仍无人就业（最早一例2022年3月15日到期，截至2022年3月31日已超期16天）。",
    );
    expect(overdue[1].en).toBe(
      "Xiayang Subdistrict: 1 zero-employment family with no member employed within a month of confirmation (the earliest was due 15 Mar 2022, 16 days overdue on 31 Mar 2022).",
    );
  });

  it("is no_data with coverage 0 until the ledger relation exists", async () => {
    const r = await report("2022-03", "no_such_cases");
    expect(metric(r, "hardship_deadline")).toMatchObject({
      actual: null,
      status: "no_data",
      coverage: { reported: 0, expected: 0, missing: [] },
    });
    expect(r.alerts.some((a) => a.type === "overdue_case")).toBe(false);
  });

  it("reads v_cases by default", async () => {
    await addCases(
      db,
      CASES.map(({ deadline: _, ...c }) => c),
    );
    const r = await computeReport(db, { plan, asOf: "2022-03", today: "2022-04-21", lang: "en" });
    expect(metric(r, "zero_family_deadline").actual).toBeCloseTo(1 / 3, 6);
    expect(metric(r, "hardship_deadline").actual).toBe(0.5);
  });

  it("takes the relation name as an identifier, never a value", () => {
    const sql = deadlineSql(casesSource("v_cases", null), {
      categories: [{ category: "hardship", start: "2022-01-01", end: "2022-03-31" }],
      unit: null,
    });
    expect(sql.sql).toContain(
      'FROM "v_cases" c JOIN (VALUES ($case_c0, $case_s0::DATE, $case_e0::DATE)) w(category, start_day, end_day)',
    );
    expect(sql.sql).toContain("WHERE c.identified_on <= w.end_day AND c.deadline >= w.start_day");
    expect(sql.params).toEqual({ case_c0: "hardship", case_s0: "2022-01-01", case_e0: "2022-03-31" });
    expect(() => quoteRelation('cases"; DROP TABLE facts; --')).toThrow();
  });
});
