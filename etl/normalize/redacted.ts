/**
 * The text that stands in the table for a cell that held a personal number, once the privacy
 * screen (etl/validate/screenTable.ts) has replaced it: every later rule, message and column name
 * sees this, never the number.
 */
export const REDACTED = "［已隐去 redacted］";
