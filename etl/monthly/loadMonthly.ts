/**
 * Writing an accepted monthly report: a new revision of a unit-month replaces it as a whole. The
 * earlier cells stay in `facts` with current = false, and `submission_unit_months` numbers the
 * revisions of each unit-month. Runs inside the caller's transaction (Warehouse.write).
 */
import type { Finding } from "../../core/finding.ts";
import type { Tx } from "../../warehouse/db.ts";
import { insertSubmission, nextSubmissionId, type SubmissionMeta } from "../load/submissions.ts";

/**
 * Loads an accepted monthly report whose facts and unit-months stageMonthly has staged on this
 * connection; returns its submission id. Unit-months the file carries that were reported before
 * stop being current, in `facts` and `submission_unit_months` alike, and count a new revision.
 */
export async function loadMonthly(
  tx: Tx,
  meta: SubmissionMeta,
  data: { rows: number; units: string[]; months: string[]; warnings: Finding[] },
): Promise<{ submissionId: number }> {
  const id = await nextSubmissionId(tx);
  await insertSubmission(tx, id, meta, "accepted", { ...data, findings: data.warnings });
  const [{ earlier }] = await tx.query<{ earlier: number }>(
    `SELECT count(*)::INTEGER AS earlier FROM submission_unit_months m
     SEMI JOIN staged_unit_months s ON m.unit = s.unit AND m.month = s.month`,
  );
  if (earlier > 0) {
    await tx.run(
      `UPDATE facts SET current = false FROM staged_unit_months s
       WHERE facts.current AND facts.unit = s.unit AND facts.month = s.month`,
    );
    await tx.run(
      `UPDATE submission_unit_months SET current = false FROM staged_unit_months s
       WHERE submission_unit_months.current AND submission_unit_months.unit = s.unit AND submission_unit_months.month = s.month`,
    );
    await tx.run(
      `INSERT INTO submission_unit_months
       SELECT $id, s.unit, s.month, coalesce(p.revision, 0) + 1, s.rows, true
       FROM staged_unit_months s LEFT JOIN (
         SELECT unit, month, max(revision) AS revision FROM submission_unit_months GROUP BY unit, month
       ) p ON p.unit = s.unit AND p.month = s.month`,
      { id },
    );
  } else {
    // none of the file's unit-months was reported before: each is revision 1
    await tx.run(
      "INSERT INTO submission_unit_months SELECT $id, unit, month, 1, rows, true FROM staged_unit_months",
      { id },
    );
  }
  await tx.run("INSERT INTO facts SELECT $id, unit, month, indicator, value, true FROM staged_facts", { id });
  return { submissionId: id };
}
