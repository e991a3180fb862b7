/**
 * The server's working pages: `GET /upload` (town, admin), `GET /sql` (analyst, admin),
 * `GET /audit` and `GET /admin` (admin). A browser that is not signed in is sent to the login page and comes back
 * afterwards; a signed-in role that may not open a page is refused with 403 (recorded in the audit
 * trail like every refusal; a browser sees the pages it may open). Pages are never cached.
 */
import { type Request, type RequestHandler, type Response, Router } from "express";
import { districtToday } from "../../core/districtTime.ts";
import { monthsOwed, planMonthsOf, receivedByMonth } from "../../etl/catalogue/monthsOwed.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { authOf, principal, roleGuard } from "../auth.ts";
import { forbidden, langOf, unauthorized } from "../errors.ts";
import { adminPage } from "../pages/adminPage.ts";
import { auditPage } from "../pages/auditPage.ts";
import { sqlPage } from "../pages/sqlPage.ts";
import { uploadPage } from "../pages/uploadPage.ts";
import { latestRuns, recentRuns } from "../schedule/jobRuns.ts";
import { listBackups } from "../schedule/nightlyBackup.ts";
import { schedulerFolders } from "../schedule/schedulerFolders.ts";
import type { ServerContext } from "../serverContext.ts";
import { submissionHistory } from "../submissionHistory.ts";
import { listTokens, type Role } from "../tokens.ts";

/** Who the months of every plan are listed for when no unit is chosen (an admin's page). */
const ANY_UNIT = { code: "", kind: "*" };

function wantsHtml(req: Request): boolean {
  return req.accepts(["json", "html"]) === "html";
}

/**
 * The role check of a working page: a browser not signed in goes to the login page; a role that
 * may not open it is refused (403), which a browser sees as the refusal page in the site's frame.
 */
function pageGuard(roles: Role[]): RequestHandler {
  const guard: RequestHandler = (req, res, next) => {
    const auth = authOf(res);
    if (!auth) {
      if (!wantsHtml(req)) throw unauthorized();
      const lang = langOf(req);
      const back = encodeURIComponent(req.originalUrl.startsWith("/") ? req.originalUrl : "/");
      res.redirect(303, `/login?next=${back}${lang === "en" ? "&lang=en" : ""}`);
      return;
    }
    if (!roles.includes(auth.principal.role)) throw forbidden();
    next();
  };
  return roleGuard(guard, roles);
}

export function pagesRouter(ctx: ServerContext): Router {
  const router = Router();

  const send = (res: Response, html: string) => {
    res.set("Cache-Control", "no-store").type("html").send(html);
  };

  router.get(
    ["/upload", "/upload.html"],
    pageGuard(["town", "admin"]),
    async (req: Request, res: Response) => {
      const who = principal(res);
      const currentMonth = districtToday(ctx.clock()).slice(0, 7);
      const plans = ctx.plans.map(planMonthsOf);
      const own = who.role === "town" ? ctx.units.find((u) => u.code === who.unit) : undefined;
      // a town sees its months with what came in; an admin, before choosing a unit, every plan month
      const owed = own
        ? monthsOwed(
            plans,
            own,
            currentMonth,
            receivedByMonth(
              (await submissionHistory(ctx.db, { unit: own.code, limit: 5000, offset: 0 })).submissions,
            ),
          )
        : monthsOwed(
            plans.map((p) => ({ ...p, reporters: [ANY_UNIT.kind] })),
            ANY_UNIT,
            currentMonth,
          );
      send(
        res,
        uploadPage({
          lang: langOf(req),
          who,
          units: ctx.units,
          catalogues: ctx.plans.map((p) => p.catalogue),
          plans,
          periods: planPeriods(ctx.plans).map(({ first, last }) => ({ first, last })),
          currentMonth,
          owed,
          limitBytes: ctx.config.uploadLimitBytes,
        }),
      );
    },
  );

  router.get(["/sql", "/sql.html"], pageGuard(["analyst", "admin"]), (req: Request, res: Response) => {
    send(
      res,
      sqlPage({
        lang: langOf(req),
        who: principal(res),
        timeoutMs: ctx.config.sql.timeoutMs,
        maxRows: ctx.config.sql.maxRows,
        maxResultBytes: ctx.config.sql.maxResultBytes,
      }),
    );
  });

  router.get(["/audit", "/audit.html"], pageGuard(["admin"]), (req: Request, res: Response) => {
    send(res, auditPage({ lang: langOf(req), who: principal(res) }));
  });

  router.get(["/admin", "/admin.html"], pageGuard(["admin"]), async (req: Request, res: Response) => {
    const scheduler = ctx.config.scheduler;
    send(
      res,
      adminPage({
        lang: langOf(req),
        who: principal(res),
        units: ctx.units,
        tokens: await listTokens(ctx.db),
        scheduler: scheduler && {
          config: scheduler.config,
          jobs: await scheduler.status(),
          latest: await latestRuns(ctx.db),
          recent: await recentRuns(ctx.db, { limit: 20 }),
          backups: listBackups(scheduler.config.backup.dir),
          folders: schedulerFolders(scheduler.config),
        },
      }),
    );
  });

  return router;
}
