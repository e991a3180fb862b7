/**
 * HTML escaping: every value from data goes through `escapeHtml` before it reaches a page, the
 * dashboard's and the server's alike, so what is safe inside a page has one definition.
 */

/** Escapes text for HTML content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
