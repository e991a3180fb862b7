/**
 * A policy text → its headings and paragraphs, in order. Policies arrive as Markdown converted
 * from PDF, as plain text, or as Word (whose headings come in as `#` lines): page breaks cut
 * paragraphs and even names in two (区人 / 力资源社会保障局), headings are bold runs at the start of
 * a paragraph (**一、…**就业是…), Markdown heading levels do not follow the numbering, and a
 * section's lead sentence is set in bold (**确保就业大局稳定。**) or after a dash (——). This
 * undoes all of that, so that every sentence can be placed under its heading.
 */
import { headingNumbering } from "./headingStyles.ts";
import { plainOf, type Simplifier } from "./plainText.ts";

export interface Block {
  kind: "heading" | "lead" | "paragraph";
  /** As written (Markdown markers removed). */
  text: string;
  /** Simplified and half-width, same length as `text`. */
  plain: string;
  /** For headings: the numbering style (chinese, chinese-paren, digit, …) or null when unnumbered. */
  style: string | null;
  /** For headings: the level Markdown or Word gave it (1–6), or null. */
  markup: number | null;
}

/** A paragraph that ends with one of these is whole; otherwise the next line continues it. */
const CLOSES = /[。！？!?；;：:）)」”』》…]$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$/;
/** A lead in bold at the start of a paragraph: `**…**rest`. */
const BOLD_START = /^\*\*(.+?)\*\*(.*)$/;
/** A bold lead or a dash lead is a sub-heading when this short. */
const LEAD_MAX = 30;
/** A numbered line is a heading when its first sentence is this short. */
const HEADING_MAX = 40;

interface Line {
  text: string;
  markup: number | null;
  bold: string | null;
}

export function policyBlocks(source: string, simplify: Simplifier): Block[] {
  const lines = logicalLines(source);
  const blocks: Block[] = [];
  const push = (kind: Block["kind"], text: string, style: string | null, markup: number | null) => {
    const t = text.trim();
    if (t) blocks.push({ kind, text: t, plain: plainOf(t, simplify), style, markup });
  };
  for (const line of lines) {
    const plain = plainOf(line.text, simplify);
    if (line.markup !== null) {
      push("heading", stripEnd(line.text), headingNumbering(plain)?.style ?? null, line.markup);
      continue;
    }
    if (line.bold !== null) {
      const bold = line.bold.trim();
      const rest = line.text.slice(line.bold.length);
      const numbered = headingNumbering(plainOf(bold, simplify));
      if (numbered) {
        push("heading", stripEnd(bold), numbered.style, null);
        push("paragraph", rest, null, null);
        continue;
      }
      if (bold.length <= LEAD_MAX && /[。：:]$/.test(bold)) {
        push("lead", stripEnd(bold), null, null);
        push("paragraph", rest, null, null);
        continue;
      }
    }
    const dash = /^——(.{1,30}?)[。：:]/.exec(plain);
    if (dash) {
      push("lead", line.text.slice(2, 2 + dash[1].length), null, null);
      push("paragraph", line.text.slice(dash[0].length), null, null);
      continue;
    }
    const numbered = headingNumbering(plain);
    if (numbered) {
      const start = line.text.length - numbered.rest.length;
      const end = firstSentenceEnd(plain, start);
      if (end === null && plain.length <= HEADING_MAX && !/\d/.test(numbered.rest)) {
        push("heading", stripEnd(line.text), numbered.style, null);
        continue;
      }
      // a first sentence with a figure states something (（一）新增就业5万人以上。) and is no heading
      if (end !== null && end - start <= HEADING_MAX && !/[,，\d%]/.test(plain.slice(start, end))) {
        push("heading", line.text.slice(0, end), numbered.style, null);
        push("paragraph", line.text.slice(end + 1), null, null);
        continue;
      }
    }
    push("paragraph", line.text, null, null);
  }
  return blocks;
}

/** Physical lines → logical lines: Markdown headings apart, broken paragraphs joined, rules and blanks dropped. */
function logicalLines(source: string): Line[] {
  const out: Line[] = [];
  let open: Line | null = null; // a paragraph that may continue on the next line
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    if (RULE.test(raw)) {
      open = null;
      continue;
    }
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const heading = MARKDOWN_HEADING.exec(raw);
    if (heading) {
      const text = unbold(heading[2]);
      if (text) out.push({ text, markup: heading[1].length, bold: null });
      open = null;
      continue;
    }
    const bold = BOLD_START.exec(trimmed);
    const text = unbold(trimmed);
    if (open && !startsHeading(text)) {
      open.text += text;
    } else {
      open = { text, markup: null, bold: bold ? unbold(bold[1]) : null };
      out.push(open);
    }
    if (CLOSES.test(open.text) || !cutShort(open.text)) open = null;
  }
  return out;
}

/**
 * Whether a line ends in the middle of something: a paragraph cut by a page break has commas
 * before the cut, or an open parenthesis (（责任单位：区人 / 力资源…）); a title or a document
 * number has neither.
 */
function cutShort(text: string): boolean {
  const tail = text.slice(Math.max(...["。", "！", "？"].map((p) => text.lastIndexOf(p))) + 1);
  const open = (tail.match(/[（(]/g) ?? []).length > (tail.match(/[）)]/g) ?? []).length;
  return open || /[,，、;；]/.test(tail);
}

function startsHeading(text: string): boolean {
  return headingNumbering(text) !== null || text.startsWith("——");
}

function unbold(text: string): string {
  return text.replace(/\*\*|__/g, "").trim();
}

/** A heading without its closing 。 or ：. */
function stripEnd(text: string): string {
  return text.trim().replace(/[。：:]$/, "");
}

/** Position of the first 。 (or ：) at or after `from`, or null. */
function firstSentenceEnd(plain: string, from: number): number | null {
  const m = /[。:]/.exec(plain.slice(from));
  return m ? from + m.index : null;
}
