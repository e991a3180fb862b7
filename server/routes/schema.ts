/** `GET /api/schema` (analyst, admin): the SQL console's schema browser data (server/schemaCatalog.ts). */
import { type Request, type Response, Router } from "express";
import { requireRole } from "../auth.ts";
import { schemaCatalog } from "../schemaCatalog.ts";
import type { ServerContext } from "../serverContext.ts";

export function schemaRouter(ctx: ServerContext): Router {
  const router = Router();
  router.get("/api/schema", requireRole("analyst", "admin"), async (_req: Request, res: Response) => {
    res.json(await schemaCatalog(ctx.db, ctx.units, ctx.plans));
  });
  return router;
}
