/**
 * The sentence patterns of Chinese policy language that state a commitment, as data: one entry
 * per construction, tried in this order before the plain "direction + figure" reading, each with
 * the words it needs and a description in both languages (shown as the reason of a guess, and
 * listed in docs/plan-draft.md). Patterns read the simplified, half-width sentence: , ; : ( ) %.
 */
import { NUMBER_SOURCE } from "./chineseNumber.ts";

/** What a construction states. */
export type Shape =
  | "deadline" // every case within a time after it is identified
  | "coverage" // every one / all of a group (每个 / 全部 / 所有)
  | "share" // a share of a group (X中50%以上, 不低于50%的岗位面向…, …比例大于80%)
  | "count" // a number of people, posts, …
  | "money" // an amount to deliver (融资额度落地)
  | "assigned" // a target whose figure is assigned elsewhere (下达目标)
  | "relative"; // a target relative to last year (不低于上年水平)

interface TargetRule {
  id: string;
  shape: Shape;
  re: RegExp;
  zh: string;
  en: string;
  /** A sentence the rule is tested on (docs and tests). */
  example: string;
}

/** One clause: no , ; : 。 ! ? inside. */
const C = "[^,;:。!?]";
const N = NUMBER_SOURCE;
const AT_LEAST = "不少于|不低于|不小于|至少|达到|大于|高于|超过|达";
const DIRS = "不少于|不低于|不小于|不超过|不高于|控制在|至少|大于|高于|超过|低于|达到|达|保持在|稳定在";

