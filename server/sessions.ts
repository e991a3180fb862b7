/**
 * Login sessions: `POST /login` with a valid token opens one; the browser keeps a random secret in
 * the `jt_session` cookie and the warehouse keeps only its sha256 hash, the token it stands for
 * and when it expires. Revoking the token ends its sessions; so does logging out.
 */
import { randomBytes } from "node:crypto";
import type { Warehouse } from "../warehouse/db.ts";
import { hashSecret, type Principal, type Role } from "./tokens.ts";

export const SESSION_COOKIE = "jt_session";

/** Opens a session for a token; returns the cookie's secret. */
export async function createSession(
  db: Warehouse,
  tokenId: number,
  now: Date,
  ttlMs: number,
): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await db.write(async (tx) => {
    // expired sessions are swept whenever a new one opens
    await tx.run("DELETE FROM sessions WHERE expires_at <= $now::TIMESTAMPTZ", { now: now.toISOString() });
    await tx.run("INSERT INTO sessions VALUES ($id, $token, $at::TIMESTAMPTZ, $until::TIMESTAMPTZ)", {
      id: hashSecret(secret),
      token: tokenId,
      at: now.toISOString(),
      until: new Date(now.getTime() + ttlMs).toISOString(),
    });
  });
  return secret;
}

/** The holder of a live session (unexpired, its token not revoked) and when it expires (ms since the epoch). */
export async function liveSession(
  db: Warehouse,
  secret: string,
  now: Date,
): Promise<{ principal: Principal; until: number } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const [row] = await db.query<{
    token_id: number;
    role: Role;
    unit: string | null;
    label: string | null;
    until: number;
  }>(
    `SELECT t.token_id, t.role, t.unit, t.label, epoch_ms(s.expires_at)::DOUBLE AS until
     FROM sessions s JOIN tokens t USING (token_id)
     WHERE s.session_id = $id AND s.expires_at > $now::TIMESTAMPTZ AND t.revoked_at IS NULL`,
    { id: hashSecret(secret), now: now.toISOString() },
  );
  if (!row) return null;
  return {
    principal: { tokenId: row.token_id, role: row.role, unit: row.unit, label: row.label },
    until: row.until,
  };
}

export async function endSession(db: Warehouse, secret: string): Promise<void> {
  await db.write((tx) => tx.run("DELETE FROM sessions WHERE session_id = $id", { id: hashSecret(secret) }));
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}
