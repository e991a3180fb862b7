/**
 * A finding: one problem (error) or remark (warning) about an input file, located by the row
 * Excel shows (header = row 1; null for file-level problems) and the column header as written.
 * Every finding carries its message in Chinese and English; `message` is picked by language later.
 */
import { type Lang, say } from "./lang.ts";

export interface Finding {
  row: number | null;
  column: string | null;
  code: string;
  zh: string;
  en: string;
}

/** The §5 finding shape: the message in the chosen language beside both texts. */
export interface FindingOut extends Finding {
  message: string;
}

export function finding(
  row: number | null,
  column: string | null,
  code: string,
  zh: string,
  en: string,
): Finding {
  return { row, column, code, zh, en };
}

export function localizeFinding(f: Finding, lang: Lang): FindingOut {
  return {
    row: f.row,
    column: f.column,
    code: f.code,
    message: say(lang, f.zh, f.en),
    zh: f.zh,
    en: f.en,
  };
}

/** Bad input that stops a whole operation; carries the findings that explain it. */
export class DataError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.map((f) => f.en).join("; "));
    this.name = "DataError";
    this.findings = findings;
  }
}
