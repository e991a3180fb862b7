/**
 * Where a target comes from, as the report says it (docs/contract.md §6 `target_source`), and the target
 * in effect for a promise of "not below last year" (不低于上年水平): the indicator's total of the
 * 12 months before the period when every reporting unit reported every one of them, else the
 * figure the plan states. A target is never presented as the policy's when it is not.
 */
import type { Lang, LocalText } from "../core/lang.ts";
import { monthAt, monthIndex } from "../core/month.ts";
import { formatMonthSpan, formatValue } from "./formatValue.ts";
import type { Plan, PlanMetric, TargetSource } from "./plan.ts";
import type { TargetSourceOut } from "./reportTypes.ts";

export function targetSourceOut(source: TargetSource, quote: string | null, lang: Lang): TargetSourceOut {
  const note = source.note;
  return {
    kind: source.kind,
    quote,
    note: note ? note[lang] : null,
    note_zh: note?.zh ?? null,
    note_en: note?.en ?? null,
    document: source.document,
  };
}

/** The previous year of a flow as the warehouse holds it. */
interface PreviousYearTotal {
  /** The total of the 12 months before the period. */
  yearTotal: number | null;
  /** How many unit-months of them were reported. */
  yearUnitMonths: number;
}

function joinNotes(generated: LocalText, stated: LocalText | null): LocalText {
  if (!stated) return generated;
  return { zh: `${generated.zh}${stated.zh}`, en: `${generated.en} ${stated.en}` };
}

/**
 * The district target of a metric and its source: the plan's, or for `target_from:
 * previous_year` last year's total from the submissions when `reporters` units reported all 12 of
 * its months, else the plan's stated figure — the note says which.
 */
export function targetInEffect(
  plan: Plan,
  metric: PlanMetric,
  previous: PreviousYearTotal | undefined,
  reporters: number,
  lang: Lang,
): { target: number; source: TargetSourceOut } {
  if (metric.targetFrom !== "previous_year")
    return { target: metric.target, source: targetSourceOut(metric.targetSource, metric.quote, lang) };
  const first = monthAt(monthIndex(plan.period.first) - 12);
  const last = monthAt(monthIndex(plan.period.first) - 1);
  const span = { zh: formatMonthSpan(first, last, "zh"), en: formatMonthSpan(first, last, "en") };
  const complete =
    previous !== undefined && previous.yearTotal !== null && previous.yearUnitMonths >= reporters * 12;
  const target = complete ? (previous.yearTotal as number) : metric.target;
  const figure = {
    zh: formatValue(target, metric.unitOfCount, "zh"),
    en: formatValue(target, metric.unitOfCount, "en"),
  };
  const generated: LocalText = complete
    ? {
        zh: `上年水平：${span.zh}报送合计${figure.zh}。`,
        en: `Last year's level: ${figure.en}, the total reported for ${span.en}.`,
      }
    : {
        zh: `上年水平：计划文件录入的${figure.zh}（库中${span.zh}的报送不全）。`,
        en: `Last year's level: ${figure.en} as entered in the plan file (the reports for ${span.en} are incomplete).`,
      };
  const source: TargetSource = {
    kind: metric.targetSource.kind,
    note: joinNotes(generated, metric.targetSource.note),
    document: metric.targetSource.document,
  };
  return { target, source: targetSourceOut(source, metric.quote, lang) };
}
