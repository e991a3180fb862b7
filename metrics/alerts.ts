/**
 * Alerts (预警), each with its message in Chinese and English:
 * - behind_pace: a metric (district or unit) yellow or red; severity high for a red district,
 *   medium for a yellow district or a red unit, low for a yellow unit;
 * - missing_submission: a unit-month with no counted submission once its due day has passed;
 * - anomaly: a month's flow far outside the unit's own history (median/MAD), or one that looks
 *   like a year-to-date total (see unitFigures.ts for the tests); one alert per unit and item, for
 *   its latest flagged month;
 * - overdue_case: open ledger cases past their deadline.
 * Missing submissions and overdue cases turn high after the plan's `high_after_days`.
 */

import { INDICATOR_BY_KEY } from "../etl/catalogue/shippedCatalogue.ts";
import type { Lang } from "../etl/finding.ts";
import { daysBetween, dueDate } from "./calendar.ts";
import { formatDate, formatMonth, formatPercent, formatValue } from "./formatValue.ts";
import type { CaseCategory, Plan, PlanMetric } from "./plan.ts";
import type { Alert, AlertType, Severity } from "./reportTypes.ts";
import type { Progress } from "./status.ts";
import { STATUS_WORDS } from "./words.ts";

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

type BehindPaceFigures = Pick<Progress, "actual" | "expected" | "progress" | "status"> & {
  target: number | null;
};

/**
 * behind_pace for one metric's district figure (unit null) or its units' figures, when a status
 * calls for it. What the messages share (the month, the comparison, the last target's wording) is
 * worked out once per metric.
 */
export function behindPaceWriter(
  plan: Plan,
  metric: PlanMetric,
  asOf: string,
  lang: Lang,
): (unit: Named | null, progress: BehindPaceFigures) => Alert | null {
  const v = (x: number | null, l: Lang) => formatValue(x, metric.unitOfCount, l);
  const month = { zh: formatMonth(asOf, "zh"), en: formatMonth(asOf, "en") };
  const cmp = metric.direction === "above" ? { zh: "大于", en: "above" } : { zh: "不低于", en: "at least" };
  const name = metric.name;
  // the wording of the last target seen (a ratio's target is the same for every unit)
  let lastTarget = Number.NaN;
  let targetText: { zh: string; en: string; percent: string } | null = null;
  return (unit, progress) => {
    const from = unit ? plan.alerts.behindPace.unitsFrom : plan.alerts.behindPace.districtFrom;
    const { status, actual, target } = progress;
    if (status !== "red" && !(status === "yellow" && from === "yellow")) return null;
    if (actual === null || target === null) return null;
    const severity: Severity = status === "red" ? (unit ? "medium" : "high") : unit ? "low" : "medium";
    if (targetText === null || target !== lastTarget) {
      lastTarget = target;
      targetText = { zh: v(target, "zh"), en: v(target, "en"), percent: formatPercent(target) };
    }
    const whoZh = unit ? `${unit.zh} · ${name.zh}` : name.zh;
    const whoEn = unit ? `${unit.en} — ${name.en}` : name.en;
    const word = STATUS_WORDS[status === "red" ? "red" : "yellow"];
    let zh: string;
    let en: string;
    if (metric.kind === "cap") {
      zh = `${whoZh}：截至${month.zh}为${v(actual, "zh")}，上限${targetText.zh}（${status === "red" ? "红灯 · 已超上限" : "黄灯 · 接近上限"}）。`;
      en = `${whoEn}: ${v(actual, "en")} as of ${month.en} against a cap of ${targetText.en} — ${status === "red" ? "over the cap" : "close to the cap"}.`;
    } else if (metric.kind === "ratio" || metric.kind === "deadline") {
      const share = formatPercent(actual);
      zh = `${whoZh}：截至${month.zh}为${share}，目标${cmp.zh}${targetText.percent}（${word.zh}）。`;
      en = `${whoEn}: ${share} as of ${month.en} against a target of ${cmp.en} ${targetText.percent} — ${word.en}.`;
    } else {
      const share = progress.progress === null ? "" : formatPercent(progress.progress);
      zh = `${whoZh}：截至${month.zh}完成${v(actual, "zh")}，序时进度应达${v(progress.expected, "zh")}，完成率${share}（${word.zh}）。`;
      en = `${whoEn}: ${v(actual, "en")} by ${month.en} against ${v(progress.expected, "en")} expected on pace, ${share} of the target — ${word.en}.`;
    }
    return alert(
      "behind_pace",
      severity,
      { metric: metric.id, unit: unit?.code ?? null, month: asOf, zh, en },
      lang,
    );
  };
}

/** missing_submission for each unit-month in `months` not reported, once its due day is before today. */
export function missingSubmissionAlerts(
  plan: Plan,
  units: Named[],
  months: string[],
  reported: (unitIndex: number, monthIndex: number) => boolean,
  today: string,
  lang: Lang,
): Alert[] {
  const out: Alert[] = [];
  months.forEach((month, mi) => {
    const due = dueDate(month, plan.dueDay);
    const late = daysBetween(due, today);
    if (late <= 0) return;
    units.forEach((unit, ui) => {
      if (reported(ui, mi)) return;
      const zh = `${unit.zh}未报送${formatMonth(month, "zh")}月报（应于${formatDate(due, "zh")}前报送，已逾期${late}天）。`;
      const en = `${unit.en} has not submitted the ${formatMonth(month, "en")} monthly report (due ${formatDate(due, "en")}, ${late} days late).`;
      const severity = late > plan.alerts.highAfterDays ? "high" : "medium";
      out.push(alert("missing_submission", severity, { unit: unit.code, month, zh, en }, lang));
    });
  });
  return out;
}

export interface FlaggedMonth {
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

export function anomalyAlert(flag: FlaggedMonth, lang: Lang): Alert {
  const indicator = INDICATOR_BY_KEY.get(flag.indicator);
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

const CASE_WORDS: Record<CaseCategory, { zh: string; en: string; limitZh: string; limitEn: string }> = {
  zero_family: {
    zh: "零就业家庭",
    en: "zero-employment families",
    limitZh: "确认后一个月",
    limitEn: "one-month",
  },
  hardship: { zh: "就业困难人员", en: "hardship persons", limitZh: "认定后三个月", limitEn: "three-month" },
};

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
  const words = CASE_WORDS[metric.caseCategory as CaseCategory];
  const zh = `${unit.zh}有${cases}个${words.zh}对象超过${words.limitZh}仍未就业（最早期限${formatDate(earliest, "zh")}）。`;
  const en = `${unit.en}: ${cases} ${cases === 1 ? "case" : "cases"} (${words.en}) still not employed past the ${words.limitEn} deadline (earliest ${formatDate(earliest, "en")}).`;
  const severity = daysBetween(earliest, reference) > plan.alerts.highAfterDays ? "high" : "medium";
  return alert(
    "overdue_case",
    severity,
    { metric: metric.id, unit: unit.code, month: asOf, zh, en, count: cases },
    lang,
  );
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const TYPE_ORDER: Record<AlertType, number> = {
  behind_pace: 0,
  overdue_case: 1,
  missing_submission: 2,
  anomaly: 3,
};

/** Most severe first; then by type, the plan's metric order, unit and month. */
export function sortAlerts(alerts: Alert[], metricOrder: string[]): Alert[] {
  const order = new Map(metricOrder.map((id, i) => [id, i]));
  const key = (a: Alert) => (a.metric === null ? -1 : (order.get(a.metric) ?? metricOrder.length));
  return alerts.sort(
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
