/**
 * The form of a text that the privacy scan reads. People write a number in many ways that all
 * mean the same digits: full-width (`１３８`, typed with a Chinese input method), circled or
 * mathematical forms, digits of another script, with invisible characters between them
 * (zero-width spaces, bidirectional controls) or with punctuation between digit groups. The
 * fold makes them one form: NFKC (full-width and compatibility forms → ASCII), format characters
 * removed, and decimal digits of any script → ASCII digits. Separators between groups are left
 * in place; the scan (validate/pii.ts) reads across them. Pure.
 */

const NON_ASCII = /[^\u0000-\u007f]/;
const FORMAT_CHARS = /\p{Cf}/gu;
const DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;

/** By code point, the value of a non-ASCII decimal digit; made on first use. */
let digitValues: Map<number, number> | null = null;

/**
 * Unicode keeps every script's decimal digits as one run of ten code points, 0 to 9, so walking
 * the code points in order and counting within each run gives every digit's value.
 */
function digitValueMap(): Map<number, number> {
  const values = new Map<number, number>();
  let run = 0;
  for (let cp = 0x80; cp < 0x20000; cp++) {
    if (DIGIT.test(String.fromCodePoint(cp))) {
      values.set(cp, run % 10);
      run++;
    } else run = 0;
  }
  return values;
}

function asciiDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    digitValues ??= digitValueMap();
    const value = digitValues.get(cp);
    out += value === undefined ? ch : String(value);
  }
  return out;
}

/** The text as the privacy scan reads it; ASCII text is returned as it is. */
export function scanFold(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const folded = text.normalize("NFKC").replace(FORMAT_CHARS, "");
  return NON_ASCII_DIGIT.test(folded) ? asciiDigits(folded) : folded;
}
