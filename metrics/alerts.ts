/**
 * Alerts (预警), each with its message in Chinese and English:
 * - by how a metric is judged, for the district and each unit not green: behind_pace (a pace
 *   metric behind its expected value), below_target (a ratio, deadline rule or other condition
 *   not holding: yellow before its due month, or beyond its tolerance), near_cap and over_cap (a
 *   cap), missed_target (the due month reached and the target not met); severity high for a red
 *   district, medium for a yellow district or a red unit, low for a yellow unit;
 * - missing_submission: a unit-month with no counted submission once its due day has passed;
 * - anomaly: a month's flow far outside the unit's own history (median/MAD), or one that looks
 *   like a year-to-date total (see unitFigures.ts for the tests); one alert per unit and item, for
 *   its latest flagged month;
 * - overdue_case: open ledger cases past their deadline, counted in 名 (persons) or 户 (families).
 * Days late are counted to the report's reference day (the as-of month's last day, or today if
 * earlier), never to the day the report happens to be read. Missing submissions and overdue cases
 * turn high after the plan's `high_after_days`.
 */

import type { CaseCategory } from "../core/caseDeadline.ts";
import type { Catalogue } from "../core/catalogue.ts";
import type { Lang } from "../core/lang.ts";
import { monthAt, monthIndex } from "../core/month.ts";
import { formatPoints } from "./behind.ts";
import { daysBetween, dueDate } from "./calendar.ts";
import { CASE_WORDS, caseCount } from "./caseWords.ts";
import { formatDate, formatMonth, formatPercent, formatValue } from "./formatValue.ts";
import type { MetricWindow } from "./judgement.ts";
import type { Plan, PlanMetric } from "./plan.ts";
import type { Alert, AlertType, Severity, Status } from "./reportTypes.ts";
import { statusWords, unitMetricName } from "./words.ts";

export interface Named {
  code: string;
  zh: string;
  en: string;
}

function alert(
  type: AlertType,
  severity: Severity,
  fields: Partial<Alert> & { zh: string; en: string },
  lang: Lang,
): Alert {
  const out: Alert = {
    type,
    severity,
    metric: fields.metric ?? null,
    unit: fields.unit ?? null,
    month: fields.month ?? null,
    message: lang === "zh" ? fields.zh : fields.en,
    zh: fields.zh,
    en: fields.en,
  };
  if (fields.count !== undefined) out.count = fields.count;
  return out;
}

/** The figures of one judged row (the district or a unit) an alert speaks of. */
export interface JudgedFigures {
  actual: number | null;
  expected: number | null;
  progress: number | null;
  status: Status;
  target: number | null;
  gap: number | null;
  /** Level metrics: the row's baseline. */
  baseline?: number | null;
}

/**
 * The alert type a status raises for a metric judged as it is, or null; `gap` tells a cap over
 * its ceiling (over_cap, red — or yellow before the due month of a by_due cap) from one near it.
 */
function alertTypeOf(
  metric: Pick<PlanMetric, "kind" | "judged">,
  window: Pick<MetricWindow, "final">,
  status: Status,
  gap: number | null,
): AlertType | null {
  if (status !== "red" && status !== "yellow") return null;
  if (window.final) return status === "red" ? "missed_target" : null;
  if (metric.kind === "cap") return gap !== null && gap > 0 ? "over_cap" : "near_cap";
  return metric.judged === "pace" ? "behind_pace" : "below_target";
}

/**
 * The alert for one metric's district figure (unit null) or a unit's figure, when its status
 * calls for one. What the messages share (the month, the comparison, the target's wording) is
 * worked out once per metric.
 */
