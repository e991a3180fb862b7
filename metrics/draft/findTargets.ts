/**
 * One sentence (simplified, half-width) → the targets it states: the constructions of
 * targetRules.ts first, in order, each claiming its span; then every remaining figure, read with
 * the direction words, counting words and exclusions of targetWords.ts. What is found carries the
 * words that decided it; money that is no target is returned apart (for the funds list).
 */
import type { Direction } from "../reportTypes.ts";
import { countValue, numberValue, shareValue } from "./chineseNumber.ts";
import type { Confidence } from "./draftTypes.ts";
import { FIGURE_RULE, type Shape, TARGET_RULES } from "./targetRules.ts";
import {
  COUNT_UNITS,
  type CountUnit,
  DIRECTION_AFTER,
  DIRECTION_BEFORE,
  type DirectionWord,
  EXCLUSIONS,
  FIGURE,
  type FigureContext,
  FUND_WORDS,
  MONEY_TARGET_WORDS,
  POST_WORDS,
  SUBJECT_PREFIX,
  SUBJECT_SUFFIX,
  TARGET_VERBS,
} from "./targetWords.ts";

export interface Found {
  rule: string;
  ruleZh: string;
  ruleEn: string;
  shape: Shape;
  start: number;
  end: number;
  /** The figure: a count, an amount (in unitWord), a fraction; null when the policy gives none. */
  value: number | null;
  /** 人 · 个 · 亿元 · % … ("" when none). */
  unitWord: string;
  unit: CountUnit | null;
  direction: Direction;
  directionConfidence: Confidence;
  /** What is counted (counts, money, assigned, relative) or the rate's name. */
  subject: string;
  /** Shares: the whole group and the part of it. */
  parent: string | null;
  child: string | null;
  /** Deadlines: the group whose cases must be closed in time. */
  who: string | null;
  /** The words of the sentence that decided (direction, figure, construction words). */
  words: string[];
  /** How sure the construction itself is (before any matching). */
  confidence: Confidence;
}

export interface MoneyMention {
  value: number;
  unitWord: string;
  words: string;
}

const BOUNDARY = /[,;:。!?]/;

/** A clause boundary, except the comma of a thousands separator (18,000). */
function isBoundary(text: string, i: number): boolean {
  if (!BOUNDARY.test(text[i])) return false;
  return !(text[i] === "," && /\d/.test(text[i - 1] ?? "") && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5)));
}

