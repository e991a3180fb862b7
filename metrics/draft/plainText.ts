/**
 * The text the patterns read: simplified characters and half-width digits and punctuation, with
 * every character at the same position as in the policy as written. Patterns are written once,
 * for 不少于 and 40万人; a quote is cut from the original at the same offsets, so a traditional or
 * full-width policy is still quoted in its own words.
 */
import { toHalfWidth } from "../../etl/normalize/halfWidth.ts";

/** Converts traditional characters to simplified (opencc-js in the command; the identity in tests that need none). */
export type Simplifier = (text: string) => string;

export const KEEP_CHARACTERS: Simplifier = (text) => text;

/**
 * The line in simplified, half-width form, of exactly its length. A phrase conversion that changes
 * the length (rare: OpenCC's phrase tables) falls back to converting the line character by character.
 */
export function plainOf(line: string, simplify: Simplifier): string {
  let converted = simplify(line);
  if (converted.length !== line.length) {
    converted = Array.from(line, (ch) => {
      const one = simplify(ch);
      return one.length === ch.length ? one : ch;
    }).join("");
  }
  return toHalfWidth(converted);
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether a text is written in traditional characters: more than 2% of its Han characters change
 * when converted (a simplified text changes almost none — a handful of characters such as 乾 have
 * two readings).
 */
export function isTraditional(text: string, simplify: Simplifier): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const converted = simplify(sample);
  if (converted.length !== sample.length) return true;
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    if (!HAN.test(sample[i])) continue;
    han++;
    if (converted[i] !== sample[i]) changed++;
  }
  return han > 0 && changed / han > 0.02;
}

/** For comparing quotes: no whitespace, no Markdown emphasis, simplified and half-width. */
export function comparable(text: string, simplify: Simplifier): string {
  const bare = text.replace(/\*\*|__/g, "").replace(/\s+/g, "");
  return plainOf(bare, simplify);
}
