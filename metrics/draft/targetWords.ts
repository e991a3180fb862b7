/**
 * The words Chinese policies state a target with, as data: which way a figure binds (不少于 ·
 * 以上 · 控制在…以内), what it counts (人 · 个 · 户 · 亿元 · %), and the words around a number that
 * make it something other than a target (a year, a duration, a subsidy rate, an eligibility
 * rule). Each entry says in both languages why it decides, and that text is what a draft shows.
 */
import type { Direction } from "../reportTypes.ts";
import { NUMBER_SOURCE } from "./chineseNumber.ts";
import type { Confidence } from "./draftTypes.ts";

export interface DirectionWord {
  word: string;
  direction: Direction;
  confidence: Confidence;
}

/** Before the figure, longest first (不少于 before 少于). */
export const DIRECTION_BEFORE: readonly DirectionWord[] = [
  { word: "不少于", direction: "at_least", confidence: "high" },
  { word: "不低于", direction: "at_least", confidence: "high" },
  { word: "不小于", direction: "at_least", confidence: "high" },
  { word: "不超过", direction: "at_most", confidence: "high" },
  { word: "不高于", direction: "at_most", confidence: "high" },
  { word: "不大于", direction: "at_most", confidence: "high" },
  { word: "控制在", direction: "at_most", confidence: "high" },
  { word: "至少", direction: "at_least", confidence: "high" },
  { word: "最少", direction: "at_least", confidence: "high" },
  { word: "大于", direction: "above", confidence: "high" },
  { word: "高于", direction: "above", confidence: "high" },
  { word: "超过", direction: "above", confidence: "high" },
  { word: "多于", direction: "above", confidence: "high" },
  { word: "低于", direction: "at_most", confidence: "medium" },
  { word: "少于", direction: "at_most", confidence: "medium" },
  { word: "突破", direction: "above", confidence: "medium" },
  { word: "保持在", direction: "at_least", confidence: "medium" },
  { word: "稳定在", direction: "at_least", confidence: "medium" },
  { word: "达到", direction: "at_least", confidence: "medium" },
  { word: "达", direction: "at_least", confidence: "medium" },
];

/** After the figure. 以上 includes the figure in Chinese legal usage (GB/T: 以上含本数). */
export const DIRECTION_AFTER: readonly DirectionWord[] = [
  { word: "及以上", direction: "at_least", confidence: "high" },
  { word: "以上", direction: "at_least", confidence: "high" },
  { word: "以内", direction: "at_most", confidence: "high" },
  { word: "之内", direction: "at_most", confidence: "high" },
  { word: "以下", direction: "at_most", confidence: "high" },
  { word: "左右", direction: "at_least", confidence: "low" },
];

type UnitKind = "count" | "money" | "duration" | "year";

export interface CountUnit {
  word: string;
  /** The regex source when the word alone would match too much. */
  pattern?: string;
  kind: UnitKind;
  /** The plan's unit of count when the word alone decides it. */
  plan: string | null;
}

/** Counting words after a number, longest first. */
export const COUNT_UNITS: readonly CountUnit[] = [
  { word: "个工作日", kind: "duration", plan: null },
  { word: "个星期", kind: "duration", plan: null },
  { word: "个小时", kind: "duration", plan: null },
  // 2 000个月薪…的职位: posts with a monthly pay, not months
  { word: "个月", pattern: "个月(?!薪)", kind: "duration", plan: null },
  { word: "工作日", kind: "duration", plan: null },
  { word: "人次", kind: "count", plan: "persons" },
  { word: "亿元", kind: "money", plan: "100m_cny" },
  { word: "万元", kind: "money", plan: null },
  { word: "元", kind: "money", plan: null },
  { word: "人", kind: "count", plan: "persons" },
  { word: "名", kind: "count", plan: "persons" },
  { word: "个", kind: "count", plan: null },
  { word: "户", kind: "count", plan: null },
  { word: "家", kind: "count", plan: null },
  { word: "场", kind: "count", plan: null },
  { word: "项", kind: "count", plan: null },
  { word: "所", kind: "count", plan: null },
  { word: "期", kind: "count", plan: null },
  { word: "批", kind: "count", plan: null },
  { word: "年", kind: "year", plan: null },
  { word: "月", kind: "duration", plan: null },
  { word: "日", kind: "duration", plan: null },
  { word: "天", kind: "duration", plan: null },
  { word: "周", kind: "duration", plan: null },
];

