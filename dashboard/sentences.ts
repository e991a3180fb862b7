/**
 * Sentences a leader can read aloud, one per metric, generated from the report's numbers:
 * 「再就业完成全年目标的62.3%，落后序时进度3.2个百分点，余下每月需完成348人。」
 * "Reemployment is at 62.3% of the annual target, 3.2 points behind pace; 348 a month are needed from now on."
 * One generator per metric kind; all pure.
 */
import type { MetricProgress, Status } from "../metrics/reportTypes.ts";
import {
  formatInteger,
  formatMoney,
  formatPercent,
  formatPoints,
  formatValue,
  type Lang,
  roundTo,
  unitWordZh,
} from "./format.ts";

export interface SentenceContext {
  /** Open cases past their deadline (deadline metrics): from the report's `overdue_case` alerts. */
  overdueCases?: number;
}

/** Gaps smaller than this (as a fraction of the target) read as "on pace". */
const ON_PACE = 0.0005;

export function metricSentence(metric: MetricProgress, lang: Lang, context: SentenceContext = {}): string {
  if (metric.actual === null) return noDataSentence(metric, lang);
  switch (metric.kind) {
    case "cumulative":
      return cumulativeSentence(metric, lang);
    case "level":
      return levelSentence(metric, lang);
    case "cap":
      return capSentence(metric, lang);
    case "ratio":
      return ratioSentence(metric, lang);
    case "deadline":
      return deadlineSentence(metric, lang, context.overdueCases ?? 0);
  }
}

function noDataSentence(metric: MetricProgress, lang: Lang): string {
  return lang === "zh" ? `${metric.name_zh}暂无数据。` : `${metric.name_en}: no data yet.`;
}

/** `X is` or `X are`, by the English name's number. */
function subject(name: string): string {
  const plural = /[^s]s$/i.test(name.trim()) && !/(ness|sis|ss)$/i.test(name.trim());
  return `${name} ${plural ? "are" : "is"}`;
}

/**
 * A rate needed per month, rounded up: whole persons or posts, 亿元 to the cent of the display
 * (a pace that falls short by a fraction would not suffice).
 */
export function neededAmount(value: number, unitOfCount: string): number {
  if (unitOfCount === "100m_cny") return Math.ceil(roundTo(value * 100, 6)) / 100;
  if (unitOfCount === "share") return value;
  return Math.ceil(roundTo(value, 6));
}

function perMonth(value: number, unitOfCount: string, lang: Lang): string {
  const n = neededAmount(value, unitOfCount);
  if (unitOfCount === "100m_cny") return formatMoney(n, lang);
  if (lang === "zh") return `${formatInteger(n)}${unitWordZh(unitOfCount)}`;
  return unitOfCount === "posts" ? `${formatInteger(n)} posts` : formatInteger(n);
}

function neededClause(metric: MetricProgress, lang: Lang, verbZh: string): string {
  const r = metric.required_monthly;
  if (r === null || r <= 0) return "";
  const amount = perMonth(r, metric.unit_of_count, lang);
  if (lang === "zh") return `，余下每月需${verbZh}${amount}`;
  const verb = metric.unit_of_count === "100m_cny" ? "is" : "are";
  return `; ${amount} a month ${verb} needed from now on`;
}

/** Cumulative: share of the annual target, gap to pace in points, the rate needed per month. */
export function cumulativeSentence(metric: MetricProgress, lang: Lang): string {
  const { actual, target, expected } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const value = formatValue(actual, metric.unit_of_count, lang);
  if (target === null || target <= 0) {
    return lang === "zh"
      ? `${metric.name_zh}累计完成${value}（未设全年目标）。`
      : `${metric.name_en}: ${value} so far (no annual target).`;
  }
  const progress = formatPercent(actual / target);
  if (actual >= target) {
    return lang === "zh"
      ? `${metric.name_zh}已完成全年目标，完成率${progress}。`
      : `${subject(metric.name_en)} at ${progress} of the annual target: achieved.`;
  }
  const pace = paceClause(expected === null ? null : (actual - expected) / target, lang);
  const needed = neededClause(metric, lang, "完成");
  return lang === "zh"
    ? `${metric.name_zh}完成全年目标的${progress}${pace}${needed}。`
    : `${subject(metric.name_en)} at ${progress} of the annual target${pace}${needed}.`;
}

function paceClause(gap: number | null, lang: Lang): string {
  if (gap === null) return "";
  if (Math.abs(gap) < ON_PACE) return lang === "zh" ? "，与序时进度持平" : ", on pace";
  const points = formatPoints(gap, lang);
  if (lang === "zh") return gap < 0 ? `，落后序时进度${points}` : `，超过序时进度${points}`;
  return gap < 0 ? `, ${points} behind pace` : `, ${points} ahead of pace`;
}