export function findTargets(plain: string): { found: Found[]; money: MoneyMention[] } {
  const quoted = quotedMask(plain);
  const taken: [number, number][] = [];
  const found: Found[] = [];
  const money: MoneyMention[] = [];
  const free = (a: number, b: number) => taken.every(([s, e]) => b <= s || a >= e);

  for (const rule of TARGET_RULES) {
    for (const m of plain.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end) || quoted[start + Math.floor(m[0].length / 2)]) continue;
      const built = build(rule.id, m, plain);
      if (!built.length) continue;
      for (const b of built) {
        found.push({
          rule: rule.id,
          ruleZh: rule.zh,
          ruleEn: rule.en,
          shape: rule.shape,
          start,
          end,
          unit: null,
          parent: null,
          child: null,
          who: null,
          ...b,
        } as Found);
      }
      taken.push([start, end]);
    }
  }

  let previousEnd = 0;
  for (const m of plain.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const g = m.groups ?? {};
    const share = Boolean(g.pct || g.pnum);
    const unit = COUNT_UNITS.find((u) => u.word === g.unit) ?? null;
    const value = share
      ? shareValue(g.pnum ? `${g.pnum}%` : `${g.num}%`)
      : unit?.kind === "money"
        ? numberValue(g.num)
        : countValue(g.num, g.mag ?? g.bare);
    const segmentStart = Math.max(lastBoundary(plain, start), previousEnd);
    const before = plain.slice(segmentStart, start);
    const after = plain.slice(end, nextBoundary(plain, end));
    const context: FigureContext = {
      before,
      after,
      unit,
      share,
      value,
      sentence: plain,
      quoted: quoted[start],
    };
    const unitWord = share ? "%" : unit?.kind === "money" ? `${g.mag ?? ""}${unit.word}` : (unit?.word ?? "");
    const excluded = EXCLUSIONS.find((e) => e.test(context));
    if (excluded) {
      if (unit?.kind === "money" && excluded.id === "rate" && value !== null)
        money.push({ value, unitWord, words: m[0] });
      continue;
    }
    if (value === null) continue;
    const dirBefore = endsWithWord(before, DIRECTION_BEFORE);
    const dirAfter = startsWithWord(after, DIRECTION_AFTER);
    const clause = plain.slice(lastBoundary(plain, start), nextBoundary(plain, end));
    const stripped = dirBefore ? before.trimEnd().slice(0, -dirBefore.word.length) : before;
    const lead = cleanSubject(stripped);
    const verbLed = lead === "" || TARGET_VERBS.test(lead) || lead.length <= 2;
    const object = objectOf(dirAfter ? after.trimStart().slice(dirAfter.word.length) : after);
    const subject = verbLed ? cleanSubject(`${lead}${object}`) : lead;
    const direction = dirBefore ?? dirAfter;
    const words = [dirBefore?.word, m[0].trim(), dirAfter?.word].filter((w): w is string => Boolean(w));

    let shape: Shape;
    let confidence: Confidence;
    if (unit?.kind === "money") {
      if (!MONEY_TARGET_WORDS.test(clause) || FUND_WORDS.test(clause)) {
        money.push({ value, unitWord, words: m[0] });
        continue;
      }
      shape = "money";
      confidence = "high";
      words.push(...(clause.match(new RegExp(MONEY_TARGET_WORDS.source, "g")) ?? []));
    } else if (share) {
      if (!direction) continue;
      shape = "share";
      confidence = "high";
    } else if (unit?.kind === "count") {
      if (!direction && !verbLed) {
        // a bare count of people or posts in a sentence that promises (确保, 目标) is kept, unsure
        const countsPeople = unit.plan === "persons" || (unit.word === "个" && POST_WORDS.test(subject));
        if (!(countsPeople && /确保|力争|目标|任务/.test(plain))) continue;
        confidence = "low";
      } else {
        confidence = "high";
      }
      shape = "count";
    } else if (unit?.kind === "year" && direction) {
      shape = "count";
      confidence = "low";
    } else {
      continue;
    }
    found.push({
      rule: FIGURE_RULE.id,
      ruleZh: FIGURE_RULE.zh,
      ruleEn: FIGURE_RULE.en,
      shape,
      start: segmentStart,
      end: end + (dirAfter ? after.indexOf(dirAfter.word) + dirAfter.word.length : 0),
      value,
      unitWord,
      unit,
      direction: direction?.direction ?? "at_least",
      directionConfidence: direction?.confidence ?? "medium",
      subject,
      parent: null,
      child: null,
      who: null,
      words,
      confidence,
    });
    previousEnd = found[found.length - 1].end;
    if (plain[previousEnd] === "、") previousEnd++;
  }
  found.sort((a, b) => a.start - b.start);
  return { found, money };
}

type Built = Partial<Found> &
  Pick<Found, "value" | "unitWord" | "direction" | "subject" | "words" | "confidence">;

