/** A small plan for the metric tests: one metric of each kind, allocations for two towns only. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ParsePlanOptions, type Plan, parsePlan } from "../plan.ts";

/** The shipped plans' folder: a test plan's catalogue is read from beside the shipped plan, as loadPlans reads it. */
const PLANS_DIR = new URL("../plans/", import.meta.url);

/** The shipped plan's catalogue, which a test plan that names none reads. */
const SHIPPED_CATALOGUE_LINE = "catalogue: catalogues/qingpu-2022.yaml";

/**
 * parsePlan for a test plan: its metrics' items are checked against its catalogue, so a plan that
 * names none is given the shipped one (the line is added at the end, so every line number a test
 * names stays where it was).
 */
export function parseTestPlan(text: string, fileName: string, options: ParsePlanOptions = {}): Plan {
  const named = /^catalogue:/m.test(text)
    ? text
    : `${text.endsWith("\n") ? text : `${text}\n`}${SHIPPED_CATALOGUE_LINE}\n`;
  return parsePlan(named, fileName, {
    readCatalogue: (path) => readFileSync(fileURLToPath(new URL(path, PLANS_DIR)), "utf8"),
    ...options,
  });
}

export const TEST_PLAN_YAML = `id: test-2022
name: { zh: 测试计划, en: Test plan }
district: 青浦区
period: { first: "2022-01", last: "2022-12" }
baseline_month: "2021-12"
due_day: 5
metrics:
  - id: reemployed
    name: { zh: 失业人员实现再就业, en: Unemployed people reemployed }
    kind: cumulative
    target: 1200
    indicator: reemployed
    unit_of_count: persons
    quote: 2022年全区失业人员实现再就业人数不少于5000人。
    responsible: [区人力资源社会保障局, 各街镇]
  - id: formal_employment
    name: { zh: 正规就业, en: Formal employment }
    kind: level
    target: 1000
    indicator: formal_employment
    unit_of_count: persons
    quote: 2022年全区正规就业不少于40万人。
    responsible: [各街镇]
  - id: registered_unemployed
    name: { zh: 城镇登记失业人数, en: Registered unemployed }
    kind: cap
    target: 100
    indicator: registered_unemployed
    unit_of_count: persons
    quote: 城镇登记失业人数力争控制在下达目标内。
    responsible: [各街镇]
  - id: grads_employment_rate
    name: { zh: 毕业生就业比例, en: Graduates employed }
    kind: ratio
    direction: above
    target: 0.8
    numerator: grads_employed
    denominator: grads_unemployed
    unit_of_count: share
    quote: 实现就业比例大于80%。
    responsible: [各街镇]
  - id: ui_reemployment_rate
    name: { zh: 重新就业比例, en: Reemployed after benefit }
    kind: ratio
    target: 0.5
    numerator: ui_reemployed
    denominator: ui_stopped
    unit_of_count: share
    quote: 停止领取失业保险金人员中50%以上实现重新就业。
    responsible: [各街镇]
  - id: new_jobs
    name: { zh: 新增就业岗位, en: New jobs }
    kind: cumulative
    target: 3600
    indicator: new_jobs
    unit_of_count: posts
    quote: 力争完成全年新增就业人数等各项预期目标。
    responsible: [各街镇]
  - id: hardship_deadline
    name: { zh: 困难人员三个月内就业, en: Hardship persons within three months }
    kind: deadline
    target: 1.0
    case_category: hardship
    reporters: [subdistrict, town]
    unit_of_count: share
    quote: 帮助就业困难人员在认定后三个月内实现就业。
    responsible: [各街镇]
  - id: zero_family_deadline
    name: { zh: 零就业家庭一个月内就业, en: Zero-employment families within a month }
    kind: deadline
    target: 1.0
    case_category: zero_family
    reporters: [subdistrict, town]
    unit_of_count: share
    quote: 帮助零就业家庭在确认后一个月内至少一人实现就业。
    responsible: [各街镇]
allocations:
  reemployed: { "310118001": 600, "310118002": 480 }
  formal_employment: { "310118001": 500, "310118002": 400 }
`;

export function testPlan(overrides = ""): Plan {
  return parseTestPlan(TEST_PLAN_YAML + overrides, "test-2022.yaml");
}
