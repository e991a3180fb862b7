/**
 * Privacy guard: the system must never store a PRC resident ID number or a mainland mobile
 * phone number (docs/contract.md §3, §4), so every cell, header and file name of an upload is checked
 * before anything else reads it. The text is first folded (normalize/scanFold.ts: full-width and
 * other forms of digits → ASCII, invisible characters removed), then every number is looked at:
 * a run of digits, and runs joined by a few separators — spaces, dots, dashes, underscores,
 * brackets, slashes, commas, colons, Chinese punctuation — as people group digits when they write
 * them (`138 0013 8000`, `(138)0013.8000`, `138_0013_8000`, `+86 138…`). Any stretch of adjacent
 * groups is tried, so a number is found inside text (`身份证110101199003074514`, `电话：１３８…`)
 * and among other groups (`2022 13800138000`), but a run of digits is never cut: a longer number
 * (a bank card) is not mistaken for a shorter one. Ordinary counts (393848, 1,234,567), money
 * (12,345,678.90), dates (2022-08-05) and statistical codes (310118102) do not match.
 */

import { type Finding, finding } from "../../core/finding.ts";
import { scanFold } from "../normalize/scanFold.ts";

export type PiiKind = "resident_id" | "mobile";

/** Shortest text that can hold a mobile number, the shortest kind of PII here. */
const MIN_LENGTH = 11;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const NON_ASCII = /[^\u0000-\u007f]/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function plausibleDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1];
}

/**
 * The province-level divisions an ID's region code opens with (GB/T 2260: 11 Beijing … 65
 * Xinjiang, 71 Taiwan; 81–83 the residence permits of Hong Kong, Macao and Taiwan residents).
 * Checking the pair, not only the first digit, keeps a file named `2022-08_310118102.csv` (a
 * month before a unit's code, whose digits also read as a birth date) from passing for one.
 */
const PROVINCES = new Set(
  "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split(
    " ",
  ),
);

function plausibleRegion(digits: string): boolean {
  return PROVINCES.has(digits.slice(0, 2));
}

