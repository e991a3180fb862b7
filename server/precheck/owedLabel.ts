/**
 * How a month owed reads in the upload page's list — 2022年8月 · 未报送 / 已报送 第2版 — for the
 * page the server writes and for the page's script, which lists the months again after each upload
 * (it imports this through the browser bundle, server/precheck/uploadChecks.ts). Pure.
 */
import { type Lang, sayIn } from "../../core/lang.ts";
import type { MonthOwed } from "../../etl/catalogue/monthsOwed.ts";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 2022年8月 / Aug 2022. */
export function monthText(month: string, lang: Lang): string {
  const [y, m] = month.split("-").map(Number);
  return lang === "zh" ? `${y}年${m}月` : `${MONTH_NAMES[m - 1]} ${y}`;
}

export function owedLabel(m: MonthOwed, lang: Lang): string {
  const t = sayIn(lang);
  const state =
    m.revision > 0
      ? t(`已报送 第${m.revision}版`, `received, revision ${m.revision}`)
      : m.due
        ? t("未报送", "not received")
        : t("未报送（本月）", "not received (this month)");
  const refused =
    m.refused > 0 && m.revision === 0 ? t(`，退回${m.refused}次`, `, refused ${m.refused}×`) : "";
  return `${monthText(m.month, lang)} · ${state}${refused}`;
}
