/**
 * `GET /api/whoami` (anyone signed in): who the request is signed in as — role, the role in words,
 * label, unit and its name. The built dashboard is the same files for every reader; its script asks
 * here to show who is reading and the server's pages that role may use.
 */
import { type Request, type Response, Router } from "express";
import { ALL_ROLES, principal, requireRole } from "../auth.ts";
import { unitNameOf } from "../pages/portalLayout.ts";
import type { ServerContext } from "../serverContext.ts";
import { ROLE_NAMES } from "../tokens.ts";

export function whoamiRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/api/whoami", requireRole(...ALL_ROLES), (_req: Request, res: Response) => {
    const who = principal(res);
    res.set("Cache-Control", "no-store").json({
      role: who.role,
      role_name: ROLE_NAMES[who.role],
      label: who.label,
      unit: who.unit,
      unit_name: unitNameOf(who, ctx.units),
    });
  });
  return router;
}
