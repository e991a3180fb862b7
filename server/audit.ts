/**
 * The audit trail: every write (upload, token create and revoke, login, logout) and every
 * refusal (401, 403, 413, 429) with who, when, what and the result. Never a token, a password
 * or a file's content: details hold codes, counts, names and places (row, column), not values.
 * Refusals of requests nobody signed in for arrive summarised (server/anonymousAudit.ts).
 * Text that may come from outside (a path asked for, a file name, an address) is stored with its
 * control and bidi characters escaped and clipped, so no row can rewrite the screen of whoever
 * reads the trail, on the /audit page or in a terminal.
 */
import type { Tx, Value, Warehouse } from "../warehouse/db.ts";
import { escapeControls } from "./assets/escapeControls.js";

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

interface AuditRow {
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

/** Longest text kept in one field of an audit row; a file name is at most 200 characters. */
const MAX_TEXT = 200;

/** Outside text as the audit keeps it: escaped (see escapeControls.js), at most `max` characters. */
export function clipText(text: string, max: number): string {
  const chars = Array.from(escapeControls(text));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function storedValue(value: Value): Value {
  if (typeof value === "string") return clipText(value, MAX_TEXT);
  if (Array.isArray(value)) return value.map(storedValue);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clipText(k, MAX_TEXT), storedValue(v)]));
  return value;
}

function paramsOf(entry: AuditEntry) {
  const text = (value: string | null) => (value === null ? null : clipText(value, MAX_TEXT));
  return {
    at: entry.at.toISOString(),
    actor: text(entry.actor),
    tokenId: entry.tokenId,
    role: entry.role,
    action: clipText(entry.action, MAX_TEXT),
    target: text(entry.target),
    result: clipText(entry.result, MAX_TEXT),
    detail: JSON.stringify(storedValue(entry.detail ?? {})),
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

/** Records several entries in one transaction. */
export function recordAudits(db: Warehouse, entries: AuditEntry[]): Promise<void> {
  return db.write(async (tx) => {
    for (const entry of entries) await auditTx(tx, entry);
  });
}

interface AuditPage {
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
