import { describe, expect, it } from "vitest";
import { INDICATOR_BY_KEY } from "../indicators.ts";
import { parseNumber } from "../normalize/number.ts";
import { valueFinding, valueProblem } from "./valueRule.ts";

const reemployed = INDICATOR_BY_KEY.get("reemployed")!;
const relief = INDICATOR_BY_KEY.get("relief_financing")!;
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

  it("valueProblem('10000001') is implausible, ('10000000') is not", () => {
    expect([problem("10000001"), problem("10,000,000")]).toEqual(["implausible", null]);
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
