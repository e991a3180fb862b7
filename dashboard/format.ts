/**
 * Number, month and time formatting for the dashboard, in the house style of each language:
 * zh `39.38万人`, `3,205人`, `62.3%`, `2022年8月`; en `393,848`, `62.3%`, `Aug 2022`.
 * Pure and locale-independent (no Intl), so pages and snapshots are the same on every machine.
 */

import { districtWallClock } from "../core/districtTime.ts";
import type { Lang } from "../core/lang.ts";
import {
  formatMonth,
  formatPercent,
  formatValue,
  groupThousands,
  roundTo,
  trimmed as trimmedDecimal,
  unitWordZh,
} from "../metrics/formatValue.ts";

export type { Lang };
export { formatMonth, formatPercent, formatValue, groupThousands, roundTo, unitWordZh };

/** Placeholder shown for a missing value. */
export const NONE = "—";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A whole count: 3205 → `3,205` (rounded to the nearest whole). */
export function formatInteger(value: number): string {
  return groupThousands(value, 0);
}

/** 亿元 amounts: zh `60亿元`, `6.5亿元`; en in billions of yuan, `CNY 6.00bn`, `CNY 0.65bn`. */
export function formatMoney(value: number, lang: Lang): string {
  return formatValue(value, "100m_cny", lang);
}

/** A difference of fractions in percentage points: 0.032 → `3.2个百分点` / `3.2 points`. */
export function formatPoints(fraction: number, lang: Lang): string {
  const points = trimmedDecimal(Math.abs(fraction) * 100, 1);
  if (lang === "zh") return `${points}个百分点`;
  return points === "1" ? "1 point" : `${points} points`;
}

/** A change with its sign: `+412人`, `−1.2个百分点` (shares change in points); none is `持平` / `no change`. */
export function formatChange(delta: number | null, unitOfCount: string, lang: Lang): string {
  if (delta === null || !Number.isFinite(delta)) return NONE;
  const text =
    unitOfCount === "share" ? formatPoints(delta, lang) : formatValue(Math.abs(delta), unitOfCount, lang);
  const magnitude = unitOfCount === "share" ? roundTo(Math.abs(delta) * 100, 1) : roundTo(Math.abs(delta), 2);
  if (magnitude === 0) return lang === "zh" ? "持平" : "no change";
  return `${delta < 0 ? "−" : "+"}${text}`;
}

/** Axis tick text: zh `39万` / `5,000` / `80%`; en `390k` / `5,000` / `80%`. */
export function formatTick(value: number, unitOfCount: string, lang: Lang): string {
  if (unitOfCount === "share") return formatPercent(value);
  if (unitOfCount === "100m_cny") return trimmedDecimal(value, 1);
  if (Math.abs(value) >= 100_000) {
    return lang === "zh" ? `${trimmedDecimal(value / 10_000, 1)}万` : `${trimmedDecimal(value / 1000, 1)}k`;
  }
  return trimmedDecimal(value, 1);
}

/** `2022-08` → `8月` / `Aug` (chart axes). */
export function formatMonthShort(month: string, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  return lang === "zh" ? `${m}月` : MONTHS_EN[m - 1];
}

/**
 * An ISO timestamp in Beijing time (UTC+8, no daylight saving):
 * `2022-09-05T06:32:00Z` → `2022年9月5日 14:32` / `5 Sep 2022, 14:32`.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = districtWallClock(new Date(ms));
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  const hh = String(t.getUTCHours()).padStart(2, "0");
  const mm = String(t.getUTCMinutes()).padStart(2, "0");
  return lang === "zh" ? `${y}年${mo}月${d}日 ${hh}:${mm}` : `${d} ${MONTHS_EN[mo - 1]} ${y}, ${hh}:${mm}`;
}
