/**
 * The Excel letter of a column: how findings name a column whose header cannot be quoted, and how
 * the upload page labels its preview, so both say the same letter.
 */

/** `A`, `B`, …, `Z`, `AA`: the Excel letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
