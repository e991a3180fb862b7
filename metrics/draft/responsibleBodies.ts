/**
 * The responsible bodies a policy names for a measure, in the forms Chinese policies use:
 * （责任单位：A、B） · （牵头单位：A；责任单位：B、C） · （A、B负责，列第一位者为牵头单位） ·
 * （A牵头，B、C参加） · and the Hong Kong form (A/B). The first body named leads. Read from the
 * simplified, half-width text, so （ and ： arrive as ( and :.
 */

interface ResponsibleList {
  bodies: string[];
  /** Offsets of the parenthesis in the text it was found in. */
  start: number;
  end: number;
}

/** Labels that introduce bodies, leading ones first. */
const LABELS = [
  "牵头单位",
  "牵头部门",
  "主责单位",
  "责任单位",
  "责任部门",
  "配合单位",
  "参与单位",
  "协办单位",
];
/** Words after a list that mark it as responsible bodies (…负责 / …牵头 / …参加). */
const TRAILERS = /(?:等)?(?:按职责分工负责|分工负责|负责|牵头|参加|配合)/;
/** What a body's name ends with (the Hong Kong form has no label, so each name must look like a body). */
const BODY_END =
  /(?:局|委|办|办公室|厅|署|处|部|院|会|中心|公司|政府|街镇|街道|镇|团区委|团市委|联|队|所|站|组|科|行|社|司长办公室|小组各成员单位|成员单位|各单位|有关单位)$/;

const PAREN = /\(([^()]{2,600})\)/g;

/**
 * Every responsible list in a text, in order, found in its simplified form `plain` and named as
 * `text` (the same text as written, of the same length) writes them.
 */
export function responsibleLists(plain: string, text: string = plain): ResponsibleList[] {
  const out: ResponsibleList[] = [];
  for (const m of plain.matchAll(PAREN)) {
    const bodies = bodiesOf(m[1]);
    if (!bodies) continue;
    const inside = m[1].replace(/\s+/g, "");
    const written = text.slice(m.index + 1, m.index + 1 + m[1].length).replace(/\s+/g, "");
    const asWritten = bodies.map((body) => {
      const at = inside.indexOf(body);
      return at < 0 || written.length !== inside.length ? body : written.slice(at, at + body.length);
    });
    out.push({ bodies: asWritten, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function bodiesOf(inside: string): string[] | null {
  const text = inside.replace(/\s+/g, "");
  const labelled = new RegExp(`(${LABELS.join("|")}):`, "g");
  if (labelled.test(text)) {
    // (牵头单位:A;责任单位:B、C) — each label's list, leads first
    const parts = text.split(new RegExp(`[;；,，]?(?=(?:${LABELS.join("|")}):)`));
    const byLabel = parts
      .map((part) => /^([^:]+):(.*)$/.exec(part))
      .filter((m): m is RegExpExecArray => m !== null && LABELS.includes(m[1]))
      .sort((a, b) => LABELS.indexOf(a[1]) - LABELS.indexOf(b[1]));
    const bodies = byLabel.flatMap((m) => splitNames(m[2]));
    return bodies.length ? bodies : null;
  }
  // (A、B负责,列第一位者为牵头单位,下同) / (A、B牵头,C、D参加)
  const clauses = text.split(/[,，;；]/);
  const named: string[] = [];
  let trailer = false;
  for (const clause of clauses) {
    const m = new RegExp(`^(.+?)${TRAILERS.source}$`).exec(clause);
    if (m) {
      named.push(...splitNames(m[1]));
      trailer = true;
    } else if (/^(?:列第一位者为牵头单位|下同|排在第一位的为牵头单位)/.test(clause)) {
      // the convention that the first named leads, which the list order already keeps
    } else if (trailer) {
      break;
    } else {
      named.length = 0;
      break;
    }
  }
  if (trailer && named.length) return named;
  // (政务司司长办公室/劳工及福利局): every part must be a body's name
  const parts = splitNames(text);
  if (parts.length && parts.every((p) => BODY_END.test(p) && p.length <= 20)) return parts;
  return null;
}

/** Names split at 、 , ; / — but not inside 〔市、区〕 of 各县〔市、区〕人民政府. */
function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("〔[【".includes(ch)) depth++;
    else if ("〕]】".includes(ch) && depth > 0) depth--;
    if (depth === 0 && "、,，;；/／".includes(ch)) {
      names.push(current);
      current = "";
    } else current += ch;
  }
  names.push(current);
  return names
    .map((s) =>
      s
        .replace(/^(?:及|和|以及)/, "")
        .replace(/等$/, "")
        .trim(),
    )
    .filter((s) => s.length >= 2);
}
