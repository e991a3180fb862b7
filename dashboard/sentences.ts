/**
 * Sentences a leader can read aloud, one per metric, generated from the report's numbers and
 * said the way the metric is judged:
 * 「失业人员实现再就业完成全年目标的57.2%，落后序时进度9.5个百分点，余下每月需完成536人。」
 * 「全区正规就业人数为39.73万人，较2021年12月已增4,403人，全年需增7,140人，增量完成率61.7%，低于序时进度357人……」
 * 「离校未就业高校毕业生就业比例为58.2%，尚未达到目标（高于80%），差21.8个百分点；考核时点为2022年12月。」
 * and once the due month has come, 已完成 / 未完成. One generator per metric kind; all pure.
 */

import { monthAt, monthIndex } from "../core/month.ts";
import { caseCount } from "../metrics/caseWords.ts";
import type { MetricProgress, Status } from "../metrics/reportTypes.ts";
import {
  formatInteger,
  formatMoney,
  formatMonth,
  formatPercent,
  formatPoints,
  formatValue,
  type Lang,
  roundTo,
  unitWordZh,
} from "./format.ts";

interface SentenceContext {
  /** Open cases past their deadline (deadline metrics): from the report's `overdue_case` alerts. */
  overdueCases?: number;
}

/** Gaps smaller than this (as a fraction of the target) read as "on pace". */
const ON_PACE = 0.0005;

