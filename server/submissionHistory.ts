/**
 * The submission history as the upload page and `GET /api/submissions` show it: every file with
 * its revision and status (the v_submissions columns of docs/contract.md §8), newest first, each
 * with the report months it carried for its unit — the months a clerk recognises a file by, and
 * what the page counts the months a unit owes from (etl/catalogue/monthsOwed.ts) — and, for a
 * refused file, what was wrong with it (its findings as they were given at the time, never a
 * cell's value), so the clerk can read it again later.
 */
import type { Finding } from "../core/finding.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { SubmissionRow } from "../warehouse/submissionRow.ts";

/** Findings of a refused file listed in its history entry; the rest are counted. */
const FINDINGS_SHOWN = 50;

export interface HistoryEntry extends SubmissionRow {
  /** The report months of the unit in the file (a refused file: the months it could read). */
  months: string[];
  /** A refused file's findings (problems first, then remarks), at most FINDINGS_SHOWN; null otherwise. */
  findings: Finding[] | null;
  /** How many findings the refused file had in all (0 otherwise). */
  finding_count: number;
}

interface HistoryRow extends Omit<HistoryEntry, "findings" | "finding_count"> {
  findings_json: string | null;
}

function entryOf(row: HistoryRow): HistoryEntry {
  const { findings_json, ...entry } = row;
  const all = findings_json === null ? [] : (JSON.parse(findings_json) as Finding[]);
  return {
    ...entry,
    findings:
      row.status === "rejected"
        ? all.slice(0, FINDINGS_SHOWN).map((f) => ({
            row: f.row,
            column: f.column,
            code: f.code,
            zh: f.zh,
            en: f.en,
          }))
        : null,
    finding_count: row.status === "rejected" ? all.length : 0,
  };
}

interface HistoryQuery {
  /** One unit's files only; null for every unit. */
  unit: string | null;
  limit: number;
  offset: number;
}

export async function submissionHistory(
  db: Warehouse,
  query: HistoryQuery,
): Promise<{ submissions: HistoryEntry[]; total: number }> {
  const where = query.unit === null ? "" : "WHERE v.unit = $unit";
  const params: Record<string, string> = query.unit === null ? {} : { unit: query.unit };
  const rows = await db.query<HistoryRow>(
    `WITH carried AS (
       SELECT submission_id, unit, list(month ORDER BY month) AS months
       FROM submission_unit_months GROUP BY submission_id, unit
     )
     SELECT v.submission_id, v.unit, v.kind, v.file_name, v.sha256, v.received_at, v.status, v.rows,
            v.revision, coalesce(c.months, s.months) AS months,
            CASE WHEN v.status = 'rejected' THEN s.findings::VARCHAR END AS findings_json
     FROM v_submissions v
     JOIN submissions s USING (submission_id)
     LEFT JOIN carried c ON c.submission_id = v.submission_id AND c.unit = v.unit
     ${where}
     ORDER BY v.received_at DESC, v.submission_id DESC, v.unit LIMIT $limit OFFSET $offset`,
    { ...params, limit: query.limit, offset: query.offset },
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM v_submissions v ${where}`,
    params,
  );
  return { submissions: rows.map(entryOf), total: count.n };
}
