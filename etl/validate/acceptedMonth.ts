/**
 * Whether a report month may be taken (docs/contract.md §3): it must be a month, some plan must cover it
 * (a month of the plan's period, or the baseline month just before the period), and it must not
 * be after the current month. The current month comes in as a parameter: no clock is read here.
 */
import { type Finding, finding } from "../../core/finding.ts";
import { monthIndex, previousMonth } from "../../core/month.ts";
import { parseMonth } from "../normalize/month.ts";
import { excerpt } from "./findingCollector.ts";

export interface MonthWindow {
  periods: readonly { first: string; last: string }[];
  /** YYYY-MM; later months are refused. */
  currentMonth: string;
}

type MonthProblem = "bad_month" | "future_month" | "month_not_in_plan";

export type MonthVerdict = { month: string; problem: null } | { month: string | null; problem: MonthProblem };

/** Whether some plan's period, or the baseline month just before it, holds the month. */
export function planCovers(periods: MonthWindow["periods"], month: string): boolean {
  for (const p of periods) if (month >= previousMonth(p.first) && month <= p.last) return true;
  return false;
}

/** The month a cell names, or what keeps it from being accepted. */
export function acceptedMonth(text: string, window: MonthWindow): MonthVerdict {
  const month = parseMonth(text);
  if (month === null) return { month: null, problem: "bad_month" };
  if (monthIndex(month) > monthIndex(window.currentMonth)) return { month, problem: "future_month" };
  if (!planCovers(window.periods, month)) return { month, problem: "month_not_in_plan" };
  return { month, problem: null };
}

/** The finding for a refused month cell. */
export function monthFinding(
  verdict: MonthVerdict,
  row: number,
  column: string,
  text: string,
  window: MonthWindow,
): Finding {
  const shown = excerpt(text);
  if (verdict.problem === "future_month") {
    return finding(
      row,
      column,
      "future_month",
      `报告月份 ${verdict.month} 晚于当前月份 ${window.currentMonth}，不能报送未来月份的数据。`,
      `The month ${verdict.month} is after the current month (${window.currentMonth}); future months cannot be reported.`,
    );
  }
  if (verdict.problem === "month_not_in_plan") {
    const spans = window.periods.map((p) => `${previousMonth(p.first)}–${p.last}`).join(", ");
    return finding(
      row,
      column,
      "month_not_in_plan",
      `报告月份 ${verdict.month} 不在任何目标计划的期间内（含期间前一个月的基期${spans ? `：${spans}` : ""}），不能接收。`,
      `No plan covers the month ${verdict.month} (a plan's period or the baseline month just before it${spans ? `: ${spans}` : ""}).`,
    );
  }
  if (shown === "") {
    return finding(row, column, "bad_month", "报告月份为空。", "The month is blank.");
  }
  return finding(
    row,
    column,
    "bad_month",
    `报告月份“${shown}”无法识别，请写成 2022-08、2022/8 或 2022年8月。`,
    `The month "${shown}" cannot be read; write it as 2022-08, 2022/8 or 2022年8月.`,
  );
}