/** A figure: a number with its magnitude and counting word, or a share (80%, 百分之八十). */
export const FIGURE = new RegExp(
  `百分之(?<pnum>${NUMBER_SOURCE})|(?<num>${NUMBER_SOURCE})\\s?(?:(?<pct>%)|(?<mag>[万亿])?\\s?(?<unit>${COUNT_UNITS.map((u) => u.pattern ?? u.word).join("|")})|(?<bare>[万亿]))`,
  "g",
);

/** Words that make the counted thing a post (岗位) rather than a person. */
export const POST_WORDS = /岗位|职位|岗|见习|工作机会|就业机会/;
export const VILLAGE_WORDS = /村居|村\(居\)|社区|居委/;

/** A figure with nothing binding it is still a target when a verb of doing leads to it. */
export const TARGET_VERBS =
  /(?:新增|募集|开发|提供|帮助|帮扶|扶持|培训|创造|组织开展|组织|举办|吸纳|招聘|安置|带动|新建|建设|开展|培育|转移|引进|招募|落实|培养|认定|完成|实现)$/;

/** A count of this is a level (a stock at the period's end), not a sum of monthly flows. */
export const LEVEL_WORDS =
  /总量|规模|总数|就业人数|正规就业|人才总量|数量$|保持在|稳定在|人数$|平均|年限|率$/;
/** A count of this is summed month by month (a flow). */
export const FLOW_WORDS =
  /新增|募集|帮助|帮扶|实现(?:再)?就业|培训|开发|提供|创造|扶持|吸纳|招聘|安置|组织|举办|落地|完成|新建|建设|开展|带动|转移|引进|招募/;

export const DUE_BY_YEAR = /(?:到|至|截至)?(\d{4})\s?年(?:底|末|内|度|前)?(?![\d届])/g;
export const DUE_THIS_YEAR = /到年末|到年底|年底前|年末前|年内|全年|本年度|今年(?:内|底)?/;
export const DUE_PLAN_PERIOD = /“?十四五”?(?:期间|末)|“?十五五”?(?:期间|末)/;
/** 2022届 graduates leave school in June–July: their targets start in July. */
export const COHORT = /(\d{4})届[^,;。]{0,12}毕业生/;

/** The money words that make a sentence a fund (tracked without a target). */
export const FUND_WORDS = /补贴|贴息|补助|资助|奖励|津贴|资金|经费|专项资金|增拨|拨款|预留|返还/;
/** Money that is a target to deliver rather than a subsidy to pay out. */
export const MONEY_TARGET_WORDS = /融资|贷款|授信|投放|额度|落地|营业收入|营收|产值|交易额/;

interface Exclusion {
  id: string;
  /** A sentence whose figures it excludes (tests and docs). */
  example: string;
  zh: string;
  en: string;
  test: (at: FigureContext) => boolean;
}

export interface FigureContext {
  /** The clause text before the figure (since the last , ; : 。 or the previous figure). */
  before: string;
  /** The clause text after the figure up to the next , ; : or 。. */
  after: string;
  unit: CountUnit | null;
  share: boolean;
  value: number | null;
  /** The whole sentence (simplified, half-width). */
  sentence: string;
  /** Whether the figure sits inside quotation marks or a title (“…” 「…」 《…》). */
  quoted: boolean;
}

const QUALIFIED_GROUP =
  "(?:企业|单位|人员|人士|家庭|劳动者|青年|群体|职工|员工|毕业生|学生|失业人员|对象|项目|个人|居民|残疾人|农民工|用人单位)";

/**
 * Figures that are not targets. The order only matters for the reason shown; any one excludes.
 * Known misses are in docs/plan-draft.md.
 */
