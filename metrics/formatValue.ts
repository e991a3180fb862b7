/**
 * Figures and dates in words, for the report's messages and tables: zh `39.38万人`, `3,205人`,
 * `62.3%`, `60亿元`, `2022年8月`; en `393,848`, `62.3%`, `CNY 6.00bn`, `Aug 2022`. Pure and
 * locale-independent (no Intl), so output is the same on every machine.
 */
import type { Lang } from "../core/lang.ts";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Rounds half away from zero at `digits` decimals without the float noise of `x * 10^d`. */
export function roundTo(value: number, digits: number): number {
  if (Number.isInteger(value)) return value;
  const abs = Math.abs(value);
  const text = String(abs);
  const rounded = text.includes("e")
    ? Math.round(abs * 10 ** digits) / 10 ** digits
    : Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
  return value < 0 ? -rounded : rounded;
}

/** 393848 → `393,848`; keeps `digits` decimals. */
export function groupThousands(value: number, digits = 0): string {
  const fixed = roundTo(Math.abs(value), digits).toFixed(digits);
  const dot = fixed.indexOf(".");
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = whole.length > 3 ? "" : whole;
  if (whole.length > 3) {
    const head = whole.length % 3 || 3;
    grouped = whole.slice(0, head);
    for (let i = head; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  }
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return dot < 0 ? `${sign}${grouped}` : `${sign}${grouped}${fixed.slice(dot)}`;
}

/** At most `digits` decimals, trailing zeros dropped: 6.50 → `6.5`. */
export function trimmed(value: number, digits: number): string {
  const text = groupThousands(value, digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  // the common case, 0 to 999.9% with the tenth not near a half (where the float product and the
  // decimal rounding of roundTo could disagree): the same text without going through strings
  const tenths = percent * 10;
  const whole = Math.round(tenths);
  if (percent >= 0 && whole < 10_000 && Math.abs(Math.abs(tenths - whole) - 0.5) > 1e-6) {
    const digit = whole % 10;
    return digit === 0 ? `${(whole - digit) / 10}%` : `${(whole - digit) / 10}.${digit}%`;
  }
  return `${trimmed(percent, 1)}%`;
}

/** Unit word of a count in zh (`人`, `个`, `家`, `亿元`); en shows bare numbers except for money. */
export function unitWordZh(unitOfCount: string): string {
  if (unitOfCount === "persons") return "人";
  if (unitOfCount === "posts" || unitOfCount === "villages") return "个";
  if (unitOfCount === "firms") return "家";
  if (unitOfCount === "households") return "户";
  if (unitOfCount === "person_times") return "人次";
  if (unitOfCount === "100m_cny") return "亿元";
  if (unitOfCount === "10k_cny") return "万元";
  return "";
}

/**
 * 万元 amounts (the policy's money, as the units report it): zh `2,439.65万元`; en in yuan below a
 * million, `CNY 838,000`, else in millions, `CNY 24.40m`.
 */
export function formatWan(value: number, lang: Lang): string {
  if (lang === "zh") return `${trimmed(value, 2)}万元`;
  return Math.abs(value) >= 100
    ? `CNY ${groupThousands(value / 100, 2)}m`
    : `CNY ${groupThousands(value * 10_000)}`;
}

/** A 万元 amount per person (or firm) in yuan: `2,000元` / `CNY 2,000`. */
export function formatYuan(wan: number, lang: Lang): string {
  const yuan = groupThousands(wan * 10_000);
  return lang === "zh" ? `${yuan}元` : `CNY ${yuan}`;
}

/**
 * A figure by its unit of count (persons, posts, villages, firms, 100m_cny, 10k_cny, share). zh
 * counts from 100,000 are in 万 with two decimals at most; en counts are grouped by thousands; 亿元
 * amounts are CNY billions in en, 万元 amounts as formatWan says. Null is `—`.
 */
export function formatValue(value: number | null, unitOfCount: string, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (unitOfCount === "share") return formatPercent(value);
  if (unitOfCount === "100m_cny")
    return lang === "zh" ? `${trimmed(value, 2)}亿元` : `CNY ${groupThousands(value / 10, 2)}bn`;
  if (unitOfCount === "10k_cny") return formatWan(value, lang);
  if (lang === "zh") {
    const word = unitWordZh(unitOfCount);
    return Math.abs(value) >= 100_000
      ? `${trimmed(value / 10_000, 2)}万${word}`
      : `${groupThousands(value)}${word}`;
  }
  return groupThousands(value);
}

/** `2022-08` → `2022年8月` / `Aug 2022`. */
export function formatMonth(month: string, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  return lang === "zh" ? `${month.slice(0, 4)}年${m}月` : `${MONTHS_EN[m - 1]} ${month.slice(0, 4)}`;
}

/** `2022-09-05` → `2022年9月5日` / `5 Sep 2022`. */
export function formatDate(day: string, lang: Lang): string {
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  return lang === "zh" ? `${day.slice(0, 4)}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${day.slice(0, 4)}`;
}

/** A span of months: `2021年1–8月` / `Jan–Aug 2021` (same year), else both ends. */
export function formatMonthSpan(first: string, last: string, lang: Lang): string {
  if (first === last) return formatMonth(first, lang);
  if (first.slice(0, 4) === last.slice(0, 4)) {
    const a = Number(first.slice(5, 7));
    const b = Number(last.slice(5, 7));
    return lang === "zh"
      ? `${first.slice(0, 4)}年${a}–${b}月`
      : `${MONTHS_EN[a - 1]}–${MONTHS_EN[b - 1]} ${first.slice(0, 4)}`;
  }
  return `${formatMonth(first, lang)}–${formatMonth(last, lang)}`;
}
