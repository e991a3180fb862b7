/**
 * The policy's money in miniature, small enough to add up by hand: two subdistricts, 夏阳 and 盈浦,
 * three months of 2022, two subsidies — a hiring subsidy counted in persons (人) that serves the
 * reemployment target, and a rent subsidy counted in firms (家) — and one month-end level tracked
 * without a target. 盈浦 sends nothing for March; 夏阳 leaves the rent subsidy's firms blank in
 * February (paid 0.8万元 without a count) and the level blank in February.
 *
 *                 hire: persons / 万元    rent: firms / 万元    reemployed   seekers (level)
 *   夏阳 2022-01      10 / 2.0               2 / 1.6              30           100
 *   夏阳 2022-02       4 / 0.8               — / 0.8              25            —
 *   夏阳 2022-03       6 / 1.5               3 / 2.4              35           110
 *   盈浦 2022-01       5 / 1.0               1 / 0.8              20            80
 *   盈浦 2022-02       6 / 1.2               0 / 0                20            90
 *
 * As of 2022-03, by hand: hire paid 6.5 (夏阳 4.3, 盈浦 2.2), reached 31, 6.5 ÷ 31 = 0.209677万元
 * (2,097元) a person; rent paid 5.6 (夏阳 4.8, 盈浦 0.8), reached 6, but per firm only over the
 * unit-months that reported both: (1.6 + 2.4 + 0.8 + 0) ÷ (2 + 3 + 1 + 0) = 0.8万元; all funds
 * 12.1万元 (夏阳 3.6 / 1.6 / 3.9 = 9.1, 盈浦 1.8 / 1.2 / — = 3.0), 31人次 and 6家次. Reemployed
 * 130 against 600 × 3/12 = 150 (86.7%, red). Seekers at March: 夏阳 110 + 盈浦 90 (February,
 * carried forward) = 200; month by month 180, 190, 200; 4 of 6 unit-months reported.
 */
import type { Warehouse } from "../../warehouse/db.ts";
import { type Plan, parsePlan } from "../plan.ts";
import { fixtureWarehouse, submit, XIAYANG, YINGPU } from "./warehouseFixture.ts";

export const FUNDS_CATALOGUE = `items:
  - key: reemployed
    zh: 失业人员实现再就业人数
    en: Unemployed people reemployed
    unit: 人
    flow: flow
    reporters: [subdistrict, town]
    max: 20000
  - key: hire_subsidy_persons
    zh: 吸纳就业补贴人数
    en: "Hiring subsidy: persons"
    unit: 人
    flow: flow
    reporters: [subdistrict, town]
    max: 2000
    subsidy: hire_subsidy
    serves: reemployed
  - key: hire_subsidy_amount
    zh: 吸纳就业补贴金额(万元)
    en: "Hiring subsidy: amount (10,000 CNY)"
    unit: 万元
    flow: flow
    reporters: [subdistrict, town]
    max: 2000
    decimals: 4
    subsidy: hire_subsidy
  - key: rent_subsidy_firms
    zh: 房租补贴户数
    en: "Rent subsidy: firms"
    unit: 家
    flow: flow
    reporters: [subdistrict, town]
    max: 2000
    subsidy: rent_subsidy
  - key: rent_subsidy_amount
    zh: 房租补贴金额(万元)
    en: "Rent subsidy: amount (10,000 CNY)"
    unit: 万元
    flow: flow
    reporters: [subdistrict, town]
    max: 2000
    decimals: 4
    subsidy: rent_subsidy
  - key: seekers
    zh: 登记求职人数
    en: Registered job seekers
    unit: 人
    flow: stock
    reporters: [subdistrict, town]
    max: 50000
`;

export const FUNDS_PLAN = `id: funds-2022
name: { zh: 资金测试计划, en: Funds test plan }
district: 青浦区
period: { first: "2022-01", last: "2022-12" }
catalogue: catalogue.yaml
metrics:
  - id: reemployed
    name: { zh: 失业人员实现再就业, en: Unemployed people reemployed }
    kind: cumulative
    target: 600
    indicator: reemployed
    unit_of_count: persons
    quote: 2022年全区失业人员实现再就业人数不少于600人。
    responsible: [各街镇]
  - id: hire_subsidy
    name: { zh: 吸纳就业补贴, en: Hiring subsidy }
    kind: tracked
    indicator: hire_subsidy_amount
    quote: 落实用人单位吸纳失业人员一次性就业补贴政策。
    responsible: [各街镇]
  - id: rent_subsidy
    name: { zh: 房租补贴, en: Rent subsidy }
    kind: tracked
    indicator: rent_subsidy_amount
    quote: 落实房租场地费补贴。
    responsible: [各街镇]
  - id: seekers
    name: { zh: 登记求职人数, en: Registered job seekers }
    kind: tracked
    indicator: seekers
    quote: 做好就业失业状况调查。
    responsible: [各街镇]
`;

/** The plan, its catalogue read from the text above; `extra` is appended to the plan file. */
export function fundsPlan(extra = "", catalogue = FUNDS_CATALOGUE): Plan {
  return parsePlan(FUNDS_PLAN + extra, "funds-2022.yaml", { readCatalogue: () => catalogue });
}

/** Two subdistricts, three months, as the table above. */
export async function fundsWarehouse(): Promise<Warehouse> {
  const db = await fixtureWarehouse([XIAYANG, YINGPU]);
  await submit(db, "2022-02-03T09:00:00+08:00", [
    {
      unit: XIAYANG.code,
      month: "2022-01",
      reemployed: 30,
      hire_subsidy_persons: 10,
      hire_subsidy_amount: 2.0,
      rent_subsidy_firms: 2,
      rent_subsidy_amount: 1.6,
      seekers: 100,
    },
    {
      unit: YINGPU.code,
      month: "2022-01",
      reemployed: 20,
      hire_subsidy_persons: 5,
      hire_subsidy_amount: 1.0,
      rent_subsidy_firms: 1,
      rent_subsidy_amount: 0.8,
      seekers: 80,
    },
  ]);
  await submit(db, "2022-03-03T09:00:00+08:00", [
    {
      unit: XIAYANG.code,
      month: "2022-02",
      reemployed: 25,
      hire_subsidy_persons: 4,
      hire_subsidy_amount: 0.8,
      rent_subsidy_firms: null,
      rent_subsidy_amount: 0.8,
      seekers: null,
    },
    {
      unit: YINGPU.code,
      month: "2022-02",
      reemployed: 20,
      hire_subsidy_persons: 6,
      hire_subsidy_amount: 1.2,
      rent_subsidy_firms: 0,
      rent_subsidy_amount: 0,
      seekers: 90,
    },
  ]);
  await submit(db, "2022-04-03T09:00:00+08:00", [
    {
      unit: XIAYANG.code,
      month: "2022-03",
      reemployed: 35,
      hire_subsidy_persons: 6,
      hire_subsidy_amount: 1.5,
      rent_subsidy_firms: 3,
      rent_subsidy_amount: 2.4,
      seekers: 110,
    },
  ]);
  return db;
}