export const EXCLUSIONS: readonly Exclusion[] = [
  {
    id: "quoted",
    example: "通过落实“稳岗纾困服务攻坚百日行动”、实行“一企一策”帮扶，确保“5000人就业”专项活动顺利开展。",
    zh: "数字在引号或书名号内（名称的一部分）",
    en: "the number is inside quotation marks or a title (part of a name)",
    test: (c) => c.quoted,
  },
  {
    id: "year",
    example: "确保2022年内全区就业形势稳定。",
    zh: "是年份",
    en: "it is a year",
    test: (c) => c.unit?.kind === "year" && c.value !== null && c.value >= 1900 && c.value <= 2100,
  },
  {
    id: "duration",
    example: "帮助对象在登记后不少于3个月内完成培训。",
    zh: "是期限或日期，不是数量",
    en: "it is a duration or a date, not a quantity",
    test: (c) => c.unit?.kind === "duration",
  },
  {
    id: "qualifier",
    example: "鼓励本区用人单位在本年度吸纳失业3个月及以上人员，对参保职工30人(含)以下的企业暂免征收。",
    zh: "是对象的资格条件（如“30人以下的企业”“失业3个月及以上人员”）",
    en: "it qualifies who is meant (firms of 30 staff or fewer, people out of work 3 months or more)",
    test: (c) =>
      new RegExp(`^(?:\\(含\\))?(?:及|或)?(?:以上|以下|以内)?的?${QUALIFIED_GROUP}`).test(c.after) &&
      !/^[,;。]/.test(c.after),
  },
  {
    id: "eligibility",
    example: "放宽返还条件，裁员率放宽到不超过企业职工总数20%。",
    zh: "是放宽或限定条件（放宽到、限于）",
    en: "it is an eligibility rule (relaxed to, limited to)",
    test: (c) => /放宽(?:到|至)|限于|限定|上限为|条件/.test(c.before.slice(-16)),
  },
  {
    id: "wage",
    example: "提供月薪不少于18,000元的职位。",
    zh: "是工资或待遇标准，不是目标",
    en: "it is a wage or pay floor, not a target",
    test: (c) => c.unit?.kind === "money" && /月薪|工资|薪酬|薪资|收入|待遇/.test(c.before.slice(-10)),
  },
  {
    id: "rate",
    example: "实施阶段性下调工伤保险费率50%的政策，对中小微企业按不少于60%返还，每人补贴不少于1000元。",
    zh: "是补贴、返还或费率的标准",
    en: "it is the rate of a subsidy, refund or contribution",
    test: (c) =>
      (c.share &&
        (/费率|税率|利率|按|返还|降低|下调|上调|减免|补贴|给予|缴费|贴息|缴纳/.test(c.before.slice(-10)) ||
          /^(?:的政策|返还|的比例|补贴|给予|的补贴)/.test(c.after))) ||
      (c.unit?.kind === "money" &&
        (/每(?:人|户|名|月|年|家|次|个)|标准|最高|一次性|给予|补贴|补助|奖励|资助|津贴/.test(
          c.before.slice(-10),
        ) ||
          /^\/|^每/.test(c.after))),
  },
  {
    id: "change",
    example: "城镇调查失业率比上年下降不少于0.3个百分点。",
    zh: "是增减幅度（增长、下降、百分点），不是目标值",
    en: "it is a change (growth, fall, percentage points), not a level to reach",
    test: (c) =>
      /^个?百分点/.test(c.after) ||
      /增长|下降|增幅|降幅|同比|比上年|较上年|(?:提高|降低|提升|减少|增加)(?!到|至)/.test(c.before.slice(-8)),
  },
  {
    id: "fact",
    example: "截至6月底，已有不少于2000人入职。",
    zh: "说的是已有的事实（已、截至、现有、共有）",
    en: "it states a fact (already, as of, there are)",
    test: (c) => /已(?:经|有|达|超|完成|创造|入职|开设|增加)|截至|现有|共有|目前|累计已/.test(c.before),
  },
];

/** Scope and time words at the start of a subject that say nothing about what is counted. */
export const SUBJECT_PREFIX =
  /^(?:其中|并且|并|且|同时|要|力争|确保|努力确保|努力|全力|争取|到\d{4}\s?年(?:底|末)?|\d{4}\s?年(?:度|内|底|末)?|全年|年内|今年(?:内)?|本年度|到年末|到年底|“?十四五”?期间|全区|全市|全县|全镇|全省|全港|我区|我市|本区|本市|本县|每年|累计|共|再|力争使|使|为)/;
export const SUBJECT_SUFFIX = /(?:要|力争|确保|的|将|达到|达|保持在|稳定在|累计|共|为|均|都|已)$/;

/** A deliverable without a number: 建成…园区, 设立…基地 (a milestone, judged done or not). */
export const MILESTONE =
  /(?<verb>建成|设立|成立|新建|组建|开办|开设|建设|建立|打造|创建|搭建)(?<what>[^,;。]{0,24}?(?:产业园|创业园|园区|孵化基地|实训基地|基地|服务中心|中心|平台|市场|驿站|服务站|站点|服务圈|窗口|专区|联盟|学院|孵化器|示范区|社区))/g;
/** Verbs that deliver for sure, and words before them that make it a study or an encouragement. */
export const MILESTONE_SURE = /建成|设立|成立|新建|组建|开办|开设/;
export const MILESTONE_WEAK = /研究|探索|鼓励|支持|引导|推动|争取|谋划/;