export function metricSentence(metric: MetricProgress, lang: Lang, context: SentenceContext = {}): string {
  if (metric.status === "not_started") return notStartedSentence(metric, lang);
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

function notStartedSentence(metric: MetricProgress, lang: Lang): string {
  const from = formatMonth(metric.starts, lang);
  return lang === "zh"
    ? `${metric.name_zh}自${from}起考核，尚未开始。`
    : `${metric.name_en}: judged from ${from}; not started yet.`;
}

/** 「；考核时点为2022年12月」 / "; due Dec 2022": said of a by_due target not yet met. */
function dueClause(metric: MetricProgress, lang: Lang): string {
  const due = formatMonth(metric.due, lang);
  return lang === "zh" ? `；考核时点为${due}` : `; due ${due}`;
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

function neededClause(metric: MetricProgress, lang: Lang, verbZh: string, more = ""): string {
  const r = metric.required_monthly;
  if (r === null || r <= 0 || metric.final) return "";
  const amount = perMonth(r, metric.unit_of_count, lang);
  if (lang === "zh") return `，余下每月需${verbZh}${amount}`;
  const verb = metric.unit_of_count === "100m_cny" ? "is" : "are";
  return `; ${amount}${more} a month ${verb} needed from now on`;
}

/** Cumulative: share of the target, gap to pace in points, the rate needed per month; 已完成 / 未完成 at the due month. */
export function cumulativeSentence(metric: MetricProgress, lang: Lang): string {
  const { actual, target, expected } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const u = metric.unit_of_count;
  const value = formatValue(actual, u, lang);
  if (target === null || target <= 0) {
    return lang === "zh"
      ? `${metric.name_zh}累计完成${value}（未设全年目标）。`
      : `${metric.name_en}: ${value} so far (no annual target).`;
  }
  const progress = formatPercent(actual / target);
  const goal = formatValue(target, u, lang);
  if (metric.final) {
    const due = formatMonth(metric.due, lang);
    if (metric.met)
      return lang === "zh"
        ? `${metric.name_zh}截至${due}完成${value}，已完成目标${goal}（完成率${progress}）。`
        : `${metric.name_en}: ${value} by ${due}; the target of ${goal} achieved (${progress}).`;
    const short = formatValue(target - actual, u, lang);
    return lang === "zh"
      ? `${metric.name_zh}截至${due}完成${value}，未完成目标${goal}，差${short}。`
      : `${metric.name_en}: ${value} by ${due}; the target of ${goal} missed by ${short}.`;
  }
  if (metric.met) {
    return lang === "zh"
      ? `${metric.name_zh}已完成全年目标，完成率${progress}。`
      : `${metric.name_en}: ${progress} of the annual target, already achieved.`;
  }
  if (metric.judged === "by_due") {
    return lang === "zh"
      ? `${metric.name_zh}完成${value}，为目标${goal}的${progress}，尚未达标${dueClause(metric, lang)}。`
      : `${metric.name_en}: ${value}, ${progress} of the ${goal} target, not yet met${dueClause(metric, lang)}.`;
  }
  const pace = paceClause(expected === null ? null : (actual - expected) / target, lang);
  const needed = neededClause(metric, lang, "完成");
  return lang === "zh"
    ? `${metric.name_zh}完成全年目标的${progress}${pace}${needed}。`
    : `${metric.name_en}: ${progress} of the annual target${pace}${needed}.`;
}

function paceClause(gap: number | null, lang: Lang): string {
  if (gap === null) return "";
  if (Math.abs(gap) < ON_PACE) return lang === "zh" ? "，与序时进度持平" : ", on pace";
  const points = formatPoints(gap, lang);
  if (lang === "zh") return gap < 0 ? `，落后序时进度${points}` : `，超过序时进度${points}`;
  return gap < 0 ? `, ${points} behind pace` : `, ${points} ahead of pace`;
}

/**
 * Level: judged on the increase since the baseline (the month before the metric starts): the
 * increase achieved and needed, the increase's share done, the gap to pace in counts, the growth
 * needed per month; 已完成 / 未完成 at the due month.
 */
export function levelSentence(metric: MetricProgress, lang: Lang): string {
  const { actual, target, expected } = metric;
  if (actual === null) return noDataSentence(metric, lang);
  const u = metric.unit_of_count;
  const v = (x: number) => formatValue(x, u, lang);
  const value = v(actual);
  if (target === null) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}（未设全年目标）。`
      : `${metric.name_en}: ${value} (no annual target).`;
  }
  const goal = v(target);
  const baseline = metric.baseline ?? null;
  if (baseline === null || metric.increase_needed == null || metric.increase_needed <= 0) {
    const share = formatPercent(actual / target);
    return lang === "zh"
      ? `${metric.name_zh}为${value}，为目标${goal}的${share}。`
      : `${metric.name_en} stands at ${value}, ${share} of the ${goal} target.`;
  }
  const since = formatMonth(monthAt(monthIndex(metric.starts) - 1), lang);
  const increase = actual - baseline;
  const needed = v(metric.increase_needed);
  const up =
    lang === "zh"
      ? `较${since}${increase >= 0 ? "已增" : "减少"}${v(Math.abs(increase))}`
      : `${increase >= 0 ? "up" : "down"} ${v(Math.abs(increase))} since ${since}`;
  if (metric.final) {
    if (metric.met)
      return lang === "zh"
        ? `${metric.name_zh}为${value}，${up}，已完成目标${goal}（需增${needed}）。`
        : `${metric.name_en} stands at ${value}, ${up}: achieved the ${goal} target (${needed} needed).`;
    return lang === "zh"
      ? `${metric.name_zh}为${value}，${up}，未完成目标${goal}（需增${needed}，差${v(target - actual)}）。`
      : `${metric.name_en} stands at ${value}, ${up}: missed the ${goal} target (${needed} needed; ${v(target - actual)} short).`;
  }
  if (metric.met) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，${up}，已达到目标${goal}（需增${needed}）。`
      : `${metric.name_en} stands at ${value}, ${up}, reaching the ${goal} target (${needed} needed).`;
  }
  const progress = metric.progress === null ? "" : formatPercent(metric.progress);
  const done =
    lang === "zh"
      ? `，全年需增${needed}，增量完成率${progress}`
      : ` (${needed} needed, ${progress} of it done)`;
  if (metric.judged === "by_due") {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，${up}${done}，尚未达标${dueClause(metric, lang)}。`
      : `${metric.name_en} stands at ${value}, ${up}${done}: not yet met${dueClause(metric, lang)}.`;
  }
  let gap = "";
  if (expected !== null) {
    const diff = actual - expected;
    const amount = v(Math.abs(diff));
    if (Math.abs(diff) < 0.5) gap = lang === "zh" ? "，与序时进度持平" : ", on pace";
    else if (lang === "zh") gap = diff < 0 ? `，低于序时进度${amount}` : `，高于序时进度${amount}`;
    else gap = diff < 0 ? `, ${amount} below pace` : `, ${amount} above pace`;
  }
  const neededMonthly = neededClause(metric, lang, "增加", " more");
  return lang === "zh"
    ? `${metric.name_zh}为${value}，${up}${done}${gap}${neededMonthly}。`
    : `${metric.name_en} stands at ${value}, ${up}${done}${gap}${neededMonthly}.`;
}

/** Cap: the level against the ceiling, with the room left or the excess; 已完成 / 未完成 at the due month. */
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
  if (metric.final) {
    return actual <= target
      ? lang === "zh"
        ? `${metric.name_zh}为${value}，已完成控制目标（不超过${cap}）。`
        : `${metric.name_en}: ${value}, achieved (at most ${cap}).`
      : lang === "zh"
        ? `${metric.name_zh}为${value}，未完成控制目标${cap}，超出${room}。`
        : `${metric.name_en}: ${value}, missed: ${room} over the cap of ${cap}.`;
  }
  if (actual <= target) {
    const near = metric.status === "yellow";
    return lang === "zh"
      ? `${metric.name_zh}为${value}，${near ? "接近" : "控制在"}目标${cap}${near ? "，仅余" : "以内，尚余"}${room}${near ? "" : "空间"}。`
      : `${metric.name_en}: ${value}, ${near ? "near" : "within"} the cap of ${cap} (${room} to spare).`;
  }
  const when = metric.judged === "by_due" ? dueClause(metric, lang) : "";
  return lang === "zh"
    ? `${metric.name_zh}为${value}，超出控制目标${cap}共${room}${when}。`
    : `${metric.name_en}: ${value}, ${room} over the cap of ${cap}${when}.`;
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

/** Deadline: the on-time share against 100%, with the cases now overdue (persons in 名, families in 户). */
export function deadlineSentence(metric: MetricProgress, lang: Lang, overdueCases = 0): string {
  let tail = "";
  if (overdueCases > 0) {
    const category = metric.case_category ?? "hardship";
    const cases = caseCount(category, overdueCases, lang);
    const still = category === "zero_family" ? "超期仍无人就业" : "超期未就业";
    tail =
      lang === "zh" ? `；另有${cases}${still}` : `; ${cases} ${overdueCases === 1 ? "is" : "are"} overdue`;
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
      : `${metric.name_en}: ${value} (no target set)${tail}.`;
  }
  const goal = targetText(metric, lang);
  const short = target - actual;
  const points = formatPoints(short, lang);
  if (metric.final) {
    return metric.met
      ? lang === "zh"
        ? `${metric.name_zh}为${value}，已完成目标（${goal}）${tail}。`
        : `${metric.name_en}: ${value}; the target of ${goal} achieved${tail}.`
      : lang === "zh"
        ? `${metric.name_zh}为${value}，未完成目标（${goal}），差${points}${tail}。`
        : `${metric.name_en}: ${value}; the target of ${goal} missed by ${points}${tail}.`;
  }
  if (metric.met) {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，达到目标（${goal}）${tail}。`
      : `${metric.name_en}: ${value}, meeting the target of ${goal}${tail}.`;
  }
  if (short <= 0) {
    // Equal to a strict ("above") target: not yet met, by less than a point.
    return lang === "zh"
      ? `${metric.name_zh}为${value}，需${goal}方为达标${tail}。`
      : `${metric.name_en}: ${value}; the target is ${goal}${tail}.`;
  }
  if (metric.judged === "by_due") {
    return lang === "zh"
      ? `${metric.name_zh}为${value}，尚未达到目标（${goal}），差${points}${tail}${dueClause(metric, lang)}。`
      : `${metric.name_en}: ${value}, ${points} short of the ${goal} target, not yet met${tail}${dueClause(metric, lang)}.`;
  }
  const every =
    metric.judged === "always" ? (lang === "zh" ? "（须每月达标）" : " (it must hold every month)") : "";
  return lang === "zh"
    ? `${metric.name_zh}为${value}，低于目标${goal}，差${points}${every}${tail}。`
    : `${metric.name_en}: ${value}, ${points} short of the ${goal} target${every}${tail}.`;
}

