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

  it("counts, of the cases identified in the period up to E, the decided ones closed on time", async () => {
    const r = await report("2022-03");
    // hardship: H1 decided and on time; H3 and H5 still within their deadline; H0 before the period
    expect(metric(r, "hardship_deadline")).toMatchObject({
      actual: 1,
      target: 1,
      met: true,
      status: "green",
      expected: null,
    });
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
    const r = await report("2022-04");
    expect(metric(r, "hardship_deadline").actual).toBeCloseTo(1 / 3, 6);
  });

  it("raises overdue_case for open cases past their deadline", async () => {
    const r = await report("2022-03");
    const overdue = r.alerts.filter((a) => a.type === "overdue_case");
    expect(overdue).toMatchObject([
      { metric: "zero_family_deadline", unit: "310118001", severity: "medium", count: 1 },
    ]);
    expect(overdue[0].zh).toBe(
      "夏阳街道有1个零就业家庭对象超过确认后一个月仍未就业（最早期限2022年3月15日）。",
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
    expect(metric(r, "hardship_deadline").actual).toBe(1);
  });

  it("takes the relation name as an identifier, never a value", () => {
    const sql = deadlineSql(casesSource("v_cases", null), {
      start: "2022-01-01",
      end: "2022-03-31",
      categories: ["hardship"],
      unit: null,
    });
    expect(sql.sql).toContain(
      'FROM "v_cases" WHERE identified_on BETWEEN $case_start::DATE AND $case_end::DATE',
    );
    expect(sql.params).toEqual({ case_start: "2022-01-01", case_end: "2022-03-31", case_c0: "hardship" });
    expect(() => quoteRelation('cases"; DROP TABLE facts; --')).toThrow();
  });
});
