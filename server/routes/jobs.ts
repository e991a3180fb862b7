/**
 * The scheduler seen from outside (admin):
 * - `GET /api/jobs` → docs/contract.md §5's array `{ job, source, last_started, last_finished,
 *   last_result, next_run }`, one per pull source and per other job (empty without a scheduler);
 * - `GET /api/jobs/runs?limit=&all=1` → `{ runs }`, the recorded runs newest first, without the
 *   pulls that found nothing unless `all=1`.
 */
import { type Request, type Response, Router } from "express";
import { requireRole } from "../auth.ts";
import { recentRuns } from "../schedule/jobRuns.ts";
import type { ServerContext } from "../serverContext.ts";
import { pageNumber } from "./submissions.ts";

export function jobsRouter(ctx: ServerContext): Router {
  const router = Router();
  const admin = requireRole("admin");

  router.get("/api/jobs", admin, async (_req: Request, res: Response) => {
    const scheduler = ctx.config.scheduler;
    res.json(scheduler ? await scheduler.status() : []);
  });

  router.get("/api/jobs/runs", admin, async (req: Request, res: Response) => {
    const limit = pageNumber(req.query.limit, 50, 1, 1000);
    const quiet = req.query.all === "1" || req.query.all === "true";
    res.json({ runs: await recentRuns(ctx.db, { limit, quiet }) });
  });

  return router;
}
