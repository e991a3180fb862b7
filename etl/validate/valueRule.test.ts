import { describe, expect, it } from "vitest";
import { parseNumber } from "../normalize/number.ts";
import { QINGPU_2022_CATALOGUE } from "../testdata/catalogue.ts";
import { valueFinding, valueProblem } from "./valueRule.ts";

const reemployed = QINGPU_2022_CATALOGUE.byKey.get("reemployed")!;
const relief = QINGPU_2022_CATALOGUE.byKey.get("relief_financing")!;
const amount = QINGPU_2022_CATALOGUE.byKey.get("grads_hire_subsidy_amount")!;
const problem = (text: string, indicator = reemployed) => valueProblem(parseNumber(text), indicator);

describe("valueProblem", () => {
  it("valueProblem('50') and ('') are null", () => {
    expect([problem("50"), problem("")]).toEqual([null, null]);
  });

  it("valueProblem('约50') is not_a_number", () => {
    expect(problem("约50")).toBe("not_a_number");
  });

  it("valueProblem('-3') is negative", () => {
    expect(problem("-3")).toBe("negative");
  });

  it("valueProblem('1.5') is not_integer for a count, null for relief_financing", () => {
    expect([problem("1.5"), problem("1.5", relief)]).toEqual(["not_integer", null]);
  });

  it("an amount in 万元 takes four decimal places (to the yuan), not five", () => {
    expect([problem("12.3456", amount), problem("0.0001", amount), problem("12.34567", amount)]).toEqual([
      null,
      null,
      "too_many_decimals",
    ]);
    expect([problem("80.1234", relief), problem("80.12345", relief)]).toEqual([null, "too_many_decimals"]);
  });

  it("each item has its own upper bound: reemployed 20,000, a subsidy amount 2,000 万元", () => {
    expect([problem("20001"), problem("20,000")]).toEqual(["implausible", null]);
    expect([problem("2000.01", amount), problem("2000", amount)]).toEqual(["implausible", null]);
  });

  it("valueFinding names the item's own bound and decimals", () => {
    expect(valueFinding("implausible", 3, "c", "20001", reemployed).zh).toBe(
      "数值 20001 超过“失业人员实现再就业人数”的合理上限 20,000人（一个单位一个月），请检查是否多填了位数。",
    );
    expect(valueFinding("too_many_decimals", 3, "c", "1.23456", amount).en).toBe(
      "The value 1.23456 has too many decimal places; One-off hiring subsidy (2022 graduates): amount (10,000 CNY) takes at most 4 (unit: 万元).",
    );
  });

  it("valueFinding quotes the cell and names the indicator", () => {
    const f = valueFinding("not_a_number", 4, "失业人员实现再就业人数", "约50", reemployed);
    expect(f).toMatchObject({ row: 4, column: "失业人员实现再就业人数", code: "not_a_number" });
    expect(f.zh).toContain("“约50”不是数字");
    expect(f.en).toContain('"约50" is not a number');
    expect(valueFinding("negative", 4, "c", "-3", reemployed).en).toBe(
      "The value -3 is negative; Unemployed people reemployed cannot be below 0.",
    );
  });
});
