/**
 * HTML text building: escaping of text and attribute values. Every value from data goes through
 * `esc` before it reaches a page.
 */

/** Escapes text for HTML content and double-quoted attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Joins fragments, dropping empty ones. */
export function join(parts: (string | false | null | undefined)[], separator = ""): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(separator);
}

/** A standalone SVG made inline: the namespace declaration is implied inside HTML. */
export function inlineSvg(svg: string): string {
  return svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "<svg");
}
