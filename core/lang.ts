/**
 * The two languages every user-facing text exists in, Chinese first, and the one picker that
 * chooses between them: the command line, the server's pages and errors, the report and the
 * findings all say a thing through `say`, so "which text for which language" has one answer.
 */
export type Lang = "zh" | "en";

/** A text in both languages. */
export interface LocalText {
  zh: string;
  en: string;
}

/** The text for the chosen language. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === "zh" ? zh : en;
}

/** The text of a pair for the chosen language. */
export function sayText(lang: Lang, text: LocalText): string {
  return say(lang, text.zh, text.en);
}

/** A picker bound to a language, for pages that say many things in one language. */
export function sayIn(lang: Lang): (zh: string, en: string) => string {
  return (zh, en) => say(lang, zh, en);
}