export function statusAlertWriter(
  plan: Plan,
  metric: PlanMetric,
  window: MetricWindow,
  asOf: string,
  lang: Lang,
): (unit: Named | null, figures: JudgedFigures) => Alert | null {
  const u = metric.unitOfCount;
  const share = u === "share";
  const month = { zh: formatMonth(asOf, "zh"), en: formatMonth(asOf, "en") };
  const cmp =
    metric.direction === "above"
      ? { zh: "大于", en: "above" }
      : metric.direction === "at_most"
        ? { zh: "不超过", en: "at most" }
        : { zh: "不低于", en: "at least" };
  const due = { zh: formatMonth(metric.due, "zh"), en: formatMonth(metric.due, "en") };
  // a level's baseline is the month before it starts (上年末 for a plan starting in January)
  const baseMonth = monthAt(monthIndex(metric.starts) - 1);
  const since = { zh: formatMonth(baseMonth, "zh"), en: formatMonth(baseMonth, "en") };
  const when =
    metric.judged === "by_due" ? { zh: `，考核时点${due.zh}`, en: `; due ${due.en}` } : { zh: "", en: "" };
  const name = metric.name;
  const unitName = unitMetricName(metric.name);
  const how = { kind: metric.kind, judged: metric.judged, final: window.final };
  const behindPace = plan.alerts.behindPace;
  // the wording of the last target seen (a ratio's target is the same for every unit); the
  // messages are built without closures, since a national report writes tens of thousands
  let lastTarget = Number.NaN;
  let targetZh = "";
  let targetEn = "";
  return (unit, figures) => {
    const { status, actual, target, gap } = figures;
    const type = alertTypeOf(metric, window, status, gap);
    if (type === null || actual === null || target === null) return null;
    if (type === "behind_pace" && status === "yellow") {
      if ((unit ? behindPace.unitsFrom : behindPace.districtFrom) !== "yellow") return null;
    }
    const severity: Severity = status === "red" ? (unit ? "medium" : "high") : unit ? "low" : "medium";
    if (target !== lastTarget) {
      lastTarget = target;
      targetZh = formatValue(target, u, "zh");
      targetEn = formatValue(target, u, "en");
    }
    const word = statusWords(status, how);
    const whoZh = unit ? `${unit.zh} · ${unitName.zh}` : name.zh;
    const whoEn = unit ? `${unit.en} — ${unitName.en}` : name.en;
    const nowZh = formatValue(actual, u, "zh");
    const nowEn = share ? nowZh : formatValue(actual, u, "en");
    let zh: string;
    let en: string;
    if (type === "behind_pace") {
      const progress = figures.progress === null ? "" : formatPercent(figures.progress);
      const b = metric.kind === "level" ? figures.baseline : null;
      if (b !== null && b !== undefined) {
        const expected = (figures.expected ?? b) - b;
        zh = `${whoZh}：截至${month.zh}较${since.zh}增加${formatValue(actual - b, u, "zh")}，按序时进度应增加${formatValue(expected, u, "zh")}（全年需增加${formatValue(target - b, u, "zh")}），增量完成率${progress}（${word.zh}）。`;
        en = `${whoEn}: up ${formatValue(actual - b, u, "en")} since ${since.en} by ${month.en} against ${formatValue(expected, u, "en")} expected on pace (${formatValue(target - b, u, "en")} needed for the year), ${progress} of the increase — ${word.en}.`;
      } else {
        zh = `${whoZh}：截至${month.zh}完成${nowZh}，序时进度应达${formatValue(figures.expected, u, "zh")}，完成率${progress}（${word.zh}）。`;
        en = `${whoEn}: ${nowEn} by ${month.en} against ${formatValue(figures.expected, u, "en")} expected on pace, ${progress} of the target — ${word.en}.`;
      }
    } else {
      const byZh = gapAmount(gap, u, "zh");
      const byEn = gapAmount(gap, u, "en");
      if (type === "missed_target") {
        const over = metric.kind === "cap";
        zh = `${whoZh}：截至${month.zh}为${nowZh}，目标${cmp.zh}${targetZh}，${word.zh.replace("红灯 · ", "")}（${over ? "超出" : "差"}${byZh}）。`;
        en = `${whoEn}: ${nowEn} by ${month.en} against a target of ${cmp.en} ${targetEn} — ${word.en} (${byEn} ${over ? "over" : "short"}).`;
      } else if (type === "near_cap" || type === "over_cap") {
        const over = type === "over_cap";
        zh = `${whoZh}：截至${month.zh}为${nowZh}，上限${targetZh}，${over ? "超出" : "尚余"}${byZh}（${word.zh}）。`;
        en = `${whoEn}: ${nowEn} as of ${month.en} against a cap of ${targetEn}, ${byEn} ${over ? "over it" : "to spare"} — ${word.en}.`;
      } else {
        zh = `${whoZh}：截至${month.zh}为${nowZh}，目标${cmp.zh}${targetZh}，差${byZh}（${word.zh}${when.zh}）。`;
        en = `${whoEn}: ${nowEn} as of ${month.en} against a target of ${cmp.en} ${targetEn}, ${byEn} short — ${word.en}${when.en}.`;
      }
    }
    return alert(type, severity, { metric: metric.id, unit: unit?.code ?? null, month: asOf, zh, en }, lang);
  };
}

/** A gap's size in the metric's unit: points for a share, else the count. */
function gapAmount(gap: number | null, unitOfCount: string, lang: Lang): string {
  if (unitOfCount === "share") return formatPoints(gap ?? 0, lang);
  return formatValue(Math.abs(gap ?? 0), unitOfCount, lang);
}

/**
 * missing_submission for each unit-month in `months` not reported, once its due day is before
 * `reference` (the as-of month's last day, or today if earlier); days late are counted to it.
 */