/** 18 characters: 17 digits, check character; ISO 7064 MOD 11-2 and a birth date. */
function isResidentId18(digits: string, check: string): boolean {
  if (!plausibleRegion(digits)) return false;
  const year = Number(digits.slice(6, 10));
  if (!plausibleDate(year, Number(digits.slice(10, 12)), Number(digits.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (digits.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] === check.toUpperCase()) return true;
  // Excel keeps 15 significant digits: an ID typed into a number cell ends in 000 and fails its check
  return check === "0" && digits.endsWith("00");
}

/** The 15-digit IDs issued before 1999: region, YYMMDD birth date (19YY), sequence. */
function isResidentId15(digits: string): boolean {
  if (!plausibleRegion(digits)) return false;
  return plausibleDate(
    1900 + Number(digits.slice(6, 8)),
    Number(digits.slice(8, 10)),
    Number(digits.slice(10, 12)),
  );
}

function isMobile(digits: string): boolean {
  if (digits.length !== 11 || digits.charCodeAt(0) !== 49) return false;
  const second = digits.charCodeAt(1);
  return second >= 51 && second <= 57;
}

function classify(digits: string, tail: string): PiiKind | null {
  if (tail !== "") return digits.length === 17 && isResidentId18(digits, tail) ? "resident_id" : null;
  const n = digits.length;
  if (n === 18) return isResidentId18(digits.slice(0, 17), digits[17]) ? "resident_id" : null;
  if (n === 15) return isResidentId15(digits) ? "resident_id" : null;
  if (n === 11) return isMobile(digits) ? "mobile" : null;
  if (n === 13 && digits.startsWith("86")) return isMobile(digits.slice(2)) ? "mobile" : null;
  return null;
}

/** Characters that may stand between the digit groups of one written number. */
const SEPARATORS = new Set(
  [..." \t.-_()[]{}/\\,:;'\"+*#~、。·・‐‑‒–—―−【】〔〕「」『』《》〈〉"].map((c) => c.charCodeAt(0)),
);
/** At most this many separators in a row between two groups of one number (`138 - 0013`). */
const MAX_GAP = 3;
/** The longest number looked for: an 18-character resident ID. */
const MAX_DIGITS = 18;

function isSeparator(c: number): boolean {
  return SEPARATORS.has(c) || c < 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** `X` closing an 18-character ID number right after the digits, when it ends the token there. */
function checkCharAt(text: string, at: number): string {
  const ch = text[at];
  if (ch !== "X" && ch !== "x") return "";
  const after = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
  const alnum = isDigit(after) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122);
  return alnum ? "" : ch;
}

/** A personal number found: its kind and where it is in the (folded) text, check character included. */
interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/**
 * The first personal number of a folded text: the digit runs are grouped into chains (runs with
 * at most MAX_GAP separators between them), and every stretch of adjacent runs of a chain is
 * classified.
 */
function firstPii(text: string): PiiSpan | null {
  const n = text.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // one chain: runs of digits joined by short stretches of separators
    starts.length = 0;
    ends.length = 0;
    for (;;) {
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      starts.push(start);
      ends.push(i);
      let gap = i;
      while (gap < n && gap - i < MAX_GAP && isSeparator(text.charCodeAt(gap))) gap++;
      if (gap === i || gap >= n || !isDigit(text.charCodeAt(gap))) break;
      i = gap;
    }
    for (let a = 0; a < starts.length; a++) {
      let digits = "";
      for (let b = a; b < starts.length; b++) {
        digits += text.slice(starts[b], ends[b]);
        if (digits.length > MAX_DIGITS) break;
        const tail = checkCharAt(text, ends[b]);
        const kind = classify(digits, "") ?? (tail ? classify(digits, tail) : null);
        if (kind)
          return {
            kind,
            start: starts[a],
            end: ends[b] + (kind === "resident_id" && digits.length === 17 ? 1 : 0),
          };
      }
    }
  }
  return null;
}

/** Whether a text holds a resident ID or mobile number, and which; never says what it is. */
export function looksLikePii(text: string): PiiKind | null {
  if (text.length < MIN_LENGTH) {
    if (!NON_ASCII.test(text)) return null;
  }
  const folded = scanFold(text);
  const n = folded.length;
  if (n < MIN_LENGTH) return null;
  let digitCount = 0;
  for (let i = 0; i < n; i++) if (isDigit(folded.charCodeAt(i))) digitCount++;
  if (digitCount < MIN_LENGTH) return null;
  return firstPii(folded)?.kind ?? null;
}

/**
 * The text folded, with every personal number in it masked (its characters → `*`), or null when
 * it holds none: what may be kept of a text that must be kept, such as a file name.
 */
export function maskPii(text: string): string | null {
  let folded = scanFold(text);
  let found = false;
  for (let span = firstPii(folded); span; span = firstPii(folded)) {
    found = true;
    folded = folded.slice(0, span.start) + "*".repeat(span.end - span.start) + folded.slice(span.end);
  }
  return found ? folded : null;
}

/**
 * The finding for a cell holding PII. It names the row and column only: the value must not reach
 * a message, a log or the database.
 */
export function piiFinding(kind: PiiKind, row: number, column: string): Finding {
  if (kind === "resident_id") {
    return finding(
      row,
      column,
      "pii_resident_id",
      "该单元格疑似包含居民身份证号码。为保护个人隐私，系统不接收身份证号，请删除后重新上传。",
      "This cell appears to hold a resident ID number. To protect privacy the system does not accept ID numbers; delete it and upload again.",
    );
  }
  return finding(
    row,
    column,
    "pii_mobile",
    "该单元格疑似包含手机号码。为保护个人隐私，系统不接收手机号，请删除后重新上传。",
    "This cell appears to hold a mobile phone number. To protect privacy the system does not accept phone numbers; delete it and upload again.",
  );
}
