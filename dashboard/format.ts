/**
 * Number, month and time formatting for the dashboard, in the house style of each language:
 * zh `39.38万人`, `3,205人`, `62.3%`, `2022年8月`; en `393,848`, `62.3%`, `Aug 2022`.
 * Pure and locale-independent (no Intl), so pages and snapshots are the same on every machine.
 */
export type Lang = "zh" | "en";

/** Placeholder shown for a missing value. */
export const NONE = "—";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Rounds half away from zero at `digits` decimals, without the float noise of `x * 10^d`. */
export function roundTo(value: number, digits: number): number {
  const abs = Math.abs(value);
  const text = String(abs);
  const rounded = text.includes("e")
    ? Math.round(abs * 10 ** digits) / 10 ** digits
    : Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
  return value < 0 ? -rounded : rounded;
}

/** Digits grouped by thousands: 393848 → `393,848`; `digits` decimals are kept as given. */
export function groupThousands(value: number, digits = 0): string {
  const fixed = roundTo(Math.abs(value), digits).toFixed(digits);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

/** A number with at most `digits` decimals and no trailing zeros: 6.50 → `6.5`, 60 → `60`. */
export function trimmedDecimal(value: number, digits: number): string {
  const text = groupThousands(value, digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A whole count: 3205 → `3,205` (rounded to the nearest whole). */
export function formatInteger(value: number): string {
  return groupThousands(value, 0);
}

/**
 * A count in zh style: below 100,000 grouped (`3,205`), from 100,000 in 万 with up to two
 * decimals (`39.38万`, `40万`). The unit word follows (`人`, `个`).
 */
export function formatCountZh(value: number, unitWord = ""): string {
  if (Math.abs(value) >= 100_000) return `${trimmedDecimal(value / 10_000, 2)}万${unitWord}`;
  return `${formatInteger(value)}${unitWord}`;
}

/** A fraction as a percentage with one decimal, whole percentages without: 0.623 → `62.3%`, 0.8 → `80%`. */
export function formatPercent(fraction: number): string {
  return `${oneDecimal(fraction * 100)}%`;
}

/** A difference of fractions in percentage points: 0.032 → `3.2个百分点` / `3.2 points`. */
export function formatPoints(fraction: number, lang: Lang): string {
  const points = oneDecimal(Math.abs(fraction) * 100);
  if (lang === "zh") return `${points}个百分点`;
  return points === "1" ? "1 point" : `${points} points`;
}

function oneDecimal(value: number): string {
  const rounded = roundTo(value, 1);
  return Number.isInteger(rounded) ? groupThousands(rounded, 0) : groupThousands(rounded, 1);
}

/** Unit word of a count in zh (`人`, `个`, `亿元`); en shows bare numbers except for money. */
export function unitWordZh(unitOfCount: string): string {
  switch (unitOfCount) {
    case "persons":
      return "人";
    case "posts":
    case "villages":
      return "个";
    case "100m_cny":
      return "亿元";
    default:
      return "";
  }
}

/** 亿元 amounts: zh `60亿元`, `6.5亿元`; en in billions of yuan, `CNY 6.00bn`, `CNY 0.65bn`. */
export function formatMoney(value: number, lang: Lang): string {
  if (lang === "zh") return `${trimmedDecimal(value, 2)}亿元`;
  return `CNY ${groupThousands(value / 10, 2)}bn`;
}

/**
 * A metric's value by its unit of count (`persons`, `posts`, `villages`, `100m_cny`, `share`):
 * zh `39.38万人`, `910个`, `60亿元`, `82.3%`; en `393,848`, `910`, `CNY 6.00bn`, `82.3%`. Null is `—`.
 */
export function formatValue(value: number | null, unitOfCount: string, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return NONE;
  if (unitOfCount === "share") return formatPercent(value);
  if (unitOfCount === "100m_cny") return formatMoney(value, lang);
  if (lang === "zh") return formatCountZh(value, unitWordZh(unitOfCount));
  return formatInteger(value);
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

/** `2022-08` → `2022年8月` / `Aug 2022`. */
export function formatMonth(month: string, lang: Lang): string {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  return lang === "zh" ? `${year}年${m}月` : `${MONTHS_EN[m - 1]} ${year}`;
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
  const t = new Date(ms + 8 * 3600_000);
  const y = t.getUTCFullYear();
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  const hh = String(t.getUTCHours()).padStart(2, "0");
  const mm = String(t.getUTCMinutes()).padStart(2, "0");
  return lang === "zh" ? `${y}年${mo}月${d}日 ${hh}:${mm}` : `${d} ${MONTHS_EN[mo - 1]} ${y}, ${hh}:${mm}`;
}
