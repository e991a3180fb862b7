import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findTargets } from "./findTargets.ts";
import { KEEP_CHARACTERS, plainOf } from "./plainText.ts";
import { TARGET_RULES } from "./targetRules.ts";
import { EXCLUSIONS } from "./targetWords.ts";
import { ROOT } from "./testdata/draftOf.ts";

const find = (sentence: string) => findTargets(plainOf(sentence, KEEP_CHARACTERS)).found;

describe("every pattern of targetRules.ts finds its own example", () => {
  it.each(TARGET_RULES.map((r) => [r.id, r.example]))("%s: %s", (id, example) => {
    expect(find(example).map((f) => f.rule)).toContain(id);
  });
});

describe("every exclusion of targetWords.ts keeps its example's figures out", () => {
  it.each(EXCLUSIONS.map((e) => [e.id, e.example]))("%s: %s", (_id, example) => {
    expect(find(example)).toEqual([]);
  });
});

it("docs/plan-draft.md names every pattern and every exclusion", () => {
  const docs = readFileSync(join(ROOT, "docs", "plan-draft.md"), "utf8");
  for (const { id } of [...TARGET_RULES, ...EXCLUSIONS]) expect(docs, id).toContain(`\`${id}\``);
});

describe("what each construction states", () => {
  it("a deadline: 帮助零就业家庭在确认后一个月内至少一人实现就业 → every zero-employment family, 100%", () => {
    const [f] = find("帮助零就业家庭在确认后一个月内至少一人实现就业");
    expect(f).toMatchObject({ shape: "deadline", value: 1, who: "零就业家庭", direction: "at_least" });
    expect(f.words[0]).toBe("确认后一个月内");
  });

  it("每个村居配备1名… is coverage of villages (the 1名 is not the target)", () => {
    const [f] = find("确保每个村居配备1名专兼职促进就业工作人员");
    expect(f).toMatchObject({
      shape: "coverage",
      value: 1,
      parent: "村居",
      child: "配备专兼职促进就业工作人员",
    });
  });

  it("A不少于B的60% is A over B", () => {
    const [f] = find("面向高校毕业生的岗位数不少于公开招聘岗位总数的60%");
    expect(f).toMatchObject({ value: 0.6, parent: "公开招聘岗位总数", child: "面向高校毕业生的岗位数" });
  });

  it("X中50%以上Y and X中，Y占比不少于70% are shares of X", () => {
    expect(find("到年末，停止领取失业保险金人员中50%以上实现重新就业。")[0]).toMatchObject({
      value: 0.5,
      direction: "at_least",
      parent: "停止领取失业保险金人员",
      child: "实现重新就业",
    });
    expect(
      find("其中青浦新城区域事业单位所提供的岗位中，面向高校毕业生的岗位数占比不少于 70%。")[0],
    ).toMatchObject({
      value: 0.7,
      parent: "青浦新城区域事业单位所提供的岗位",
      child: "面向高校毕业生的岗位数",
    });
  });

  it("不低于50%的就业岗位面向… is the share of posts set aside", () => {
    expect(find("区属国有企业要安排不低于50%的就业岗位面向本市高校毕业生定向招聘。")[0]).toMatchObject({
      value: 0.5,
      parent: "区属国有企业就业岗位",
      child: "面向本市高校毕业生定向招聘",
    });
  });

  it("a rate: 比例大于80% is above (not at least); 控制在5.5%以内 is at most", () => {
    expect(find("努力确保我区2022届离校未就业毕业生实现就业比例大于80%。")[0]).toMatchObject({
      value: 0.8,
      direction: "above",
      parent: "2022届离校未就业毕业生",
      child: "实现就业",
    });
    expect(find("城镇调查失业率控制在5.5%以内")[0]).toMatchObject({
      value: 0.055,
      direction: "at_most",
      subject: "城镇调查失业率",
    });
  });

  it("下达目标 and 上年水平 are commitments without a figure", () => {
    const found = find("力争完成全年新增就业人数等各项预期目标，城镇登记失业人数力争控制在下达目标内。");
    expect(found.map((f) => [f.shape, f.value, f.direction, f.subject])).toEqual([
      ["assigned", null, "at_least", "新增就业人数"],
      ["assigned", null, "at_most", "城镇登记失业人数"],
    ]);
    expect(find("在本年度我区事业单位招聘总量不低于上年水平的基础上")[0]).toMatchObject({
      shape: "relative",
      value: null,
      subject: "事业单位招聘总量",
    });
  });

  it("“完成各项就业目标” names no quantity and is no commitment", () => {
    expect(find("确保完成各项就业目标任务。")).toEqual([]);
  });

  it("A和B分别达到120万人、58万人 is two targets", () => {
    expect(
      find("专业技术人才总量和高技能人才总量分别达到120万人、58万人").map((f) => [f.subject, f.value]),
    ).toEqual([
      ["专业技术人才总量", 1200000],
      ["高技能人才总量", 580000],
    ]);
  });
});

describe("a figure and its direction", () => {
  it("不少于40万人 → at least 400000 persons, subject without the year and scope words", () => {
    const [f] = find("千方百计创造更多就业岗位，2022年全区正规就业不少于40万人。");
    expect(f).toMatchObject({
      shape: "count",
      value: 400000,
      unitWord: "人",
      direction: "at_least",
      subject: "正规就业",
    });
  });

  it("Chinese numerals: 帮助一千一百名长期失业青年实现就业 → 1100, led by a verb", () => {
    const [f] = find("帮助一千一百名长期失业青年实现就业。");
    expect(f).toMatchObject({ value: 1100, unitWord: "名", subject: "帮助长期失业青年实现就业" });
    expect(f.directionConfidence).toBe("medium");
  });

  it("以上 after a figure, several figures in one clause split at 、", () => {
    const found = find(
      "全市每年城镇新增就业规模保持在35万人以上、扶持创业3万人以上，新增高技能劳动者8万人以上；",
    );
    expect(found.map((f) => [f.value, f.direction, f.subject])).toEqual([
      [350000, "at_least", "城镇新增就业规模"],
      [30000, "at_least", "扶持创业"],
      [80000, "at_least", "新增高技能劳动者"],
    ]);
  });

  it("80亿元 to deliver is a money target of 80 in 亿元; a subsidy amount is not", () => {
    expect(find("强化金融助企纾困，加快80亿元金融助企纾困融资额度落地。")[0]).toMatchObject({
      shape: "money",
      value: 80,
      unitWord: "亿元",
    });
    const { found, money } = findTargets(
      plainOf("我会每年增拨四千八百万元，优化劳工处的特别就业计划。", KEEP_CHARACTERS),
    );
    expect(found).toEqual([]);
    expect(money).toEqual([{ value: 4800, unitWord: "万元", words: "四千八百万元" }]);
  });

  it("提供2 000个月薪不少于18,000元的职位: 2000 posts; the wage floor is no target", () => {
    const found = find(
      "政府于今年一月八日推出「大湾区青年就业计划」，提供2 000个月薪不少于18,000元的职位，供大学毕业生工作。",
    );
    expect(found.map((f) => [f.value, f.unitWord, f.subject])).toEqual([[2000, "个", "提供职位"]]);
  });
});
