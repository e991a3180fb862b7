/**
 * How a month owed reads in the upload page's list — 2022年8月 · 未报送 / 已报送 第2版 — for the
 * page the server writes and for the page's script, which lists the months again after each upload
 * (it imports this through the browser bundle, server/precheck/uploadChecks.ts). Pure.
 */
import { type Lang, sayIn } from "../../core/lang.ts";
import type { MonthOwed } from "../../etl/catalogue/monthsOwed.ts";
import { formatMonth } from "../../metrics/formatValue.ts";

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
  return `${formatMonth(m.month, lang)} · ${state}${refused}`;
}
