/**
 * Numbers as Chinese policy texts write them: Arabic digits with or without thousands separators
 * (5000, 18,000, 2 000), Chinese numerals (一千一百, 两万, 三个月), a magnitude after digits
 * (4万, 1.2万, 80亿), and shares (80%, 百分之八十, 八成). Targets are compared and stored as plain
 * numbers, so every form must come out as the same value.
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Arabic digits (with , or a space as thousands separator) or Chinese numerals, as a regex source. */
export const NUMBER_SOURCE =
  "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?: \\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*(?:点[零〇一二三四五六七八九]+)?)";

/** Whether the text is written in Chinese numerals (一千一百) rather than digits. */
function isChineseNumeral(text: string): boolean {
  return /^[零〇一二两三四五六七八九十百千万亿点]+$/.test(text);
}

/**
 * The value of a number as written: `5000`, `18,000`, `2 000`, `1.5`, `一千一百`, `两万`, `十二`,
 * `三点五`; null when it is not a number.
 */
export function numberValue(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/[, ]/g, ""));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (isChineseNumeral(t)) return chineseValue(t);
  return null;
}

function chineseValue(text: string): number | null {
  const [whole, fraction] = text.split("点");
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of whole) {
    if (ch in DIGIT) {
      if (digit !== null && digit !== 0) return null; // two digits in a row (一二) is not a number
      digit = DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      // 十 alone means 10 (十二 = 12)
      section += (digit ?? 1) * SMALL_UNIT[ch];
      digit = null;
    } else if (ch in BIG_UNIT) {
      total += (section + (digit ?? 0)) * BIG_UNIT[ch];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  let value = total + section + (digit ?? 0);
  if (fraction !== undefined) {
    let scale = 0.1;
    for (const ch of fraction) {
      if (!(ch in DIGIT)) return null;
      value += DIGIT[ch] * scale;
      scale /= 10;
    }
  }
  return round(value);
}

/** A count with its magnitude applied: (`4`, `万`) → 40000; (`一千一百`, ``) → 1100. */
export function countValue(number: string, magnitude: string | undefined): number | null {
  const value = numberValue(number);
  if (value === null) return null;
  return round(value * (magnitude ? BIG_UNIT[magnitude] : 1));
}

/** A share as a fraction: `80%` → 0.8, `百分之八十` → 0.8, `八成` → 0.8, `5.5%` → 0.055. */
export function shareValue(text: string): number | null {
  const t = text.replace(/\s+/g, "");
  let m = /^(.+?)%$/.exec(t);
  if (m) {
    const v = numberValue(m[1]);
    return v === null ? null : round(v / 100);
  }
  m = /^百分之(.+)$/.exec(t);
  if (m) {
    const v = numberValue(m[1]);
    return v === null ? null : round(v / 100);
  }
  m = /^(.+?)成$/.exec(t);
  if (m) {
    const v = numberValue(m[1]);
    return v === null ? null : round(v / 10);
  }
  return null;
}

/** Rounds away binary noise (0.055 stays 0.055, not 0.055000000000000004). */
function round(value: number): number {
  return Number(value.toPrecision(12));
}
