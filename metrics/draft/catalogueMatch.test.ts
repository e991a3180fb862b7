import { describe, expect, it } from "vitest";
import { QINGPU_2022_CATALOGUE } from "../../etl/testdata/catalogue.ts";
import { bestMatch, matchConfidence, nameKey, nameScore } from "./catalogueMatch.ts";
import { CASE_CATEGORIES, catalogueFromIndicators } from "./draftCatalogue.ts";

const catalogue = catalogueFromIndicators(QINGPU_2022_CATALOGUE.items);
const totals = catalogue.filter((i) => !i.partOf);

describe("matching policy words to reported items", () => {
  it("nameKey folds the ways templates and policies word the same thing", () => {
    expect(nameKey("失业人员实现再就业人数")).toBe("失业人实现再就业");
    expect(nameKey("区属国有企业就业岗位")).toBe("区属国企就业岗位");
    expect(nameKey("其中面向高校毕业生岗位数(新城)")).toBe("面向高校毕业生岗位");
    expect(nameKey("加快金融助企纾困融资额度落地")).toBe("金融助企纾困融资额度落地");
  });

  it("the same words score 1; an inserted word costs a little (募集就业见习岗位 ~ 新募集见习岗位数)", () => {
    expect(nameScore("失业人员实现再就业人数", "失业人员实现再就业人数")).toBe(1);
    // 募集见习岗位 (6) in 新募集见习岗位 (7): 2·6/13
    expect(nameScore("募集就业见习岗位", "新募集见习岗位数")).toBeCloseTo(12 / 13, 6);
  });

  it("a name mostly made of words the other lacks scores 0 (新增残疾人就业 is not new_jobs)", () => {
    expect(nameScore("新增残疾人就业", "新增就业岗位数")).toBe(0);
    expect(nameScore("新增残疾人公益性岗位", "新增就业岗位数")).toBe(0);
  });

  it.each([
    ["正规就业", "formal_employment", "high"],
    ["募集就业见习岗位", "internship_posts", "high"],
    ["失业人员实现再就业人数", "reemployed", "high"],
    ["就业困难人员实现就业", "hardship_employed", "high"],
    ["金融助企纾困融资额度落地", "relief_financing", "high"],
    ["城镇登记失业人数", "registered_unemployed", "high"],
    ["事业单位招聘总量", "pi_posts", "high"],
    ["城镇新增就业", "new_jobs", "high"],
  ])("%s → %s (%s)", (phrase, key, confidence) => {
    const match = bestMatch(phrase, totals);
    expect(match?.item.key).toBe(key);
    expect(matchConfidence(match)).toBe(confidence);
  });

  it("a phrase of nothing in the catalogue matches nothing (it becomes a proposal)", () => {
    expect(matchConfidence(bestMatch("组织开展残疾人职业技能培训", totals))).toBeNull();
    expect(matchConfidence(bestMatch("专业技术人才总量", totals))).toBeNull();
  });

  it("case categories: “零就业家庭” and “就业困难人员” name the ledger's categories", () => {
    expect(bestMatch("零就业家庭", CASE_CATEGORIES)?.item.key).toBe("zero_family");
    expect(bestMatch("就业困难人员", CASE_CATEGORIES)?.item.key).toBe("hardship");
  });
});
