/**
 * When a commitment starts and is due, from the words of its sentence: 2022年 · 到2025年 · 到年末 ·
 * 年内 · “十四五”期间 · 2022届毕业生 (who leave school in June–July, so their target starts in
 * July). The nearest time word before the figure decides; without one the plan's period does.
 */
import type { Confidence } from "./draftTypes.ts";
import { COHORT, DUE_BY_YEAR, DUE_PLAN_PERIOD, DUE_THIS_YEAR } from "./targetWords.ts";

interface CommitmentTime {
  starts: string;
  due: string;
  /** The words that set the due month ([] when the period's end is taken). */
  dueWords: string[];
  dueConfidence: Confidence;
  startsWords: string[];
  startsConfidence: Confidence;
}

export function commitmentTime(
  plain: string,
  at: number,
  period: { first: string; last: string },
  documentYear: number | null,
): CommitmentTime {
  const prefix = plain.slice(0, at);
  const marks: { index: number; due: string; word: string }[] = [];
  for (const m of prefix.matchAll(DUE_BY_YEAR)) marks.push({ index: m.index, due: `${m[1]}-12`, word: m[0] });
  const thisYear = lastMatch(prefix, DUE_THIS_YEAR);
  if (thisYear) {
    const year = documentYear ?? Number(period.last.slice(0, 4));
    marks.push({ index: thisYear.index, due: `${year}-12`, word: thisYear.word });
  }
  const planPeriod = lastMatch(prefix, DUE_PLAN_PERIOD);
  if (planPeriod) {
    const end = /十五五/.test(planPeriod.word) ? "2030-12" : "2025-12";
    marks.push({ index: planPeriod.index, due: end, word: planPeriod.word });
  }
  marks.sort((a, b) => b.index - a.index);
  const nearest = marks[0];
  const cohort = COHORT.exec(plain);
  return {
    due: nearest ? clampMonth(nearest.due, period) : period.last,
    dueWords: nearest ? [nearest.word.trim()] : [],
    // the period's end is the contract's default; in a plan of several years it may be meant yearly
    dueConfidence: nearest || period.first.slice(0, 4) === period.last.slice(0, 4) ? "high" : "medium",
    starts: cohort ? clampMonth(`${cohort[1]}-07`, period) : period.first,
    startsWords: cohort ? [cohort[0]] : [],
    startsConfidence: cohort ? "medium" : "high",
  };
}

function lastMatch(text: string, re: RegExp): { index: number; word: string } | null {
  const global = new RegExp(re.source, "g");
  let last: { index: number; word: string } | null = null;
  for (const m of text.matchAll(global)) last = { index: m.index, word: m[0] };
  return last;
}

/** A month inside the period (a due month after the period's end is the end). */
function clampMonth(month: string, period: { first: string; last: string }): string {
  if (month < period.first) return period.first;
  if (month > period.last) return period.last;
  return month;
}
