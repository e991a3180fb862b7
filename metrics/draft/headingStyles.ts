/**
 * How Chinese policy documents number their headings (一、 / （一） / 1. / 第一章 / 壹、), as data.
 * A document's levels come from the order in which its styles first appear, not from a fixed
 * table: one text nests 一、 › （一） › 1., another 壹、 › 一、 › （一）, and a Word file's heading
 * styles are often applied unevenly, so the numbering is the better guide.
 */

interface HeadingStyle {
  name: string;
  /** Matches the numbering at the start of a line; group 1 is the numbering itself. */
  re: RegExp;
}

const HEADING_STYLES: readonly HeadingStyle[] = [
  { name: "chapter", re: /^(第[一二三四五六七八九十百]+[章部篇节])\s*/ },
  { name: "capital", re: /^([壹贰叁肆伍陆柒捌玖拾]+[、.．])\s*/ },
  { name: "chinese", re: /^([一二三四五六七八九十]+[、.．])\s*/ },
  { name: "chinese-paren", re: /^([（(]\s*[一二三四五六七八九十]+\s*[）)])\s*/ },
  { name: "digit", re: /^(\d{1,2}[.、．](?!\d))\s*/ },
  { name: "digit-paren", re: /^([（(]\s*\d{1,2}\s*[）)])\s*/ },
];

/** The numbering style of a line and its numbering as written, or null. */
export function headingNumbering(line: string): { style: string; numbering: string; rest: string } | null {
  for (const style of HEADING_STYLES) {
    const m = style.re.exec(line);
    if (m) return { style: style.name, numbering: m[1], rest: line.slice(m[0].length) };
  }
  return null;
}

/** The numbering in one form: half-width parentheses and stray spaces become （一）. */
export function canonicalNumbering(numbering: string): string {
  return numbering
    .replace(/\s+/g, "")
    .replace(/^\(/, "（")
    .replace(/\)$/, "）")
    .replace(/^([一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]+)[．.]$/, "$1、");
}
