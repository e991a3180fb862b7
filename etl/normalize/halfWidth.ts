/**
 * Full-width forms (全角) that Chinese input methods produce: digits, Latin letters and ASCII
 * punctuation in U+FF01–U+FF5E, and the ideographic space U+3000. Excel keeps them as typed, so
 * every parser of user text folds them to ASCII first.
 */

const FULL_FIRST = 0xff01;
const FULL_LAST = 0xff5e;
const FULL_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Whether the text holds any full-width form; lets callers skip the copy in the common case. */
export function hasFullWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= FULL_FIRST && c <= FULL_LAST) || c === IDEOGRAPHIC_SPACE) return true;
  }
  return false;
}

/** The text with full-width ASCII forms folded to ASCII (`２０２２／８` → `2022/8`, `（` → `(`). */
export function toHalfWidth(text: string): string {
  if (!hasFullWidth(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FULL_FIRST && c <= FULL_LAST) out += String.fromCharCode(c - FULL_OFFSET);
    else if (c === IDEOGRAPHIC_SPACE) out += " ";
    else out += text[i];
  }
  return out;
}
