import { describe, expect, it } from "vitest";
import { readRegistry } from "../warehouse/registry.ts";
import { readAllocationTable } from "./allocationTable.ts";
import { withAllocations } from "./planAllocations.ts";
import { parseTestPlan, TEST_PLAN_YAML, testPlan } from "./test/testPlan.ts";

const units = readRegistry("fixtures/units.csv");
const plan = testPlan();

describe("readAllocationTable", () => {
  it("reads units by name or code and metrics by id or name, below a title row; skips the total row", () => {
    const grid = [
      ["2022年分解表", "", ""],
      ["街镇", "失业人员实现再就业", "formal_employment"],
      ["夏阳", "700", "520"],
      ["310118002", "５００", "410"],
      ["合计", "1200", "930"],
    ];
    const t = readAllocationTable(grid, plan, units);
    expect(t.errors).toEqual([]);
    expect(t.allocations).toEqual({
      reemployed: { "310118001": 700, "310118002": 500 },
      formal_employment: { "310118001": 520, "310118002": 410 },
    });
    // 700 + 500 = 1200 is the district target; 930 is not 1000
    expect(t.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, "formal_employment", "allocation_total"],
    ]);
    expect(t.warnings[0].zh).toBe("正规就业各单位分解目标合计930人，与全区目标1,000人不一致。");
  });

  it("names every problem with its row and column", () => {
    const grid = [
      ["单位", "再就业人数", "失业人员实现再就业"],
      ["某某镇", "1", "2"],
      ["夏阳", "1", "约50"],
      ["夏阳街道", "1", "3"],
    ];
    const t = readAllocationTable(grid, plan, units);
    expect(t.errors.map((f) => [f.row, f.column, f.code])).toEqual([
      [1, "再就业人数", "unknown_metric"],
      [2, "单位", "unknown_unit"],
      [3, "失业人员实现再就业", "bad_target"],
      [4, "单位", "duplicate_unit"],
    ]);
    expect(t.errors[3].en).toBe("Xiayang Subdistrict already appears on row 3.");
  });
});

describe("withAllocations", () => {
  const source = {
    note: { zh: "区就业办分解表", en: "the district's table" },
    document: "青就业办〔2022〕5号",
  };

  it("replaces a metric's allocation where it stands and leaves every other line as it was", () => {
    const text = withAllocations(
      TEST_PLAN_YAML,
      { reemployed: { "310118001": 700, "310118002": 500 } },
      source,
    );
    const before = TEST_PLAN_YAML.split("\n");
    const after = text.split("\n");
    const at = before.findIndex((l) => l.startsWith("  reemployed:"));
    expect(after.slice(0, at)).toEqual(before.slice(0, at));
    expect(after.slice(at, at + 9)).toEqual([
      "  reemployed:",
      "    source:",
      "      kind: assigned",
      "      note:",
      "        zh: 区就业办分解表",
      "        en: the district's table",
      "      document: 青就业办〔2022〕5号",
      "    units:",
      '      "310118001": 700',
    ]);
    expect(after.slice(at + 10)).toEqual(before.slice(at + 1));
    const plan = parseTestPlan(text, "t.yaml");
    expect(plan.allocations.reemployed).toEqual({ "310118001": 700, "310118002": 500 });
    expect(plan.allocationSources.reemployed).toMatchObject({
      kind: "assigned",
      document: "青就业办〔2022〕5号",
    });
    expect(plan.allocations.formal_employment).toEqual({ "310118001": 500, "310118002": 400 });
  });

  it("adds a metric not yet allocated at the end of allocations, and allocations to a plan without them", () => {
    const added = parseTestPlan(
      withAllocations(TEST_PLAN_YAML, { new_jobs: { "310118001": 3600 } }, source),
      "t.yaml",
    );
    expect(added.allocations.new_jobs).toEqual({ "310118001": 3600 });
    expect(added.allocations.reemployed).toEqual({ "310118001": 600, "310118002": 480 });
    const bare = TEST_PLAN_YAML.slice(0, TEST_PLAN_YAML.indexOf("allocations:"));
    const fresh = parseTestPlan(withAllocations(bare, { new_jobs: { "310118001": 3600 } }, source), "t.yaml");
    expect(fresh.allocations).toEqual({ new_jobs: { "310118001": 3600 } });
  });
});