/** What a construction's match states; [] when the match turns out not to be a target. */
function build(id: string, m: RegExpMatchArray, plain: string): Built[] {
  const g = m.groups ?? {};
  const share = (num: string | undefined) => (num ? shareValue(`${num}%`) : null);
  const dir = (word: string | undefined, after: string | undefined): DirectionWord | null =>
    (word ? DIRECTION_BEFORE.find((d) => d.word === word) : null) ??
    (after ? DIRECTION_AFTER.find((d) => d.word === after) : null) ??
    null;
  const figureContext = (numAt: number): boolean => {
    const before = plain.slice(lastBoundary(plain, numAt), numAt);
    const after = plain.slice(numAt, nextBoundary(plain, numAt)).replace(/^[^%]*%/, "");
    const c: FigureContext = {
      before,
      after,
      unit: null,
      share: true,
      value: null,
      sentence: plain,
      quoted: false,
    };
    return EXCLUSIONS.some((e) => e.id !== "qualifier" && e.test(c));
  };
  switch (id) {
    case "deadline":
      return [
        {
          value: 1,
          unitWord: "%",
          direction: "at_least",
          directionConfidence: "high",
          subject: cleanSubject(g.who),
          who: cleanSubject(g.who.replace(/^(?:帮助|使|对|让|确保|推动)/, "")),
          words: [`${g.event}后${g.n}${g.u}内`, "实现就业"],
          confidence: /确保/.test(plain) ? "high" : "medium",
        },
      ];
    case "each":
      return [
        {
          value: 1,
          unitWord: "%",
          direction: "at_least",
          directionConfidence: "high",
          subject: cleanSubject(g.x),
          parent: cleanSubject(g.x),
          child: cleanSubject(`${g.verb}${objectOf(g.y)}`),
          words: [`每个${g.x}`, g.verb],
          confidence: "high",
        },
      ];
    case "all":
    case "full-coverage":
      return [
        {
          value: 1,
          unitWord: "%",
          direction: "at_least",
          directionConfidence: "high",
          subject: cleanSubject(g.x),
          parent: cleanSubject(g.x),
          child: id === "all" ? cleanSubject(g.y) : "覆盖",
          words: id === "all" ? ["所有", "全部"] : ["全覆盖"],
          confidence: id === "all" ? "high" : "medium",
        },
      ];
    case "share-of":
    case "share-among":
    case "share-set-aside": {
      const d = dir(g.dir, g.after);
      const value = share(g.num);
      if (!d && g.dir !== "占") return [];
      if (value === null || value > 1) return [];
      if (figureContext((m.index ?? 0) + m[0].indexOf(`${g.num}`))) return [];
      const parent =
        id === "share-of"
          ? cleanSubject(g.b)
          : id === "share-among"
            ? cleanSubject(g.x)
            : cleanSubject(`${g.x.replace(/(?:要|应|须)?(?:安排|拿出|提供|确保)$/, "")}${g.y}`);
      const child =
        id === "share-of"
          ? cleanSubject(g.a)
          : id === "share-among"
            ? cleanSubject(`${g.y.replace(/(?:的)?(?:占比|比例|比重)$/, "")}${g.z}`)
            : cleanSubject(`${g.verb}${g.z}`);
      return [
        {
          value,
          unitWord: "%",
          direction: d?.direction ?? "at_least",
          directionConfidence: d?.confidence ?? "medium",
          subject: child,
          parent,
          child,
          words: [
            g.dir,
            `${g.num}%`,
            g.after,
            id === "share-among" ? "中" : id === "share-set-aside" ? g.verb : "的",
          ].filter((w): w is string => Boolean(w)),
          confidence: "high",
        },
      ];
    }
    case "rate": {
      const d = dir(g.dir, g.after);
      const value = share(g.num);
      if (!d || value === null || value > 1) return [];
      if (figureContext((m.index ?? 0) + m[0].lastIndexOf(g.num))) return [];
      const x = cleanSubject(g.x);
      const named = g.rate === "率" ? `${x}率` : x;
      const split = /^(.+?)((?:实现|面向|向|获得|参加|配备|开放|达到)\S*)$/.exec(x);
      return [
        {
          value,
          unitWord: "%",
          direction: d.direction,
          directionConfidence: d.confidence,
          subject: named,
          parent: g.rate === "率" ? null : (split?.[1] ?? null),
          child: g.rate === "率" ? null : (split?.[2] ?? null),
          words: [g.rate, g.dir, `${g.num}%`, g.after].filter((w): w is string => Boolean(w)),
          confidence: "high",
        },
      ];
    }
    case "assigned-cap":
      return [
        {
          value: null,
          unitWord: "",
          direction: "at_most",
          directionConfidence: "high",
          subject: cleanSubject(g.x),
          words: ["控制在", "下达目标内"],
          confidence: "low",
        },
      ];
    case "assigned-complete": {
      const x = cleanSubject(g.x);
      if (!/人数|岗位|人次|就业|数$|率$/.test(x) || /^各项|就业目标|工作目标/.test(x)) return [];
      return [
        {
          value: null,
          unitWord: "",
          direction: "at_least",
          directionConfidence: "medium",
          subject: x,
          words: ["完成", x, "目标"],
          confidence: "low",
        },
      ];
    }
    case "relative": {
      const d = dir(g.dir, undefined);
      return [
        {
          value: null,
          unitWord: "",
          direction: d?.direction ?? "at_least",
          directionConfidence: d?.confidence ?? "medium",
          subject: cleanSubject(g.x),
          words: [g.dir, "上年水平"],
          confidence: "low",
        },
      ];
    }
    case "respectively": {
      const d = dir(g.dir, undefined);
      return [
        [g.a, g.f1],
        [g.b, g.f2],
      ].flatMap(([what, figure]) => {
        const f = figure.match(new RegExp(FIGURE.source));
        if (!f?.groups) return [];
        const unit = COUNT_UNITS.find((u) => u.word === f.groups?.unit) ?? null;
        const value = countValue(f.groups.num, f.groups.mag);
        if (value === null) return [];
        return [
          {
            value,
            unitWord: unit?.word ?? "",
            unit,
            direction: d?.direction ?? "at_least",
            directionConfidence: d?.confidence ?? "medium",
            subject: cleanSubject(what),
            words: ["分别", g.dir, figure],
            confidence: "high",
          },
        ];
      });
    }
    default:
      return [];
  }
}

