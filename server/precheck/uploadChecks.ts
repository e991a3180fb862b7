/**
 * What the upload page imports from `/assets/portal/uploadChecks.js`: the entry of the browser
 * bundle (server/precheck/bundle.ts), which carries the ingest's own rule modules along. A rule
 * the page should apply before sending is added here, from its one home in etl/: the checks of a
 * file's cells (checkGrid.ts, with the ingest's unit and month rules), and the months a unit owes
 * (etl/catalogue/monthsOwed.ts), which the page lists as the server does, in the server's words
 * (owedLabel.ts), and a target's name as a unit's own (its 全区 dropped, metrics/words.ts).
 */
export { monthsOwed, receivedByMonth } from "../../etl/catalogue/monthsOwed.ts";
export { columnLetter } from "../../etl/normalize/columnName.ts";
export { unitMetricName } from "../../metrics/words.ts";
export { checkGrid, looksLikePersonal, readNumber } from "./checkGrid.ts";
export { decodeText } from "./decodeText.ts";
export { owedLabel } from "./owedLabel.ts";
