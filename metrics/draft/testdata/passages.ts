/**
 * Employment-policy passages of other cities and districts, quoted as published (the copy read is
 * named for each, with its punctuation: several copies have half-width commas, which the drafter
 * must read as well), with the commitments a person finds in them, written by hand. Government
 * documents of this kind are official texts; only the passages the tests need are quoted.
 */

interface ExpectedCommitment {
  /** Words the quote must contain. */
  in: string;
  target: number | null;
  kind: string;
  direction: string;
  judged?: string;
  unit_of_count?: string;
  due?: string;
  /** The catalogue item it must read, when it reads one. */
  item?: string;
}

interface Passage {
  name: string;
  /** Issuer, document number (or what identifies it when the copy shows none), date. */
  source: string;
  /** Where the copy was read. */
  copy: string;
  script: "simplified" | "traditional" | "traditional (machine-converted copy)";
  text: string;
  commitments: ExpectedCommitment[];
  /** Responsible bodies the first commitment (or first sentence) must get, when the passage lists them. */
  responsible?: string[];
  funds?: { value: number; unitWord: string }[];
}

export const PASSAGES: Passage[] = [
  {
    name: "xian-2022",
    source: "西安市人民政府办公厅《西安市“十四五”就业促进实施方案》，西安市政办发〔2022〕31号，2022年7月18日",
    copy: "www.zhuawawa.xin/article/c1/173169.html (a reproduction of the notice)",
    script: "simplified",
    text: [
      "西安市政办发〔2022〕31号",
      "",
      "西安市“十四五”就业促进实施方案",
      "",
      "一、聚焦目标任务发力,实现更高质量就业",
      "",
      "大力实施就业优先政策,强化宏观政策与就业政策衔接,促进创业带动就业,实现就业规模持续扩大,就业结构更加优化,就业质量稳步提升。",
      "",
      "——就业形势总体稳定。“十四五”期间,城镇新增就业60万人以上,城镇调查失业率控制在5.5%以内,重点群体就业保持稳定,劳动力市场供求基本平衡。",
      "",
      "——就业结构不断优化。人力资源质量大幅提升,专业技术人才总量和高技能人才总量分别达到120万人、58万人,劳动年龄人口平均受教育年限达到13年。",
    ].join("\n"),
    commitments: [
      {
        in: "城镇新增就业60万人以上",
        target: 600000,
        kind: "cumulative",
        direction: "at_least",
        judged: "pace",
        unit_of_count: "persons",
        due: "2025-12",
        item: "new_jobs",
      },
      {
        in: "控制在5.5%以内",
        target: 0.055,
        kind: "cap",
        direction: "at_most",
        judged: "always",
        due: "2025-12",
      },
      {
        in: "分别达到120万人",
        target: 1200000,
        kind: "level",
        direction: "at_least",
        unit_of_count: "persons",
      },
      {
        in: "分别达到120万人、58万人",
        target: 580000,
        kind: "level",
        direction: "at_least",
        unit_of_count: "persons",
      },
      { in: "受教育年限达到13年", target: 13, kind: "level", direction: "at_least" },
    ],
  },
  {
    name: "dongyang-2023",
    source:
      "东阳市人民政府办公室《东阳市促进残疾人就业行动实施方案（2023—2025年）》，2023年3月13日印发（所读页面未载文号）",
    copy: "www.dongyang.gov.cn/art/2023/3/21/art_1229692327_59603057.html",
    script: "simplified",
    text: [
      "东阳市促进残疾人就业行动实施方案(2023—2025年)",
      "",
      "一、总体目标",
      "",
      "围绕“扩中”“提低”,以全市就业年龄段的7600多名持证残疾人为主要对象,以共同富裕示范区建设和数字化改革为牵引,更好地发挥政府部门作用,进一步健全就业促进机制,完善落实残疾人就业创业扶持政策,加强残疾人职业技能培训、就业服务以及困难残疾人就业兜底保障,着力破解残疾人就业范围不广、层次不高等问题,促进我市残疾人更加充分更高质量就业。到2025年,全市新增残疾人就业800人以上,组织开展残疾人职业技能培训1300人次以上,新增残疾人公益性岗位70个以上,劳动年龄段持证残疾人就业率达60%以上,其中有就业意愿应届残疾人大学生就业率达100%,残疾人就业权益得到更好保障,推动形成理解、尊重、关心、支持残疾人就业创业的良好社会环境。",
    ].join("\n"),
    commitments: [
      {
        in: "新增残疾人就业800人以上",
        target: 800,
        kind: "cumulative",
        direction: "at_least",
        due: "2025-12",
      },
      {
        in: "培训1300人次以上",
        target: 1300,
        kind: "cumulative",
        direction: "at_least",
        unit_of_count: "persons",
      },
      {
        in: "公益性岗位70个以上",
        target: 70,
        kind: "cumulative",
        direction: "at_least",
        unit_of_count: "posts",
      },
      {
        in: "就业率达60%以上",
        target: 0.6,
        kind: "ratio",
        direction: "at_least",
        judged: "by_due",
        due: "2025-12",
      },
      { in: "就业率达100%", target: 1, kind: "ratio", direction: "at_least", judged: "by_due" },
    ],
  },
  {
    name: "shanghai-2022-traditional",
    source: "上海市人民政府《关于做好本市当前和今后一个时期稳就业工作的意见》，沪府规〔2022〕6号，2022年6月",
    copy: "文号取自 www.xuehua.us/a/62be86bb5d710ece5e705cd4?lang=zh-tw；句子取自 jeqc.cn/jingxuan/20655.htm 所转界面新闻的引文。两处都是机器转成的繁体，不是原发繁体；后者的重复逗号已删去",
    script: "traditional (machine-converted copy)",
    text: [
      "滬府規〔2022〕6號",
      "",
      "在有就業意願且服從安排的前提下,確保“零就業家庭”在確認後1個月內家庭成員至少1人實現就業,就業困難人員在認定後3個月內實現就業,確保今年內就業困難人員實現就業不少於5萬人。",
    ].join("\n"),
    commitments: [
      {
        in: "確認後1個月內",
        target: 1,
        kind: "deadline",
        direction: "at_least",
        judged: "always",
        item: "zero_family",
      },
      {
        in: "認定後3個月內",
        target: 1,
        kind: "deadline",
        direction: "at_least",
        judged: "always",
        item: "hardship",
      },
      {
        in: "不少於5萬人",
        target: 50000,
        kind: "cumulative",
        direction: "at_least",
        judged: "pace",
        due: "2022-12",
        item: "hardship_employed",
      },
    ],
  },
  {
    name: "dongguan-2021-traditional",
    source:
      "东莞市人民政府《关于贯彻落实〈广东省进一步稳定和扩大就业若干政策措施〉的实施意见》，东府〔2021〕54号",
    copy: "www.sangco.com.cn/gkmlpt/content/3/3608/post_3608759.html (a machine-converted traditional copy of the simplified original)",
    script: "traditional (machine-converted copy)",
    text: [
      "東府〔2021〕54號",
      "東莞市人民政府關于貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見",
      "各鎮人民政府(街道辦事處),市府直屬各單位:",
      "為貫徹落實《廣東省人民政府關于印發廣東省進一步穩定和擴大就業若干政策措施的通知》(粵府〔2021〕13號),強化就業優先政策,全面穩就業、保居民就業,推動實現更加充分更高質量就業,提出如下意見:",
      "一、減負穩崗留工并舉,深層次優化用工生態",
      "(一)減輕企業負擔,穩定就業崗位",
      "1.按照國家統一部署,平穩有序實施企業職工基本養老保險繳費比例、繳費基數統一政策,保持企業社會保險繳費成本預期穩定。實施階段性降低用人單位基本醫療保險繳費費率政策,實施期限至2021年12月31日。原階段性下調工傷保險費率政策實施至2021年4月30日,2021年5月1日起按照省級統籌工傷保險行業基準費率標準有關規定執行;2021年5月1日至2022年4月30日實施階段性下調工傷保險費率50%的政策。將階段性降低失業保險費率政策、失業保險浮動費率政策實施期限延長至2022年4月30日。(市人力資源社會保障局、市醫保局、市財政局、市稅務局負責)",
      "2.繼續按不高于2017年征收標準征收殘疾人就業保障金。落實分檔征收和減繳緩繳免繳殘疾人就業保障金政策,在職職工總數30人(含)以下的企業暫免征收殘疾人保障金,實施期限至2022年12月31日(即征收所屬期為2021年度)。(市殘聯、市財政局、市稅務局負責)",
      "3.繼續實施失業保險穩崗返還政策。放寬返還條件,對參保職工30人(含)以下的企業,裁員率放寬到不超過企業職工總數20%;對參保職工30人以上的企業,裁員率放寬到上年度全國城鎮調查失業率控制目標;",
    ].join("\n"),
    commitments: [],
    responsible: ["市人力資源社會保障局", "市醫保局", "市財政局", "市稅務局"],
  },
  {
    name: "hongkong-2022-kpi",
    source: "香港特別行政區《行政長官2022年施政報告》指標，弱勢社群學生擺脫跨代貧窮行動小組第1項",
    copy: "i-cable.com/新聞資訊/66326 (the list of indicators as published)",
    script: "traditional",
    text: [
      "弱勢社群學生擺脫跨代貧窮行動小組",
      "1. 在完成為期一年的「共創明『Teen』計劃」的學員中,不少於 70% 在提升個人發展和正向思維方面取得進步。(政務司司長辦公室/勞工及福利局)",
    ].join("\n"),
    commitments: [{ in: "不少於 70%", target: 0.7, kind: "ratio", direction: "at_least" }],
    responsible: ["政務司司長辦公室", "勞工及福利局"],
  },
  {
    name: "hongkong-2018-budget",
    source: "香港特別行政區《2018-19財政年度政府財政預算案》第181段",
    copy: "budget.gov.hk/2018/chi/budget34.html",
    script: "traditional",
    text: "支援就業 181. 為鼓勵僱主聘用有特別就業需要的求職人士,我會每年增撥四千八百萬元,優化勞工處的特別就業計劃。措施包括:",
    commitments: [],
    funds: [{ value: 4800, unitWord: "万元" }],
  },
  {
    name: "hongkong-2021-lwb",
    source:
      "香港特别行政区劳工及福利局局长提交予立法会财务委员会特别会议的书面发言稿（劳工政策范畴），2021年4月16日",
    copy: "sc.isd.gov.hk/TuniS/www.info.gov.hk/gia/general/202104/16/P2021041600609.htm (the government's simplified rendering)",
    script: "simplified",
    text: "为鼓励及协助香港青年人把握粤港澳大湾区的事业发展机遇,政府于今年一月八日推出「大湾区青年就业计划」,提供2 000个月薪不少于18,000元的职位,供大学毕业生到大湾区内地城市工作。",
    commitments: [
      { in: "提供2 000个", target: 2000, kind: "cumulative", direction: "at_least", unit_of_count: "posts" },
    ],
  },
];
