/**
 * Privacy guard: the system must never store a PRC resident ID number or a mainland mobile
 * phone number (CONTRACT §3, §4), so every cell of an upload is checked before anything else.
 * A number is looked for as a run of digits, possibly split into groups by single spaces or
 * hyphens (`138 0013 8000`, `138-0013-8000`) and delimited by anything else, so it is found
 * inside text (`身份证110101199003074514`, `电话：+86 138 0013 8000`) but not inside a longer
 * number. Ordinary counts (393848) and statistical codes (310118102) are too short to match.
 */

import { type Finding, finding } from "../finding.ts";

export type PiiKind = "resident_id" | "mobile";

/** Shortest text that can hold a mobile number, the shortest kind of PII here. */
const MIN_LENGTH = 11;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function plausibleDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1];
}

/** Region codes start with 1–8 (11 Beijing … 82 Macao). */
function plausibleRegion(digits: string): boolean {
  const first = digits.charCodeAt(0);
  return first >= 49 && first <= 56;
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

/** `X` closing an 18-character ID number, when it ends the token there. */
function checkCharAt(text: string, at: number): string {
  const ch = text[at];
  if (ch !== "X" && ch !== "x") return "";
  const after = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
  const alnum = isDigit(after) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122);
  return alnum ? "" : ch;
}

/**
 * Looks at each number of the text: a run of digits, or with `joined`, two or more runs joined
 * by a single space or hyphen (a formatted number). An ID's check character X may close either.
 */
function scanNumbers(text: string, joined: boolean): PiiKind | null {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let digits = "";
    let start = i;
    let end = i;
    let groups = 0;
    for (;;) {
      while (end < n && isDigit(text.charCodeAt(end))) end++;
      digits += text.slice(start, end);
      groups++;
      if (!joined || end + 1 >= n) break;
      const c = text.charCodeAt(end);
      if ((c !== 32 && c !== 45) || !isDigit(text.charCodeAt(end + 1))) break;
      end++;
      start = end;
    }
    if (!joined || groups > 1) {
      const kind = classify(digits, checkCharAt(text, end));
      if (kind) return kind;
    }
    i = end + 1;
  }
  return null;
}

/** Whether a cell holds a resident ID or mobile number, and which; never says what it is. */
export function looksLikePii(text: string): PiiKind | null {
  const n = text.length;
  if (n < MIN_LENGTH) return null;
  let digitCount = 0;
  for (let i = 0; i < n; i++) if (isDigit(text.charCodeAt(i))) digitCount++;
  if (digitCount < MIN_LENGTH) return null;
  return scanNumbers(text, false) ?? scanNumbers(text, true);
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
