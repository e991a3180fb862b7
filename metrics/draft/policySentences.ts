/**
 * Headings and paragraphs → sentences, each with its section heading (一、…（一）…·lead) and the
 * responsible bodies listed for it. Policies list the bodies once, after the measures they cover
 * (at the end of a （一） section, of a numbered item, or of a whole 一、 chapter), so a list
 * applies to every sentence since the previous list within the same chapter; sentences of a
 * chapter that names none keep an empty list (the draft marks that as unsure).
 */
import { canonicalNumbering, headingNumbering } from "./headingStyles.ts";
import type { Block } from "./policyBlocks.ts";
import { responsibleLists } from "./responsibleBodies.ts";

export interface PolicySentence {
  /** As written. */
  text: string;
  /** Simplified and half-width, same length as `text`. */
  plain: string;
  section: string | null;
  responsible: string[];
  /** Whether the section describes the present (发展基础, 现状 …) rather than setting targets. */
  background: boolean;
}

export interface PolicyOutline {
  /** The document's title: its first unnumbered heading or line naming 意见, 方案, 通知 …, as written. */
  title: string | null;
  sentences: PolicySentence[];
}

const TITLE = /关于|意见|方案|通知|措施|规划|计划|办法|报告|预算/;
const BACKGROUND = /基础|现状|成效|回顾|背景|基本情况|发展形势/;
/** Sentence ends; a quotation mark does not end a sentence that goes on inside it. */
const SENTENCE_END = /[。！？!?]/;

interface Level {
  rank: number;
  label: string;
  plain: string;
}

export function policyOutline(blocks: readonly Block[]): PolicyOutline {
  const numbered = blocks.some((b) => b.kind === "heading" && b.style !== null);
  const ranks = new Map<string, number>();
  const stack: Level[] = [];
  const sentences: PolicySentence[] = [];
  let pending: PolicySentence[] = [];
  let title: string | null = null;
  let seenNumbered = false;

  const enter = (rank: number, label: string, plain: string) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    if (rank === 1) pending = []; // a new chapter: lists of the previous one do not reach back
    stack.push({ rank, label, plain });
  };

  for (const block of blocks) {
    if (block.kind === "heading") {
      if (block.style !== null) {
        seenNumbered = true;
        if (!ranks.has(block.style)) ranks.set(block.style, ranks.size + 1);
        enter(ranks.get(block.style) ?? 1, headingLabel(block), block.plain);
      } else if (numbered && !seenNumbered) {
        if (title === null && TITLE.test(block.plain)) title = block.text;
      } else if (numbered) {
        enter(LEAD_RANK, block.text, block.plain);
      } else {
        const key = `markup-${block.markup ?? 0}`;
        if (!ranks.has(key)) ranks.set(key, ranks.size + 1);
        enter(ranks.get(key) ?? 1, block.text, block.plain);
      }
      continue;
    }
    if (block.kind === "lead") {
      enter(LEAD_RANK, block.text, block.plain);
      continue;
    }
    if (title === null && !seenNumbered && TITLE.test(block.plain) && !SENTENCE_END.test(block.plain)) {
      title = block.text;
      continue;
    }
    const section = sectionLabel(stack);
    const background = stack.some((l) => BACKGROUND.test(l.plain));
    for (const piece of sentencePieces(block)) {
      const lists = responsibleLists(piece.plain, piece.text);
      const rest = stripLists(piece, lists);
      if (rest.plain.replace(/[\s。.,，;；]/g, "")) {
        const sentence: PolicySentence = { ...rest, section, responsible: [], background };
        sentences.push(sentence);
        pending.push(sentence);
      }
      for (const list of lists) {
        for (const s of pending) s.responsible = list.bodies;
        pending = [];
      }
    }
  }
  return { title, sentences };
}

/** Leads (bold first sentences, ——) sit below every numbered level and replace each other. */
const LEAD_RANK = 99;

function headingLabel(block: Block): string {
  const numbering = headingNumbering(block.plain);
  if (!numbering) return block.text;
  const rest = block.text.slice(block.text.length - numbering.rest.length).trim();
  return `${canonicalNumbering(block.text.slice(0, block.text.length - numbering.rest.length))}${rest}`;
}

/** 一、…（一）… · deeper levels and leads after a middle dot. */
function sectionLabel(stack: readonly Level[]): string | null {
  if (!stack.length) return null;
  return stack
    .map((level, i) => (i === 0 || (i === 1 && level.rank !== LEAD_RANK) ? level.label : `·${level.label}`))
    .join("");
}

/** A paragraph cut after each 。！？ (not inside quotation marks), a leading item number dropped. */
function sentencePieces(block: Block): { text: string; plain: string }[] {
  const out: { text: string; plain: string }[] = [];
  let depth = 0;
  let start = 0;
  const { plain, text } = block;
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i];
    if (ch === "“" || ch === "「" || ch === "『") depth++;
    else if ((ch === "”" || ch === "」" || ch === "』") && depth > 0) depth--;
    else if (depth === 0 && SENTENCE_END.test(ch)) {
      // a closing parenthesis or quotation mark right after the stop belongs to the sentence
      let end = i + 1;
      while (end < plain.length && /[”」』]/.test(plain[end])) end++;
      out.push({ text: text.slice(start, end), plain: plain.slice(start, end) });
      start = end;
    }
  }
  if (start < plain.length) out.push({ text: text.slice(start), plain: plain.slice(start) });
  return out
    .map((p) => {
      const lead =
        /^\s*(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]+\))?\s*/.exec(p.plain)?.[0].length ??
        0;
      return { text: p.text.slice(lead).trimEnd(), plain: p.plain.slice(lead).trimEnd() };
    })
    .filter((p) => p.plain.length > 0);
}

/** The sentence without its responsible-body parentheses (they are not part of what is promised). */
function stripLists(
  piece: { text: string; plain: string },
  lists: { start: number; end: number }[],
): { text: string; plain: string } {
  if (!lists.length) return piece;
  // only a list at the end is cut from the quote; one in the middle stays (the quote must be verbatim)
  const last = lists[lists.length - 1];
  const tail = piece.plain.slice(last.end).replace(/[\s。.]/g, "");
  if (tail) return piece;
  return {
    text: piece.text.slice(0, last.start).trimEnd(),
    plain: piece.plain.slice(0, last.start).trimEnd(),
  };
}
