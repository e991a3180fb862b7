/**
 * The text of an explanation (情况说明), wherever it is written: the portal's form (POST
 * /api/notes, server/noteRules.ts) and the 备注 column of a monthly report (monthly/parseMonthly.ts)
 * keep it under the same rules, so a note reads the same whichever way it came. Line ends become
 * \n, other control characters are dropped, the ends are trimmed, and a note holds at most
 * NOTE_MAX_CHARS characters: a few sentences of cause and remedy, not a report. Personal numbers
 * are the privacy screen's (validate/pii.ts), which both ways run on the text.
 */
import { type Finding, finding } from "../../core/finding.ts";

/** Characters (code points) a note may hold after cleaning. */
export const NOTE_MAX_CHARS = 2000;

/** The text as stored: trimmed, line ends as \n, other control characters dropped. */
export function cleanNoteText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();
}

/** Its length in characters as a reader counts them (code points, not UTF-16 units). */
export function noteLength(clean: string): number {
  return [...clean].length;
}

/** The finding for a 备注 cell over the limit. */
export function noteTooLongFinding(row: number, column: string, chars: number): Finding {
  return finding(
    row,
    column,
    "note_too_long",
    `备注（情况说明）最多 ${NOTE_MAX_CHARS} 个字，此格有 ${chars} 个字。请精简后重新上传。`,
    `The note (explanation) holds at most ${NOTE_MAX_CHARS} characters; this cell has ${chars}. Shorten it and upload again.`,
  );
}
