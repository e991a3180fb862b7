import { describe, expect, it } from "vitest";
import { QINGPU_2022_CATALOGUE } from "../testdata/catalogue.ts";
import { headerKey, indicatorByName } from "./indicatorName.ts";

const INDICATORS = QINGPU_2022_CATALOGUE.items;
const named = (text: string) => {
  const n = indicatorByName(QINGPU_2022_CATALOGUE, text);
  return n ? `${n.indicator.key}${n.ytd ? "+ytd" : ""}` : null;
};

describe("indicatorByName", () => {
  for (const indicator of INDICATORS) {
    it(`indicatorByName('${indicator.key}') and ('${indicator.zh}') are ${indicator.key}`, () => {
      expect(named(indicator.key)).toBe(indicator.key);
      expect(named(indicator.zh)).toBe(indicator.key);
    });
  }

  const cases: [string, string | null][] = [
    ["其中面向高校毕业生岗位数", "pi_posts_grads"],
    ["其中面向高校毕业生岗位数(新城)", "pi_newcity_posts_grads"],
    ["其中面向高校毕业生岗位数（新城）", "pi_newcity_posts_grads"],
    ["其中面向高校毕业生岗位数(新城", null],
    ["reemployed_ytd", "reemployed+ytd"],
    ["REEMPLOYED_YTD", "reemployed+ytd"],
    ["失业人员实现再就业人数(累计)", "reemployed+ytd"],
    ["失业人员实现再就业人数（累计）", "reemployed+ytd"],
    ["累计失业人员实现再就业人数", "reemployed+ytd"],
    ["纾困融资额度落地金额（亿元）（累计）", "relief_financing+ytd"],
    ["新增就业岗位数", "new_jobs"],
    ["新增就业岗位数(累计)", "new_jobs+ytd"],
    ["一次性吸纳就业补贴（2022届高校毕业生）金额(万元)", "grads_hire_subsidy_amount"],
    ["失业人员实现\n再就业人数", "reemployed"],
    [" 正规就业人数 ", "formal_employment"],
    ["*正规就业人数", "formal_employment"],
    ["2023届离校未就业高校毕业生人数", "grads_unemployed"],
    ["正规就业", null],
    ["正规就业人数合计", null],
    ["new jobs", null],
  ];
  for (const [text, key] of cases) {
    it(`indicatorByName(${JSON.stringify(text)}) is ${key}`, () => {
      expect(named(text)).toBe(key);
    });
  }

  it("reads the policy's 新增就业人数 and the older template's 新增就业岗位数 alike, year to date too", () => {
    for (const text of ["新增就业人数", "新增就业岗位数"])
      expect(indicatorByName(QINGPU_2022_CATALOGUE, text)?.indicator.key).toBe("new_jobs");
    expect(indicatorByName(QINGPU_2022_CATALOGUE, "新增就业岗位数(累计)")).toMatchObject({ ytd: true });
    expect(indicatorByName(QINGPU_2022_CATALOGUE, "累计新增就业人数")).toMatchObject({ ytd: true });
  });

  it("headerKey folds width, spaces, line breaks and case", () => {
    expect(headerKey(" 报告\n月份（累计）")).toBe("报告月份(累计)");
    expect(headerKey("Unit")).toBe("unit");
  });

  it("an item's ordinal is its place in the catalogue", () => {
    expect(INDICATORS.map((i) => indicatorByName(QINGPU_2022_CATALOGUE, i.key)?.ordinal)).toEqual(
      INDICATORS.map((_, i) => i),
    );
  });
});