/** What a metric counts as in the summary: final ones as achieved / missed, others by colour. */
type Tally = Status | "achieved" | "missed";

const TALLY_ORDER: Tally[] = [
  "achieved",
  "missed",
  "green",
  "yellow",
  "red",
  "not_started",
  "no_data",
  "no_target",
];

const TALLY_WORDS: Record<Tally, { zh: string; en: string }> = {
  achieved: { zh: "已完成", en: "achieved" },
  missed: { zh: "未完成", en: "missed" },
  green: { zh: "绿灯", en: "on track" },
  yellow: { zh: "黄灯", en: "slightly behind" },
  red: { zh: "红灯", en: "behind" },
  not_started: { zh: "未开始", en: "not started" },
  no_data: { zh: "暂无数据", en: "without data" },
  no_target: { zh: "无目标", en: "without a target" },
};

/** 「17项指标中，绿灯9项、黄灯5项、红灯2项、未开始1项。」; at the due month 「已完成13项、未完成4项」. */
export function summarySentence(metrics: MetricProgress[], lang: Lang): string {
  const counts = new Map<Tally, number>();
  for (const m of metrics) {
    const tally: Tally =
      m.final && m.status === "green" ? "achieved" : m.final && m.status === "red" ? "missed" : m.status;
    counts.set(tally, (counts.get(tally) ?? 0) + 1);
  }
  const parts = TALLY_ORDER.filter((s) => counts.has(s)).map((s) =>
    lang === "zh" ? `${TALLY_WORDS[s].zh}${counts.get(s)}项` : `${counts.get(s)} ${TALLY_WORDS[s].en}`,
  );
  if (lang === "zh") return `${metrics.length}项指标中，${parts.join("、")}。`;
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "none");
  return `Of ${metrics.length} targets, ${list}.`;
}
