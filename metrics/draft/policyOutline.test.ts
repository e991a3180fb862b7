import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it } from "vitest";
import { KEEP_CHARACTERS, plainOf } from "./plainText.ts";
import { policyBlocks } from "./policyBlocks.ts";
import { policyOutline } from "./policySentences.ts";
import { responsibleLists } from "./responsibleBodies.ts";

const outline = (text: string) => policyOutline(policyBlocks(text, KEEP_CHARACTERS));

describe("a policy text → sections, sentences and responsible bodies", () => {
  const text = [
    "# 某区人民政府文件",
    "",
    "## 某区人民政府关于做好稳就业工作的实施意见",
    "",
    "**一、充分认识形势**就业是最大的民生。近年来，我区",
    "",
    "就业形势总体稳定。",
    "",
    "## **二、总体要求**",
    "",
    "### **（二）基本原则**",
    "",
    "**确保就业大局稳定。**力争完成全年新增就业人数等各项预期目标。",
    "",
    "### **三、推动就业容量持续扩大**",
    "",
    "##### **(一) 积极创造联动性岗位**",
    "",
    "2022年全区正规就业不少于40万人。（责任单位：区人",
    "",
    "力资源社会保障局、区发展改革委、各街镇)",
    "",
    "## **(二) 主动提供政策性岗位**",
    "",
    "区属国有企业要安排不低于50%的就业岗位面向本市高校毕业生定向招聘。",
    "",
    "其中青浦新城区域事业单位所提供的岗位中，面向高校毕业生的岗位数占比",
    "",
    "不少于 70%。（责任单位：区公务员局、区国资委）",
  ].join("\n");
  const o = outline(text);
  const at = (words: string) => o.sentences.find((s) => s.text.includes(words));

  it("takes the first unnumbered heading naming 意见 as the title, not as a section", () => {
    expect(o.title).toBe("某区人民政府关于做好稳就业工作的实施意见");
  });

  it("joins a paragraph cut by a page break, and a name cut in two (区人 / 力资源社会保障局)", () => {
    expect(at("近年来")?.text).toBe("近年来，我区就业形势总体稳定。");
    expect(at("正规就业")?.responsible[0]).toBe("区人力资源社会保障局");
    expect(at("占比")?.text).toBe(
      "其中青浦新城区域事业单位所提供的岗位中，面向高校毕业生的岗位数占比不少于 70%。",
    );
  });

  it("reads headings by their numbering, whatever their Markdown level, and a bold lead after ·", () => {
    expect(at("就业是最大的民生")?.section).toBe("一、充分认识形势");
    expect(at("新增就业人数")?.section).toBe("二、总体要求（二）基本原则·确保就业大局稳定");
    expect(at("正规就业")?.section).toBe("三、推动就业容量持续扩大（一）积极创造联动性岗位");
    expect(at("区属国有企业")?.section).toBe("三、推动就业容量持续扩大（二）主动提供政策性岗位");
  });

  it("gives a responsible list to the sentences since the previous list; a chapter without one gives none", () => {
    expect(at("正规就业")?.responsible).toEqual(["区人力资源社会保障局", "区发展改革委", "各街镇"]);
    expect(at("区属国有企业")?.responsible).toEqual(["区公务员局", "区国资委"]);
    expect(at("占比")?.responsible).toEqual(["区公务员局", "区国资委"]);
    expect(at("新增就业人数")?.responsible).toEqual([]);
  });

  it("keeps the responsible list out of the sentence and out of the sentences", () => {
    expect(at("正规就业")?.text).toBe("2022年全区正规就业不少于40万人。");
    expect(o.sentences.some((s) => s.text.includes("责任单位"))).toBe(false);
  });

  it("a numbered item's number is not part of its quote; a long first sentence is no heading", () => {
    const items = outline(
      "一、稳定就业\n1.按照国家统一部署，实施降低费率政策，保持企业社会保险缴费成本预期稳定。（市人社局负责）",
    );
    expect(items.sentences[0]).toMatchObject({
      text: "按照国家统一部署，实施降低费率政策，保持企业社会保险缴费成本预期稳定。",
      section: "一、稳定就业",
      responsible: ["市人社局"],
    });
  });

  it("——lead。 sentences (a dash lead) become a sub-heading", () => {
    const dash = outline("一、目标\n——就业形势总体稳定。“十四五”期间,城镇新增就业60万人以上。");
    expect(dash.sentences[0]).toMatchObject({
      section: "一、目标·就业形势总体稳定",
      text: "“十四五”期间,城镇新增就业60万人以上。",
    });
  });
});

describe("responsible bodies in the forms policies write them", () => {
  const simplify = OpenCC.Converter({ from: "hk", to: "cn" });
  const lists = (text: string) => responsibleLists(plainOf(text, simplify), text).map((l) => l.bodies);

  it("（责任单位：A、B）", () => {
    expect(lists("……。（责任单位：区人力资源社会保障局、团区委、各街镇）")).toEqual([
      ["区人力资源社会保障局", "团区委", "各街镇"],
    ]);
  });

  it("（牵头单位：A；责任单位：B，C〔州〕、D〔市、区、特区〕）: leads first, 〔…〕 kept whole", () => {
    expect(
      lists(
        "（牵头单位：省发展改革委；责任单位：省就业工作联席会议成员单位，各市〔州〕人民政府、贵安新区管委会、各县〔市、区、特区〕人民政府）",
      ),
    ).toEqual([
      [
        "省发展改革委",
        "省就业工作联席会议成员单位",
        "各市〔州〕人民政府",
        "贵安新区管委会",
        "各县〔市、区、特区〕人民政府",
      ],
    ]);
  });

  it("（A、B等负责，列第一位者为牵头单位，下同） and （A、B牵头，C、D参加）", () => {
    expect(
      lists("（市发展改革委、市经济和信息化委、市人力资源社会保障局等负责，列第一位者为牵头单位，下同）"),
    ).toEqual([["市发展改革委", "市经济和信息化委", "市人力资源社会保障局"]]);
    expect(lists("（市发展改革委、市人力资源社会保障局牵头，市委组织部、市财政局参加）")).toEqual([
      ["市发展改革委", "市人力资源社会保障局", "市委组织部", "市财政局"],
    ]);
  });

  it("the Hong Kong form (A/B), names kept as written in traditional characters", () => {
    expect(lists("……取得進步。(政務司司長辦公室/勞工及福利局)")).toEqual([
      ["政務司司長辦公室", "勞工及福利局"],
    ]);
  });

  it("a parenthesis that is not a list of bodies is none (粤府〔2021〕13号), (含)", () => {
    expect(lists("《通知》（粤府〔2021〕13号），对参保职工30人（含）以下的企业")).toEqual([]);
  });
});