/** Level: the stock, its share of the target, the gap to pace in counts, the growth needed per month. */
export function levelSentence(metric: MetricProgress, lang: Lang): string {
  const { actual, target, expected } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const u = metric.unit_of_count;
  const value = formatValue(actual, u, lang);
  if (target === null) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}（未设全年目标）。`
      : `${metric.name_en}: ${value} (no annual target).`;
  }
  const goal = formatValue(target, u, lang);
  const progress = target > 0 ? formatPercent(actual / target) : null;
  if (actual >= target) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，已达到全年目标${goal}。`
      : `${metric.name_en} stands at ${value}, reaching the ${goal} target.`;
  }
  let gap = "";
  if (expected !== null) {
    const diff = actual - expected;
    const amount = formatValue(Math.abs(diff), u, lang);
    if (Math.abs(diff) < 0.5) gap = lang === "zh" ? "，与序时进度持平" : ", on pace";
    else if (lang === "zh") gap = diff < 0 ? `，低于序时进度${amount}` : `，高于序时进度${amount}`;
    else gap = diff < 0 ? `, ${amount} below pace` : `, ${amount} above pace`;
  }
  const needed = neededClause(metric, lang, "增加");
  const share =
    progress === null
      ? ""
      : lang === "zh"
        ? `，为全年目标${goal}的${progress}`
        : `, ${progress} of the ${goal} target`;
  if (lang === "zh") return `${metric.name_zh}为${value}${share}${gap}${needed}。`;
  const neededEn = needed.replace(" a month", " more a month");
  return `${metric.name_en} stands at ${value}${share}${gap}${neededEn}.`;
}

/** Cap: the level against the ceiling, with the room left or the excess. */
export function capSentence(metric: MetricProgress, lang: Lang): string {
  const { actual, target } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const u = metric.unit_of_count;
  const value = formatValue(actual, u, lang);
  if (target === null) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}（未设控制目标）。`
      : `${metric.name_en}: ${value} (no cap set).`;
  }
  const cap = formatValue(target, u, lang);
  const room = formatValue(Math.abs(target - actual), u, lang);
  if (actual <= target) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，控制在目标${cap}以内，尚余${room}空间。`
      : `${metric.name_en}: ${value}, within the cap of ${cap} (${room} to spare).`;
  }
  return lang === "zh"
    ? `${metric.name_zh}为${value}，超出控制目标${cap}共${room}。`
    : `${metric.name_en}: ${value}, ${room} over the cap of ${cap}.`;
}

function targetText(metric: MetricProgress, lang: Lang): string {
  const t = formatPercent(metric.target ?? 0);
  if (metric.direction === "above") return lang === "zh" ? `高于${t}` : `above ${t}`;
  return t;
}

/** Ratio: the share against the target share, with the shortfall in points. */
export function ratioSentence(metric: MetricProgress, lang: Lang): string {
  return shareSentence(metric, lang, "");
}

/** Deadline: the on-time share against 100%, with the cases now overdue. */
export function deadlineSentence(metric: MetricProgress, lang: Lang, overdueCases = 0): string {
  let tail = "";
  if (overdueCases > 0) {
    tail =
      lang === "zh"
        ? `；另有${formatInteger(overdueCases)}个对象超期未就业`
        : `; ${formatInteger(overdueCases)} ${overdueCases === 1 ? "case is" : "cases are"} overdue`;
  }
  return shareSentence(metric, lang, tail);
}

function shareSentence(metric: MetricProgress, lang: Lang, tail: string): string {
  const { actual, target } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const value = formatPercent(actual);
  if (target === null) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}（未设目标）${tail}。`
      : `${subject(metric.name_en)} ${value} (no target set)${tail}.`;
  }
  const goal = targetText(metric, lang);
  if (metric.met) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，达到目标（${goal}）${tail}。`
      : `${subject(metric.name_en)} ${value}, meeting the target of ${goal}${tail}.`;
  }
  const short = target - actual;
  if (short <= 0) {
    // Equal to a strict ("above") target: not yet met, by less than a point.
    return lang === "zh"
      ? `${metric.name_zh}为${value}，需${goal}方为达标${tail}。`
      : `${subject(metric.name_en)} ${value}; the target is ${goal}${tail}.`;
  }
  const points = formatPoints(short, lang);
  return lang === "zh"
    ? `${metric.name_zh}为${value}，低于目标${goal}，差${points}${tail}。`
    : `${subject(metric.name_en)} ${value}, ${points} short of the ${goal} target${tail}.`;
}

const STATUS_ORDER: Status[] = ["green", "yellow", "red", "not_started", "no_data", "no_target"];

/** 「16项指标中，绿灯9项、黄灯3项、红灯2项，暂无数据1项，无目标1项。」 */
export function summarySentence(metrics: MetricProgress[], lang: Lang): string {
  const counts = new Map<Status, number>();
  for (const m of metrics) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const zhWords: Record<Status, string> = {
    green: "绿灯",
    yellow: "黄灯",
    red: "红灯",
    not_started: "未开始",
    no_data: "暂无数据",
    no_target: "无目标",
  };
  const enWords: Record<Status, string> = {
    green: "on track",
    yellow: "slightly behind",
    red: "behind",
    not_started: "not started",
    no_data: "without data",
    no_target: "without a target",
  };
  const parts = STATUS_ORDER.filter((s) => counts.has(s)).map((s) =>
    lang === "zh" ? `${zhWords[s]}${counts.get(s)}项` : `${counts.get(s)} ${enWords[s]}`,
  );
  if (lang === "zh") return `${metrics.length}项指标中，${parts.join("、")}。`;
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "none");
  return `Of ${metrics.length} targets, ${list}.`;
}
