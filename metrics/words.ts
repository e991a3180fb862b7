/**
 * The words for statuses, alert types and severities in both languages, as the glossary spells
 * them. A status reads differently by how its metric is judged: a pace metric is 进度正常 /
 * 略有滞后 / 明显滞后, a condition 已达标 / 未达标, a cap 接近上限 / 超出上限, a promise not yet
 * due 尚未达标, and once its due month is reached 已完成 / 未完成. The report's table and
 * messages, the alerts and the dashboard all take them from here.
 */
import type { LocalText } from "../core/lang.ts";
import type { AlertType, Judged, MetricKind, Severity, Status } from "./reportTypes.ts";

/** A text in both languages, as the whole project writes it. */
export type Words = LocalText;

/** The words of a status for a pace metric before its due month (and the statuses without a colour). */
export const STATUS_WORDS: Record<Status, Words> = {
  green: { zh: "绿灯 · 进度正常", en: "on track" },
  yellow: { zh: "黄灯 · 略有滞后", en: "slightly behind" },
  red: { zh: "红灯 · 明显滞后", en: "behind" },
  not_started: { zh: "未开始", en: "not started" },
  no_data: { zh: "暂无数据", en: "no data" },
  no_target: { zh: "无目标", en: "no target" },
};

const ACHIEVED: Words = { zh: "绿灯 · 已完成", en: "achieved" };
const MISSED: Words = { zh: "红灯 · 未完成", en: "missed" };
const MEETING: Words = { zh: "绿灯 · 已达标", en: "meeting the target" };
const NOT_YET: Words = { zh: "黄灯 · 尚未达标", en: "not yet met" };
const NEAR_CAP: Words = { zh: "黄灯 · 接近上限", en: "near the cap" };
const OVER_CAP: Words = { zh: "红灯 · 超出上限", en: "over the cap" };
const SLIGHTLY_BELOW: Words = { zh: "黄灯 · 略低于目标", en: "slightly below the target" };
const NOT_MET: Words = { zh: "红灯 · 未达标", en: "not met" };

/** How a metric is judged, as far as its words go. */
interface JudgedAs {
  kind: MetricKind;
  judged: Judged;
  final: boolean;
}

/** The words of a status as the glossary gives them for the metric's kind and judged mode. */
export function statusWords(status: Status, how: JudgedAs): Words {
  if (status !== "green" && status !== "yellow" && status !== "red") return STATUS_WORDS[status];
  if (how.final) return status === "green" ? ACHIEVED : MISSED;
  if (how.judged === "pace") return STATUS_WORDS[status];
  if (status === "green") return MEETING;
  if (how.judged === "by_due") return NOT_YET;
  if (how.kind === "cap") return status === "yellow" ? NEAR_CAP : OVER_CAP;
  return status === "yellow" ? SLIGHTLY_BELOW : NOT_MET;
}

/** The final words alone (已完成 / 未完成), for a promise whose due month has come. */
export const FINAL_WORDS = { achieved: ACHIEVED, missed: MISSED };

/**
 * A metric's name for one unit's figure: a name that says the district (全区正规就业人数, District …)
 * says it of the district's total, so a town's figure drops the word (正规就业人数).
 */
export function unitMetricName(name: Words): Words {
  return { zh: name.zh.replace(/^全区/, ""), en: name.en.replace(/^District(wide)?\s+/i, "") };
}

export const ALERT_WORDS: Record<AlertType, Words> = {
  behind_pace: { zh: "进度滞后", en: "behind pace" },
  below_target: { zh: "未达标", en: "below target" },
  near_cap: { zh: "接近上限", en: "near the cap" },
  over_cap: { zh: "超出上限", en: "over the cap" },
  missed_target: { zh: "未完成", en: "missed target" },
  missing_submission: { zh: "未按时报送", en: "missing submission" },
  anomaly: { zh: "数据异常", en: "anomaly" },
  overdue_case: { zh: "超期未就业", en: "overdue case" },
};

export const SEVERITY_WORDS: Record<Severity, Words> = {
  high: { zh: "高", en: "high" },
  medium: { zh: "中", en: "medium" },
  low: { zh: "低", en: "low" },
};