/** Position just after the last clause boundary before `at` (0 when none). */
function lastBoundary(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (isBoundary(text, i)) return i + 1;
  return 0;
}

function nextBoundary(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isBoundary(text, i)) return i;
  return text.length;
}

function endsWithWord(text: string, words: readonly DirectionWord[]): DirectionWord | null {
  const t = text.trimEnd();
  return words.find((w) => t.endsWith(w.word)) ?? null;
}

function startsWithWord(text: string, words: readonly DirectionWord[]): DirectionWord | null {
  const t = text.trimStart();
  return words.find((w) => t.startsWith(w.word)) ?? null;
}

/** Whether each position is inside quotation marks or a title: “…” 「…」 『…』 《…》. */
function quotedMask(text: string): boolean[] {
  const mask: boolean[] = new Array(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ("“「『《".includes(ch)) depth++;
    mask[i] = depth > 0;
    if ("”」』》".includes(ch) && depth > 0) depth--;
  }
  return mask;
}

/** The thing a verb-led figure counts: what follows it, without modifiers holding other figures. */
function objectOf(after: string): string {
  const last = after.lastIndexOf("的");
  if (last >= 0 && /\d/.test(after.slice(0, last))) return after.slice(last + 1);
  return after.replace(/^的/, "");
}

/** A subject without scope and time words, figures, quotation marks or a trailing 的. */
function cleanSubject(text: string | undefined): string {
  let s = (text ?? "").replace(/[“”「」『』"《》]/g, "").replace(/\s+/g, "");
  for (let i = 0; i < 8; i++) {
    const before = s;
    s = s
      .replace(SUBJECT_PREFIX, "")
      .replace(SUBJECT_SUFFIX, "")
      .replace(/^[,、的在]+|[,、的]+$/g, "");
    if (s === before) break;
  }
  // counts and shares go; durations and years stay (为期一年, 离校2年内 are part of what is meant)
  s = s.replace(FIGURE, (whole, ...rest) => {
    const groups = rest[rest.length - 1] as Record<string, string | undefined>;
    const unit = COUNT_UNITS.find((u) => u.word === groups.unit);
    return unit && (unit.kind === "duration" || unit.kind === "year") ? whole : "";
  });
  return s.replace(/^[,、的]+|[,、的]+$/g, "");
}
