/**
 * Access tokens: `jt_` + 32 random bytes in base64url, shown once when created and stored only as
 * their sha256 hash. A token carries a role (viewer < town < analyst < admin) and, for a town, the
 * unit it reports for. Shared by `jobtrack token …` and the /api/tokens routes; each change is
 * recorded in the audit trail in the same transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import { DataError, finding } from "../core/finding.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { auditTx } from "./audit.ts";

export const ROLES = ["viewer", "town", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  viewer: { zh: "浏览", en: "viewer" },
  town: { zh: "街镇报送", en: "town" },
  analyst: { zh: "数据分析", en: "analyst" },
  admin: { zh: "管理员", en: "admin" },
};

export function isRole(text: unknown): text is Role {
  return typeof text === "string" && (ROLES as readonly string[]).includes(text);
}

/** The holder of a valid token. */
export interface Principal {
  tokenId: number;
  role: Role;
  unit: string | null;
  label: string | null;
}

export interface TokenInfo {
  token_id: number;
  role: Role;
  unit: string | null;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

interface NewToken {
  token: string;
  token_id: number;
  role: Role;
  unit: string | null;
  label: string | null;
}

/** Who made a change, for the audit trail. */
export interface Actor {
  actor: string | null;
  tokenId: number | null;
  role: string | null;
}

export const CLI_ACTOR: Actor = { actor: "cli", tokenId: null, role: "admin" };

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function newTokenSecret(): string {
  return `jt_${randomBytes(32).toString("base64url")}`;
}

/** The display name of a token holder: its label, else its role and unit. */
export function actorName(p: Pick<Principal, "role" | "unit" | "label">): string {
  return p.label || (p.unit ? `${p.role}:${p.unit}` : p.role);
}

export function actorOf(p: Principal): Actor {
  return { actor: actorName(p), tokenId: p.tokenId, role: p.role };
}

function tokenError(code: string, zh: string, en: string): DataError {
  return new DataError([finding(null, null, code, zh, en)]);
}

interface TokenSpec {
  role: string;
  unit?: string | null;
  label?: string | null;
}

/** Checks a token request against the registry; a DataError says what is wrong. */
function checkTokenSpec(
  spec: TokenSpec,
  units: Unit[],
): { role: Role; unit: string | null; label: string | null } {
  if (!isRole(spec.role)) {
    throw tokenError(
      "bad_role",
      `角色须为 ${ROLES.join("、")} 之一（收到 ${String(spec.role)}）。`,
      `The role must be one of ${ROLES.join(", ")} (got ${String(spec.role)}).`,
    );
  }
  const unitText = spec.unit?.trim() || null;
  if (spec.role === "town") {
    if (!unitText) {
      throw tokenError(
        "unit_required",
        "街镇报送（town）令牌须指定单位代码（--unit）。",
        "A town token needs a unit code (--unit).",
      );
    }
    const unit = units.find((u) => u.code === unitText || u.name_zh === unitText);
    if (!unit) {
      throw tokenError(
        "unknown_unit",
        `单位名录中没有单位 ${unitText}。`,
        `The unit registry has no unit ${unitText}.`,
      );
    }
    return { role: spec.role, unit: unit.code, label: cleanLabel(spec.label) };
  }
  if (unitText) {
    throw tokenError(
      "unit_not_allowed",
      "只有街镇报送（town）令牌才绑定单位；其他角色不需要 --unit。",
      "Only a town token is bound to a unit; other roles take no --unit.",
    );
  }
  return { role: spec.role, unit: null, label: cleanLabel(spec.label) };
}

function cleanLabel(label: string | null | undefined): string | null {
  const text = (label ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (text.length > 100) {
    throw tokenError(
      "label_too_long",
      "令牌说明最多 100 个字符。",
      "A token label has 100 characters at most.",
    );
  }
  return text || null;
}

/** Creates a token; the returned secret is the only copy there will ever be. */
export async function createToken(
  db: Warehouse,
  spec: TokenSpec,
  units: Unit[],
  now: Date,
  by: Actor,
): Promise<NewToken> {
  const checked = checkTokenSpec(spec, units);
  const token = newTokenSecret();
  const tokenId = await db.write(async (tx) => {
    const [row] = await tx.query<{ id: number }>("SELECT coalesce(max(token_id), 0) + 1 AS id FROM tokens");
    await tx.run("INSERT INTO tokens VALUES ($id, $hash, $role, $unit, $label, $at::TIMESTAMPTZ, NULL)", {
      id: row.id,
      hash: hashSecret(token),
      role: checked.role,
      unit: checked.unit,
      label: checked.label,
      at: now.toISOString(),
    });
    await auditTx(tx, {
      at: now,
      ...by,
      action: "token.create",
      target: String(row.id),
      result: "ok",
      detail: { role: checked.role, unit: checked.unit, label: checked.label },
    });
    return row.id;
  });
  return { token, token_id: tokenId, ...checked };
}

export async function listTokens(db: Warehouse): Promise<TokenInfo[]> {
  return db.query<TokenInfo>(
    "SELECT token_id, role, unit, label, created_at, revoked_at FROM tokens ORDER BY token_id",
  );
}

/** Revokes a token and ends its sessions; null when there is no such token. */
export async function revokeToken(
  db: Warehouse,
  tokenId: number,
  now: Date,
  by: Actor,
): Promise<TokenInfo | null> {
  return db.write(async (tx) => {
    const [found] = await tx.query<{ revoked: boolean }>(
      "SELECT revoked_at IS NOT NULL AS revoked FROM tokens WHERE token_id = $id",
      { id: tokenId },
    );
    if (!found) return null;
    if (!found.revoked) {
      await tx.run("UPDATE tokens SET revoked_at = $at::TIMESTAMPTZ WHERE token_id = $id", {
        id: tokenId,
        at: now.toISOString(),
      });
    }
    await tx.run("DELETE FROM sessions WHERE token_id = $id", { id: tokenId });
    await auditTx(tx, {
      at: now,
      ...by,
      action: "token.revoke",
      target: String(tokenId),
      result: found.revoked ? "unchanged" : "ok",
    });
    const [info] = await tx.query<TokenInfo>(
      "SELECT token_id, role, unit, label, created_at, revoked_at FROM tokens WHERE token_id = $id",
      { id: tokenId },
    );
    return info;
  });
}

/** The holder of a token, if it is well-formed, known and not revoked. */
export async function principalOf(db: Warehouse, token: string): Promise<Principal | null> {
  if (!/^jt_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db.query<{ token_id: number; role: Role; unit: string | null; label: string | null }>(
    "SELECT token_id, role, unit, label FROM tokens WHERE hash = $hash AND revoked_at IS NULL",
    { hash: hashSecret(token) },
  );
  return row ? { tokenId: row.token_id, role: row.role, unit: row.unit, label: row.label } : null;
}
