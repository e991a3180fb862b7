/**
 * A row of `v_submissions` (docs/contract.md §8), one per submission and unit, as the dashboard
 * and the upload history read it.
 */
export interface SubmissionRow {
  submission_id: number;
  unit: string | null;
  kind: string;
  file_name: string;
  sha256: string;
  received_at: string;
  status: "accepted" | "superseded" | "rejected";
  rows: number;
  revision: number;
}