export function missingSubmissionAlerts(
  plan: Plan,
  units: Named[],
  months: string[],
  reported: (unitIndex: number, monthIndex: number) => boolean,
  reference: string,
  lang: Lang,
): Alert[] {
  const out: Alert[] = [];
  const at = { zh: formatDate(reference, "zh"), en: formatDate(reference, "en") };
  months.forEach((month, mi) => {
    const due = dueDate(month, plan.dueDay);
    const late = daysBetween(due, reference);
    if (late <= 0) return;
    units.forEach((unit, ui) => {
      if (reported(ui, mi)) return;
      const zh = `${unit.zh}未报送${formatMonth(month, "zh")}月报（应于${formatDate(due, "zh")}前报送，截至${at.zh}已逾期${late}天）。`;
      const en = `${unit.en} has not submitted the ${formatMonth(month, "en")} monthly report (due ${formatDate(due, "en")}; ${late} ${late === 1 ? "day" : "days"} late on ${at.en}).`;
      const severity = late > plan.alerts.highAfterDays ? "high" : "medium";
      out.push(alert("missing_submission", severity, { unit: unit.code, month, zh, en }, lang));
    });
  });
  return out;
}

interface FlaggedMonth {
  unit: Named;
  indicator: string;
  month: string;
  value: number;
  median: number;
  /** The median absolute deviation (null when the value looks year-to-date). */
  mad: number | null;
  outlier: boolean;
  /** The year's earlier months added up, when the value looks like a year-to-date total. */
  ytdPrior: number | null;
  metric: string | null;
}

export function anomalyAlert(flag: FlaggedMonth, catalogue: Catalogue, lang: Lang): Alert {
  const indicator = catalogue.byKey.get(flag.indicator);
  const unitOfCount = indicator?.unitOfCount ?? "persons";
  const v = (x: number, l: Lang) => formatValue(x, unitOfCount, l);
  const item = { zh: indicator?.zh ?? flag.indicator, en: indicator?.en ?? flag.indicator };
  const where = {
    zh: `${flag.unit.zh}${formatMonth(flag.month, "zh")}“${item.zh}”为${v(flag.value, "zh")}`,
    en: `${flag.unit.en}, ${formatMonth(flag.month, "en")}: "${item.en}" is ${v(flag.value, "en")}`,
  };
  let zh: string;
  let en: string;
  if (flag.ytdPrior !== null) {
    zh = `${where.zh}，约等于当年此前各月合计${v(flag.ytdPrior, "zh")}加一个月的常见值${v(flag.median, "zh")}，疑似填报了累计数，请核实。`;
    en = `${where.en}, about the year's earlier months (${v(flag.ytdPrior, "en")}) plus a typical month (${v(flag.median, "en")}): it looks like a year-to-date total; please check.`;
  } else {
    zh = `${where.zh}，远离该单位自身的历史水平（中位数${v(flag.median, "zh")}，绝对中位差${v(flag.mad ?? 0, "zh")}），请核实。`;
    en = `${where.en}, far outside the unit's own history (median ${v(flag.median, "en")}, MAD ${v(flag.mad ?? 0, "en")}); please check.`;
  }
  const severity = flag.outlier && flag.ytdPrior !== null ? "high" : "medium";
  return alert(
    "anomaly",
    severity,
    { metric: flag.metric, unit: flag.unit.code, month: flag.month, zh, en },
    lang,
  );
}

export function overdueCaseAlert(
  plan: Plan,
  metric: PlanMetric,
  unit: Named,
  cases: number,
  earliest: string,
  reference: string,
  asOf: string,
  lang: Lang,
): Alert {
  const category = metric.caseCategory as CaseCategory;
  const words = CASE_WORDS[category];
  const days = daysBetween(earliest, reference);
  const zh = `${unit.zh}有${caseCount(category, cases, "zh")}超过${words.limitZh}${words.stillZh}（最早一例${formatDate(earliest, "zh")}到期，截至${formatDate(reference, "zh")}已超期${days}天）。`;
  const en = `${unit.en}: ${caseCount(category, cases, "en")} ${words.stillEn} (the earliest was due ${formatDate(earliest, "en")}, ${days} ${days === 1 ? "day" : "days"} overdue on ${formatDate(reference, "en")}).`;
  const severity = days > plan.alerts.highAfterDays ? "high" : "medium";
  return alert(
    "overdue_case",
    severity,
    { metric: metric.id, unit: unit.code, month: asOf, zh, en, count: cases },
    lang,
  );
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const TYPE_ORDER: Record<AlertType, number> = {
  missed_target: 0,
  over_cap: 1,
  behind_pace: 2,
  below_target: 3,
  near_cap: 4,
  overdue_case: 5,
  missing_submission: 6,
  anomaly: 7,
};

/**
 * The order every reader sees alerts in — the report, the command line, the dashboard's pages and
 * the brief: most severe first; then by type (missed targets and caps exceeded, then targets
 * behind, then overdue cases, before missing submissions and anomalies), the plan's metric order,
 * unit and month. A new array; the given one is left as it was.
 */
export function sortAlerts(alerts: readonly Alert[], metricOrder: readonly string[]): Alert[] {
  const order = new Map(metricOrder.map((id, i) => [id, i]));
  const key = (a: Alert) => (a.metric === null ? -1 : (order.get(a.metric) ?? metricOrder.length));
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      key(a) - key(b) ||
      compareText(a.unit ?? "", b.unit ?? "") ||
      compareText(a.month ?? "", b.month ?? ""),
  );
}

/** Code-unit order (codes and months sort the same way in every locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
