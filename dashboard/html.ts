/**
 * HTML text building for the dashboard's pages: joining fragments and inlining charts (escaping
 * is core/html.ts's `escapeHtml`, shared with the server's pages).
 */

/** Joins fragments, dropping empty ones. */
export function join(parts: (string | false | null | undefined)[], separator = ""): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(separator);
}

/** A standalone SVG made inline: the namespace declaration is implied inside HTML. */
export function inlineSvg(svg: string): string {
  return svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "<svg");
}
