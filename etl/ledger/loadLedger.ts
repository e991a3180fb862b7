/**
 * Writing an accepted ledger inside the caller's transaction: the unit's earlier ledger rows stop
 * being current (kept as history) and the new rows become current. Then the ledger is compared
 * with the monthly reports: hardship persons employed in a month per the ledger against
 * `hardship_employed` reported for that month, as warnings naming both numbers.
 */

import { type Finding, finding } from "../../core/finding.ts";
import { INTEGER, type Staging, type Tx, VARCHAR } from "../../warehouse/db.ts";
import { appendDictionary, encode } from "../load/dictionaryCodes.ts";
import { insertSubmission, nextSubmissionId, type SubmissionMeta } from "../load/submissions.ts";
import { epochDay } from "./caseDate.ts";
import type { Case } from "./caseRowChecks.ts";

/** The day number that stands for "not employed yet" in staging (typed arrays hold no nulls). */
const NOT_EMPLOYED = -2147483648;

/**
 * Stages an accepted ledger's cases for loadLedger on the connection, before its transaction
 * begins: DuckDB reads committed staging rows faster than rows the transaction added itself.
 */
export async function stageLedger(staging: Staging, cases: readonly Case[]): Promise<void> {
  // repeated text travels as dictionary codes and dates as day numbers: far cheaper than objects
  const categories = encode(cases.map((c) => c.category));
  const channels = encode(cases.map((c) => c.channel));
  await appendDictionary(staging, "dict_category", categories.dict);
  await appendDictionary(staging, "dict_channel", channels.dict);
  const days = new Map<string, number>();
  const dayOf = (date: string) => {
    let day = days.get(date);
    if (day === undefined) {
      day = epochDay(date);
      days.set(date, day);
    }
    return day;
  };
  const identified = new Int32Array(cases.length);
  const employed = new Int32Array(cases.length);
  for (let i = 0; i < cases.length; i++) {
    identified[i] = dayOf(cases[i].identified_on);
    const on = cases[i].employed_on;
    employed[i] = on ? dayOf(on) : NOT_EMPLOYED;
  }
  await staging.run(
    "CREATE OR REPLACE TEMP TABLE staging_cases (case_id VARCHAR, k INTEGER, identified INTEGER, employed INTEGER, ch INTEGER)",
  );
  await staging.append(
    "staging_cases",
    [VARCHAR, INTEGER, INTEGER, INTEGER, INTEGER],
    [cases.map((c) => c.case_id), categories.codes, identified, employed, channels.codes],
  );
}

/** Loads the cases stageLedger staged; returns the submission id. */
export async function loadLedger(
  tx: Tx,
  meta: SubmissionMeta,
  ledger: { unit: string; months: string[]; rows: number; warnings: Finding[] },
): Promise<{ submissionId: number }> {
  const id = await nextSubmissionId(tx);
  await insertSubmission(tx, id, { ...meta, kind: "cases" }, "accepted", {
    rows: ledger.rows,
    units: [ledger.unit],
    months: ledger.months,
    findings: ledger.warnings,
  });
  await tx.run("UPDATE cases SET current = false WHERE current AND unit = $unit", { unit: ledger.unit });
  await tx.run(
    `INSERT INTO cases
     SELECT $id, $unit, s.case_id, k.text, DATE '1970-01-01' + s.identified, DATE '1970-01-01' + nullif(s.employed, $none), ch.text, true
     FROM staging_cases s JOIN dict_category k ON k.code = s.k JOIN dict_channel ch ON ch.code = s.ch`,
    { id, unit: ledger.unit, none: NOT_EMPLOYED },
  );
  await tx.run("DROP TABLE staging_cases; DROP TABLE dict_category; DROP TABLE dict_channel");
  return { submissionId: id };
}

/** Months where the ledger's hardship employments differ from the monthly report's figure. */
export async function ledgerReportMismatches(tx: Tx, unit: string): Promise<Finding[]> {
  const rows = await tx.query<{ month: string; ledger: number; reported: number }>(
    `WITH ledger AS (
       SELECT strftime(employed_on, '%Y-%m') AS month, count(*)::INTEGER AS n
       FROM cases WHERE current AND unit = $unit AND category = 'hardship' AND employed_on IS NOT NULL
       GROUP BY 1
     ), reported AS (
       SELECT month, value FROM facts WHERE current AND unit = $unit AND indicator = 'hardship_employed'
     )
     SELECT r.month, coalesce(l.n, 0) AS ledger, r.value AS reported
     FROM reported r LEFT JOIN ledger l USING (month)
     WHERE coalesce(l.n, 0) <> r.value AND r.month >= (SELECT min(month) FROM ledger)
       AND r.month <= (SELECT max(strftime(greatest(identified_on, coalesce(employed_on, identified_on)), '%Y-%m')) FROM cases WHERE current AND unit = $unit)
     ORDER BY r.month`,
    { unit },
  );
  return rows.map((r) => {
    const [y, m] = r.month.split("-").map(Number);
    return finding(
      null,
      null,
      "ledger_report_mismatch",
      `${y}年${m}月：台账记录就业困难人员实现就业 ${r.ledger} 人，月报填报 ${r.reported} 人，请核对。`,
      `${r.month}: the ledger shows ${r.ledger} hardship persons employed, the monthly report says ${r.reported}; please check.`,
    );
  });
}
