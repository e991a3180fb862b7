/**
 * The `submissions` rows every upload writes, monthly report or ledger alike: the accepted one
 * (monthly/loadMonthly.ts, ledger/loadLedger.ts), the refused one (its metadata and findings only)
 * and the check that the same bytes were already taken. Everything happens inside the caller's
 * transaction (Warehouse.write), so a submission is whole or absent.
 */

import type { Finding } from "../../core/finding.ts";
import type { Tx } from "../../warehouse/db.ts";

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

/** The id the next submission takes (writes run one at a time, so no two take the same). */
export async function nextSubmissionId(tx: Tx): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    "SELECT coalesce(max(submission_id), 0) + 1 AS id FROM submissions",
  );
  return row.id;
}

/** The submission's own row: its metadata, status, counts and findings (never cell values). */
export async function insertSubmission(
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
