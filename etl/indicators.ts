/**
 * The indicator catalog of the monthly template (CONTRACT §3): one entry per column key.
 * `reporters` lists the unit kinds or unit codes that report it; `subsetOf` names the total a
 * "其中" column may not exceed; `decimals` allows non-integer values (亿元 amounts only);
 * `aliases` are earlier Chinese headers still read, so that files made from an older template
 * keep loading.
 */
export type Flow = "flow" | "stock";

export interface Indicator {
  key: string;
  zh: string;
  en: string;
  unitOfCount: "persons" | "posts" | "villages" | "100m_cny";
  flow: Flow;
  reporters: readonly string[];
  subsetOf?: string;
  decimals?: boolean;
  aliases?: readonly string[];
}

const TOWNS = ["subdistrict", "town"] as const;

export const INDICATORS: readonly Indicator[] = [
  {
    key: "formal_employment",
    zh: "正规就业人数",
    en: "Formal employment",
    unitOfCount: "persons",
    flow: "stock",
    reporters: TOWNS,
  },
  {
    key: "new_jobs",
    // the policy's word (新增就业人数, persons); templates before it said 新增就业岗位数
    zh: "新增就业人数",
    en: "New jobs",
    unitOfCount: "persons",
    flow: "flow",
    reporters: TOWNS,
    aliases: ["新增就业岗位数"],
  },
  {
    key: "internship_posts",
    zh: "新募集见习岗位数",
    en: "Internship posts raised",
    unitOfCount: "posts",
    flow: "flow",
    reporters: TOWNS,
  },
  {
    key: "reemployed",
    zh: "失业人员实现再就业人数",
    en: "Unemployed people reemployed",
    unitOfCount: "persons",
    flow: "flow",
    reporters: TOWNS,
  },
  {
    key: "hardship_employed",
    zh: "就业困难人员实现就业人数",
    en: "Hardship persons employed",
    unitOfCount: "persons",
    flow: "flow",
    reporters: TOWNS,
  },
  {
    key: "registered_unemployed",
    zh: "城镇登记失业人数",
    en: "Registered urban unemployed",
    unitOfCount: "persons",
    flow: "stock",
    reporters: TOWNS,
  },
  {
    key: "grads_unemployed",
    zh: "2022届离校未就业高校毕业生人数",
    en: "Unemployed 2022 graduates",
    unitOfCount: "persons",
    flow: "stock",
    reporters: TOWNS,
  },
  {
    key: "grads_employed",
    zh: "其中已实现就业人数",
    en: "of whom employed",
    unitOfCount: "persons",
    flow: "stock",
    reporters: TOWNS,
    subsetOf: "grads_unemployed",
  },
  {
    key: "ui_stopped",
    zh: "停止领取失业保险金人数",
    en: "Unemployment benefit ended",
    unitOfCount: "persons",
    flow: "flow",
    reporters: TOWNS,
  },
  {
    key: "ui_reemployed",
    zh: "其中实现重新就业人数",
    en: "of whom reemployed",
    unitOfCount: "persons",
    flow: "flow",
    reporters: TOWNS,
    subsetOf: "ui_stopped",
  },
  {
    key: "villages_total",
    zh: "村居总数",
    en: "Villages and neighbourhoods",
    unitOfCount: "villages",
    flow: "stock",
    reporters: TOWNS,
  },
  {
    key: "villages_staffed",
    zh: "已配备专兼职就业工作人员的村居数",
    en: "of which with an employment worker",
    unitOfCount: "villages",
    flow: "stock",
    reporters: TOWNS,
    subsetOf: "villages_total",
  },
  {
    key: "soe_posts",
    zh: "区属国企招聘岗位数",
    en: "District SOE posts",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-SASAC"],
  },
  {
    key: "soe_posts_grads",
    zh: "其中面向本市高校毕业生岗位数",
    en: "of which for graduates",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-SASAC"],
    subsetOf: "soe_posts",
  },
  {
    key: "pi_posts",
    zh: "事业单位公开招聘岗位数",
    en: "Public institution posts",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
  },
  {
    key: "pi_posts_grads",
    zh: "其中面向高校毕业生岗位数",
    en: "of which for graduates",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
    subsetOf: "pi_posts",
  },
  {
    key: "pi_newcity_posts",
    zh: "青浦新城区域事业单位岗位数",
    en: "New City public institution posts",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
  },
  {
    key: "pi_newcity_posts_grads",
    zh: "其中面向高校毕业生岗位数(新城)",
    en: "of which for graduates (New City)",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
    subsetOf: "pi_newcity_posts",
  },
  {
    key: "community_posts",
    zh: "社区工作者/社工新招聘岗位数",
    en: "Community worker posts",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
  },
  {
    key: "community_posts_grads",
    zh: "其中向高校毕业生开放岗位数",
    en: "of which open to graduates",
    unitOfCount: "posts",
    flow: "flow",
    reporters: ["D-HRSS"],
    subsetOf: "community_posts",
  },
  {
    key: "relief_financing",
    zh: "纾困融资额度落地金额(亿元)",
    en: "Relief financing (100m CNY)",
    unitOfCount: "100m_cny",
    flow: "flow",
    reporters: ["D-FIN"],
    decimals: true,
  },
];

export const INDICATOR_BY_KEY: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.key, i]));

/** Values above this are implausible for any district (CONTRACT §3). */
export const MAX_PLAUSIBLE = 10_000_000;

/** Whether a unit (by its code and kind) reports an indicator. */
export function reports(indicator: Indicator, unit: { code: string; kind: string }): boolean {
  return indicator.reporters.includes(unit.kind) || indicator.reporters.includes(unit.code);
}
