/**
 * A Word policy, as mammoth's HTML, → the Markdown-like text the drafter reads: Word headings
 * become `#` lines, bold runs stay `**bold**` (a policy's sub-headings are often bold runs at the
 * start of a paragraph), each paragraph, list item and table row is a line of its own.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function htmlPolicyText(html: string): string {
  const text = html
    .replace(
      /<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi,
      (_, level: string, inner: string) => `\n${"#".repeat(Number(level))} ${inner}\n`,
    )
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(?:p|li|tr|table|ul|ol)>/gi, "\n")
    .replace(/<(?:p|li|tr)(?:\s[^>]*)?>/gi, "\n")
    .replace(/<\/t[dh]>/gi, " ")
    .replace(/<\/?(?:strong|b)(?:\s[^>]*)?>/gi, "**")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\*\*\*\*/g, "");
  return `${text
    .split("\n")
    .map((line) => line.trim())
    .filter((line, i, all) => line || (i > 0 && all[i - 1]))
    .join("\n")
    .trim()}\n`;
}
