/**
 * Access tokens (admin): `POST /api/tokens` `{ role, unit?, label? }` creates one and returns
 * `{ token, token_id, role, unit, label }`, the only time the token is shown; `GET /api/tokens`
 * lists them without secrets; `DELETE /api/tokens/:id` revokes one and ends its sessions.
 */
import express, { type Request, type Response, Router } from "express";
import { principal, requireRole } from "../auth.ts";
import { badRequest, HttpError } from "../errors.ts";
import type { ServerContext } from "../serverContext.ts";
import { actorOf, createToken, listTokens, revokeToken } from "../tokens.ts";

export function tokensRouter(ctx: ServerContext): Router {
  const router = Router();
  const admin = requireRole("admin");

  router.post("/api/tokens", admin, express.json({ limit: "16kb" }), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { role?: unknown; unit?: unknown; label?: unknown };
    const text = (v: unknown) =>
      typeof v === "string" ? v : v === undefined || v === null ? null : String(v);
    const created = await createToken(
      ctx.db,
      { role: text(body.role) ?? "", unit: text(body.unit), label: text(body.label) },
      ctx.units,
      ctx.clock(),
      actorOf(principal(res)),
    );
    res.status(201).json(created);
  });

  router.get("/api/tokens", admin, async (_req: Request, res: Response) => {
    res.json({ tokens: await listTokens(ctx.db) });
  });

  router.delete("/api/tokens/:id", admin, async (req: Request, res: Response) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id < 1) {
      throw badRequest("bad_id", "令牌编号须为正整数。", "A token id is a positive whole number.");
    }
    const revoked = await revokeToken(ctx.db, id, ctx.clock(), actorOf(principal(res)));
    if (!revoked)
      throw new HttpError(
        404,
        "no_such_token",
        `没有编号为 ${id} 的令牌。`,
        `There is no token with id ${id}.`,
      );
    res.json(revoked);
  });

  return router;
}
