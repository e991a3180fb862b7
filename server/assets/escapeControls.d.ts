/** Types of escapeControls.js (browser code, also used by the server and the command line). */

/** Control and bidi characters as visible escapes (`\x1b`, `\u202e`); `keepLines` keeps `\n` and `\t`. */
export function escapeControls(text: string, options?: { keepLines?: boolean }): string;
