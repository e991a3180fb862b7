/**
 * `GET /api/audit?limit=&offset=&action=` (admin): the audit trail, newest first, a page at a
 * time. Summaries of anonymous refusals whose minute is over are written first, so the page is
 * complete up to the last minute.
 */
import { type Request, type Response, Router } from "express";
import { listAudit } from "../audit.ts";
import { requireRole } from "../auth.ts";
import type { ServerContext } from "../serverContext.ts";
import { pageNumber } from "./submissions.ts";

export function auditRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/api/audit", requireRole("admin"), async (req: Request, res: Response) => {
    const limit = pageNumber(req.query.limit, 100, 1, 1000);
    const offset = pageNumber(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const action = typeof req.query.action === "string" && req.query.action ? req.query.action : null;
    await ctx.anonymousAudit.flush(ctx.clock());
    res.json(await listAudit(ctx.db, { limit, offset, action }));
  });
  return router;
}
