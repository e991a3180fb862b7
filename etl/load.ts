/**
 * Writing one submission: everything happens inside the caller's transaction (Warehouse.write), so
 * a submission is whole or absent. A new revision of a unit-month replaces it as a whole: the
 * earlier cells stay in `facts` with current = false, and `submission_unit_months` numbers the
 * revisions of each unit-month.
 */

import type { Finding } from "../core/finding.ts";
import { INTEGER, type Staging, type Tx, VARCHAR } from "../warehouse/db.ts";

export interface SubmissionMeta {
  kind: "monthly" | "cases";
  fileName: string;
  sha256: string;
  /** ISO timestamp with offset. */
  receivedAt: string;
  receivedBy: string | null;
  format: string | null;
  encoding: string | null;
}

export interface Fact {
  unit: string;
  month: string;
  indicator: string;
  value: number | null;
}

async function nextSubmissionId(tx: Tx): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    "SELECT coalesce(max(submission_id), 0) + 1 AS id FROM submissions",
  );
  return row.id;
}

async function insertSubmission(
  tx: Tx,
  id: number,
  meta: SubmissionMeta,
  status: "accepted" | "rejected",
  summary: { rows: number; units: string[]; months: string[]; findings: Finding[] },
): Promise<void> {
  await tx.run(
    `INSERT INTO submissions VALUES ($id, $kind, $file, $sha, $at::TIMESTAMPTZ, $by, $status, $rows,
       $units::VARCHAR[], $months::VARCHAR[], $format, $encoding, $findings::JSON)`,
    {
      id,
      kind: meta.kind,
      file: meta.fileName,
      sha: meta.sha256,
      at: meta.receivedAt,
      by: meta.receivedBy,
      status,
      rows: summary.rows,
      units: JSON.stringify(summary.units),
      months: JSON.stringify(summary.months),
      format: meta.format,
      encoding: meta.encoding,
      findings: JSON.stringify(summary.findings),
    },
  );
}

/** Records a refused file: its metadata and findings only, none of its data. */
export async function recordRejected(
  tx: Tx,
  meta: SubmissionMeta,
  summary: { rows: number; units: string[]; months: string[]; findings: Finding[] },
): Promise<number> {
  const id = await nextSubmissionId(tx);
  await insertSubmission(tx, id, meta, "rejected", summary);
  return id;
}

/**
 * The accepted submission with these bytes whose unit-months are all still current, if any:
 * re-sending it changes nothing.
 */
export async function unchangedSubmission(tx: Tx, sha256: string, kind: string): Promise<number | null> {
  const rows = await tx.query<{ id: number }>(
    `SELECT s.submission_id AS id FROM submissions s
     WHERE s.sha256 = $sha AND s.kind = $kind AND s.status = 'accepted'
       AND NOT EXISTS (SELECT 1 FROM submission_unit_months m WHERE m.submission_id = s.submission_id AND NOT m.current)
       AND (s.kind <> 'cases' OR NOT EXISTS (SELECT 1 FROM submissions later
            WHERE later.kind = 'cases' AND later.status = 'accepted' AND later.submission_id > s.submission_id
              AND list_has_any(later.units, s.units)))
     ORDER BY s.submission_id DESC LIMIT 1`,
    { sha: sha256, kind },
  );
  return rows.length ? rows[0].id : null;
}

/** Dictionary codes of a string column: distinct values and, per row, the index of its value. */
export function encode(values: readonly (string | null)[]): { dict: (string | null)[]; codes: Int32Array } {
  const index = new Map<string | null, number>();
  const dict: (string | null)[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let code = index.get(v);
    if (code === undefined) {
      code = dict.length;
      index.set(v, code);
      dict.push(v);
    }
    codes[i] = code;
  }
  return { dict, codes };
}

export async function appendDictionary(tx: Staging, table: string, dict: (string | null)[]): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${table} (code INTEGER, text VARCHAR)`);
  await tx.append(table, [INTEGER, VARCHAR], [dict.map((_, i) => i), dict]);
}

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
