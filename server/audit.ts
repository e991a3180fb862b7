/**
 * The audit trail: every write (upload, token create and revoke, login, logout) and every
 * refusal (401, 403, 413, 429) with who, when, what and the result. Never a token, a password
 * or a file's content: details hold codes, counts, names and places (row, column), not values.
 */
import type { Tx, Value, Warehouse } from "../warehouse/db.ts";

export interface AuditEntry {
  at: Date;
  /** The token's label (or its role), "cli" for the command line; null when nobody signed in. */
  actor: string | null;
  tokenId: number | null;
  role: string | null;
  action: string;
  target: string | null;
  result: string;
  detail?: Record<string, Value>;
}

export interface AuditRow {
  at: string;
  actor: string | null;
  token_id: number | null;
  role: string | null;
  action: string;
  target: string | null;
  result: string;
  detail: Value;
}

const INSERT =
  "INSERT INTO audit VALUES ($at::TIMESTAMPTZ, $actor, $tokenId, $role, $action, $target, $result, $detail::JSON)";

function paramsOf(entry: AuditEntry) {
  return {
    at: entry.at.toISOString(),
    actor: entry.actor,
    tokenId: entry.tokenId,
    role: entry.role,
    action: entry.action,
    target: entry.target,
    result: entry.result,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/** Records an entry inside a caller's transaction (so the audit row and the change commit together). */
export async function auditTx(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.run(INSERT, paramsOf(entry));
}

/** Records an entry in its own transaction. */
export function recordAudit(db: Warehouse, entry: AuditEntry): Promise<void> {
  return db.write((tx) => auditTx(tx, entry));
}

export interface AuditPage {
  entries: AuditRow[];
  total: number;
  limit: number;
  offset: number;
}

/** Newest first, `limit` entries from `offset`, optionally of one action. */
export async function listAudit(
  db: Warehouse,
  page: { limit: number; offset: number; action?: string | null },
): Promise<AuditPage> {
  const where = page.action ? "WHERE action = $action" : "";
  const filter: Record<string, string> = page.action ? { action: page.action } : {};
  const rows = await db.query<AuditRow & { detail: string | null }>(
    `SELECT "at", actor, token_id, role, action, target, result, detail::VARCHAR AS detail FROM audit ${where}
     ORDER BY "at" DESC, rowid DESC LIMIT $limit OFFSET $offset`,
    { ...filter, limit: page.limit, offset: page.offset },
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM audit ${where}`, filter);
  return {
    entries: rows.map((r) => ({ ...r, detail: r.detail === null ? null : (JSON.parse(r.detail) as Value) })),
    total: count.n,
    limit: page.limit,
    offset: page.offset,
  };
}