export const TARGET_RULES: readonly TargetRule[] = [
  {
    id: "deadline",
    shape: "deadline",
    re: new RegExp(
      `(?<who>${C}{0,24}?)在?(?<event>确认|认定|登记|申请|核实|建档|纳入|发现)(?:为${C}{0,10}?)?后(?<n>${N})\\s?(?<u>个月|个工作日|工作日|日|天|周|个星期)(?:之)?内(?<rest>${C}{0,24}?)(?:实现就业|就业|上岗|安置)`,
      "g",
    ),
    zh: "“在确认/认定后N个月内实现就业”：每个对象都须按时就业（时限类，100%）",
    en: "“employed within N months of being identified”: every case on time (a deadline rule, 100%)",
    example: "帮助零就业家庭在确认后一个月内至少一人实现就业",
  },
  {
    id: "each",
    shape: "coverage",
    re: new RegExp(
      `每(?:个|一个)(?<x>${C}{1,12}?)(?:都|均)?(?<verb>配备|配置|建立|建成|设立|设置|建有|拥有|实现|开展|落实|有)(?<y>${C}*)`,
      "g",
    ),
    zh: "“每个X配备Y”：X全部达到（覆盖率100%，持续达标）",
    en: "“every X has Y”: all of X (coverage 100%, must hold every month)",
    example: "确保每个村居配备1名专兼职促进就业工作人员",
  },
  {
    id: "all",
    shape: "coverage",
    re: new RegExp(`(?:所有|全部)(?<x>${C}{2,30}?)(?:全部|均|都|一律)(?<y>${C}+)`, "g"),
    zh: "“所有X全部Y”：X全部达到（100%，持续达标）",
    en: "“all X are all Y”: every one of X (100%, must hold every month)",
    example: "我区本年度所有社区工作者、社会工作者新招聘岗位全部向高校毕业生开放",
  },
  {
    id: "full-coverage",
    shape: "coverage",
    re: new RegExp(`(?<x>${C}{2,30}?)(?:实现)?全覆盖`, "g"),
    zh: "“X全覆盖”：X全部覆盖（100%，持续达标）",
    en: "“full coverage of X”: all of X covered (100%, must hold every month)",
    example: "实现零就业家庭就业援助全覆盖",
  },
  {
    id: "share-of",
    shape: "share",
    re: new RegExp(
      `(?<a>${C}+?)(?<dir>${AT_LEAST}|占)(?<b>${C}+?)的(?<num>${N})\\s?%(?<after>以上|及以上)?`,
      "g",
    ),
    zh: "“A不少于B的N%”：A占B的比例（比例类）",
    en: "“A is at least N% of B”: the share A/B (a ratio)",
    example: "面向高校毕业生的岗位数不少于公开招聘岗位总数的60%",
  },
  {
    id: "share-among",
    shape: "share",
    re: new RegExp(
      `(?<x>${C}+?)(?<!其)中,?(?<y>${C}*?)(?<dir>${AT_LEAST})?\\s?(?<num>${N})\\s?%(?<after>以上|及以上)?(?<z>${C}*)`,
      "g",
    ),
    zh: "“X中N%以上Y” / “X中，Y占比不少于N%”：X中做到Y的比例（比例类）",
    en: "“of X, N% or more Y”: the share of X that Y (a ratio)",
    example: "停止领取失业保险金人员中50%以上实现重新就业",
  },
  {
    id: "share-set-aside",
    shape: "share",
    re: new RegExp(
      `(?<x>${C}*?)(?<dir>${AT_LEAST})?\\s?(?<num>${N})\\s?%(?<after>以上|及以上)?的(?<y>${C}+?)(?<verb>面向|用于|向|留给|安排给|定向|实现|获得|参加)(?<z>${C}*)`,
      "g",
    ),
    zh: "“安排不低于N%的X面向Y”：X中面向Y的比例（比例类）",
    en: "“at least N% of X set aside for Y”: the share of X for Y (a ratio)",
    example: "区属国有企业要安排不低于50%的就业岗位面向本市高校毕业生定向招聘",
  },
  {
    id: "rate",
    shape: "share",
    re: new RegExp(
      `(?<x>${C}*?)(?<rate>比例|比率|占比|比重|率)(?<dir>${DIRS})?\\s?(?<num>${N})\\s?%(?<after>以上|及以上|以内|以下|左右)?`,
      "g",
    ),
    zh: "“X比例/X率大于N%”：比例或比率（控制在…以内则为上限）",
    en: "“the rate of X above N%”: a ratio (a cap when held within N%)",
    example: "努力确保我区2022届离校未就业毕业生实现就业比例大于80%",
  },
  {
    id: "assigned-cap",
    shape: "assigned",
    re: new RegExp(
      `(?<x>${C}+?)(?:力争|要|须|必须)?控制在(?:市|区|县|省|上级)?(?:下达|核定|规定|确定)的?(?:目标|指标|计划|范围|任务)(?:以)?内`,
      "g",
    ),
    zh: "“X控制在下达目标内”：上限由上级下达，原文无数字",
    en: "“X held within the assigned target”: a cap whose figure is assigned elsewhere",
    example: "城镇登记失业人数力争控制在下达目标内",
  },
  {
    id: "assigned-complete",
    shape: "assigned",
    re: new RegExp(
      `完成(?:全年|年度|今年|本年度)?(?:(?:市|区|县|省|上级)(?:里)?下达的)?(?<x>${C}+?)(?:等各项|等)?(?:预期|年度)?(?:目标|任务|指标)`,
      "g",
    ),
    zh: "“完成全年X等预期目标”：目标由上级下达，原文无数字",
    en: "“meet the year's X and other expected targets”: the figure is assigned elsewhere",
    example: "力争完成全年新增就业人数等各项预期目标",
  },
  {
    id: "relative",
    shape: "relative",
    re: new RegExp(
      `(?<x>${C}+?)(?<dir>不低于|不少于|高于|超过|不超过|低于|不高于)(?:上年|去年|上一年|前一年|上年度)(?:水平|同期)?`,
      "g",
    ),
    zh: "“X不低于上年水平”：目标取上年实际数，原文无数字",
    en: "“X not below last year's level”: the target is last year's actual, not a figure in the text",
    example: "在本年度我区事业单位招聘总量不低于上年水平的基础上",
  },
  {
    id: "respectively",
    shape: "count",
    re: new RegExp(
      `(?<a>${C}+?)和(?<b>${C}+?)分别(?<dir>达到|达|为|不少于|不低于|超过)\\s?(?<f1>${N}\\s?[万亿]?\\s?(?:人次|人|名|个|户|家))、(?<f2>${N}\\s?[万亿]?\\s?(?:人次|人|名|个|户|家))`,
      "g",
    ),
    zh: "“A和B分别达到M、N”：两项各自的目标",
    en: "“A and B reach M and N respectively”: two targets",
    example: "专业技术人才总量和高技能人才总量分别达到120万人、58万人",
  },
];

/** The plain reading, after the constructions: a figure bound by a direction word or led to by a verb. */
export const FIGURE_RULE = {
  id: "figure",
  zh: "“不少于N人 / N个以上 / 控制在N%以内”：方向词与数字",
  en: "“at least N persons / N or more / within N%”: a direction word and a figure",
};
