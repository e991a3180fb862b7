// Text that can be shown without acting on the screen: control characters (C0, DEL, C1, so also
// the ESC that begins a terminal escape sequence) and the invisible characters that reorder or
// break lines (bidi marks, embeddings, overrides and isolates; the line and paragraph separators)
// become visible escapes such as \x1b and \u202e. The backslash itself is left alone, so escaping
// twice changes nothing. Shared by the command line, the audit trail and the audit page.

const ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const ALL_BUT_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function visible(ch) {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * @param {string} text
 * @param {{ keepLines?: boolean }} [options] keepLines: leave line feeds and tabs as they are
 * @returns {string}
 */
export function escapeControls(text, options) {
  return text.replace(options?.keepLines ? ALL_BUT_LINES : ALL, visible);
}
