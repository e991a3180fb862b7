/**
 * `GET /api/report?asOf=YYYY-MM&unit=CODE&asReported=YYYY-MM-DD&lang=zh|en` (everyone signed in):
 * the report of docs/contract.md §6 from the plan of the month asked for (without asOf: the current month
 * in Asia/Shanghai), chosen as every report chooses it (metrics/reportPlan.ts).
 */
import { createHash } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { districtToday } from "../../core/districtTime.ts";
import { reportPlan } from "../../metrics/reportPlan.ts";
import type { Report } from "../../metrics/reportTypes.ts";
import { ALL_ROLES, requireRole } from "../auth.ts";
import { badRequest, HttpError, langOf } from "../errors.ts";
import { ReportCache } from "../reportCache.ts";
import type { ServerContext } from "../serverContext.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string")
    throw badRequest(
      "bad_parameter",
      `参数 ${name} 只能给一次。`,
      `The parameter ${name} may be given once.`,
    );
  return value.trim();
}

export function reportRouter(ctx: ServerContext): Router {
  const router = Router();
  const cache = new ReportCache();
  const bodies = new WeakMap<Report, { body: Buffer; etag: string }>();
  router.get("/api/report", requireRole(...ALL_ROLES), async (req: Request, res: Response) => {
    const lang = langOf(req);
    const asOf = queryText(req, "asOf");
    const unit = queryText(req, "unit");
    const asReported = queryText(req, "asReported");
    if (asOf !== undefined && !MONTH.test(asOf)) {
      throw badRequest(
        "bad_month",
        `asOf 须为 YYYY-MM 格式的月份（收到 ${asOf}）。`,
        `asOf must be a month as YYYY-MM (got ${asOf}).`,
      );
    }
    if (asReported !== undefined && !DAY.test(asReported)) {
      throw badRequest(
        "bad_date",
        `asReported 须为 YYYY-MM-DD 格式的日期（收到 ${asReported}）。`,
        `asReported must be a date as YYYY-MM-DD (got ${asReported}).`,
      );
    }
    if (unit !== undefined && !ctx.units.some((u) => u.code === unit)) {
      throw badRequest(
        "unknown_unit",
        `单位名录中没有单位 ${unit}。`,
        `The unit registry has no unit ${unit}.`,
      );
    }
    const today = districtToday(ctx.clock());
    const plan = reportPlan(ctx.plans, asOf ?? today.slice(0, 7));
    if (!plan) {
      throw new HttpError(404, "no_plan", "尚未配置任何目标计划。", "No plan has been set up yet.");
    }
    const report = await cache.get(ctx.db, { plan, asOf, unit, asReported, today, lang });
    // the same report is sent to many viewers: serialised once, with an ETag for a 304 on reload
    let sent = bodies.get(report);
    if (!sent) {
      const body = Buffer.from(JSON.stringify(report));
      sent = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      bodies.set(report, sent);
    }
    res.set("ETag", sent.etag).type("application/json").send(sent.body);
  });
  return router;
}
