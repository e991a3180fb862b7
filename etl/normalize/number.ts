/**
 * A number cell as typed in Excel → its value. Accepted: plain digits, a decimal point,
 * thousands separators in correct groups (`1,234`, `1，234`), full-width digits and punctuation
 * (`１２３`, `－３`, `１．５`), a leading minus, and spaces around it (also NBSP and U+3000).
 * A blank cell is null: not reported, which is not zero. Anything else, such as `约50`, `50人`,
 * `5O` (letter O) or `1,23`, is not a number. Whether a parsed value is allowed (negative,
 * fractional, implausibly large) is for the validation rules to say, not for the parser.
 *
 * Called once per cell of every upload, so plain digits take a loop without regex or copies.
 */
import { toHalfWidth } from "./halfWidth.ts";

export type ParsedNumber = { readonly value: number | null } | { readonly error: "not_a_number" };

const BLANK: ParsedNumber = Object.freeze({ value: null });
const NOT_A_NUMBER: ParsedNumber = Object.freeze({ error: "not_a_number" as const });

/** Results for the small counts most cells hold, made once, so parsing them allocates nothing. */
const SMALL = 4096;
const SMALL_RESULTS: readonly ParsedNumber[] = Array.from({ length: SMALL }, (_, value) =>
  Object.freeze({ value }),
);

function result(value: number): ParsedNumber {
  return value >= 0 && value < SMALL && Number.isInteger(value) ? SMALL_RESULTS[value] : { value };
}

/** Sign, integer part in plain digits or in groups of three, optional fraction. */
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SEPARATORS = /,/g;
const MINUS_SIGN = /\u2212/g;

/** Up to 15 digits fit a double exactly, so the digit loop needs no rounding care. */
const FAST_DIGITS = 15;

function slowParse(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === "") return BLANK;
  const s = toHalfWidth(trimmed).replace(MINUS_SIGN, "-");
  if (!NUMBER.test(s)) return NOT_A_NUMBER;
  const value = Number(s.includes(",") ? s.replace(SEPARATORS, "") : s);
  return result(value === 0 ? 0 : value);
}

/** The value of a number cell: `{ value }` (null when blank) or `{ error: "not_a_number" }`. */
export function parseNumber(text: string): ParsedNumber {
  const n = text.length;
  if (n === 0) return BLANK;
  if (n <= FAST_DIGITS) {
    let value = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === n) return value < SMALL ? SMALL_RESULTS[value] : { value };
  }
  return slowParse(text);
}

/** Whether a parse result is an error; narrows for TypeScript. */
export function isNotANumber(parsed: ParsedNumber): parsed is { readonly error: "not_a_number" } {
  return "error" in parsed;
}
