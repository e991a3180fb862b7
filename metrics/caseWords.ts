/**
 * How the policy counts cases: hardship persons in 名 ("3 people with employment difficulties"),
 * zero-employment families in 户 ("2 zero-employment families"), and what their deadline is —
 * one home for the words the alerts, the sentences and the brief use.
 */

import type { CaseCategory } from "../core/caseDeadline.ts";
import type { Lang } from "../core/lang.ts";

/** How the policy counts each kind of case: persons in 名, families in 户. */
export const CASE_WORDS: Record<
  CaseCategory,
  {
    zh: string;
    measure: string;
    limitZh: string;
    stillZh: string;
    one: string;
    many: string;
    stillEn: string;
  }
> = {
  zero_family: {
    zh: "零就业家庭",
    measure: "户",
    limitZh: "确认后一个月",
    stillZh: "仍无人就业",
    one: "zero-employment family",
    many: "zero-employment families",
    stillEn: "with no member employed within a month of confirmation",
  },
  hardship: {
    zh: "就业困难人员",
    measure: "名",
    limitZh: "认定后三个月",
    stillZh: "仍未就业",
    one: "person with employment difficulties",
    many: "people with employment difficulties",
    stillEn: "not employed within three months of identification",
  },
};

/** `3名就业困难人员` / `3 people with employment difficulties`; `2户零就业家庭` / `2 zero-employment families`. */
export function caseCount(category: CaseCategory, cases: number, lang: Lang): string {
  const w = CASE_WORDS[category];
  if (lang === "zh") return `${cases}${w.measure}${w.zh}`;
  return `${cases} ${cases === 1 ? w.one : w.many}`;
}
