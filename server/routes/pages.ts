/**
 * The server's working pages: `GET /upload` (town, admin), `GET /sql` (analyst, admin) and
 * `GET /audit` (admin). A browser that is not signed in is sent to the login page and comes back
 * afterwards; a signed-in role that may not open a page gets a 403 page (recorded in the audit
 * trail like every refusal) pointing at the pages it may open. Pages are never cached.
 */
import { type Request, type Response, Router } from "express";
import { districtToday } from "../../cli/io.ts";
import { previousMonth } from "../../etl/normalize/month.ts";
import { recordAudit } from "../audit.ts";
import { authOf, clientKey } from "../auth.ts";
import { forbidden, langOf, unauthorized } from "../errors.ts";
import { auditPage } from "../pages/auditPage.ts";
import { forbiddenPortalPage, type PortalPath } from "../pages/portalLayout.ts";
import { sqlPage } from "../pages/sqlPage.ts";
import { uploadPage } from "../pages/uploadPage.ts";
import type { ServerContext } from "../serverContext.ts";
import { actorName, type Principal, type Role } from "../tokens.ts";

function wantsHtml(req: Request): boolean {
  return req.accepts(["json", "html"]) === "html";
}

export function pagesRouter(ctx: ServerContext): Router {
  const router = Router();

  /** The signed-in holder if the role may open the page; otherwise answers (redirect, 403) or throws. */
  const admit = async (
    req: Request,
    res: Response,
    path: PortalPath,
    roles: Role[],
  ): Promise<Principal | null> => {
    const auth = authOf(res);
    const lang = langOf(req);
    if (!auth) {
      if (!wantsHtml(req)) throw unauthorized();
      const next = encodeURIComponent(req.originalUrl.startsWith("/") ? req.originalUrl : path);
      res.redirect(303, `/login?next=${next}${lang === "en" ? "&lang=en" : ""}`);
      return null;
    }
    const who = auth.principal;
    if (roles.includes(who.role)) return who;
    if (!wantsHtml(req)) throw forbidden();
    await recordAudit(ctx.db, {
      at: ctx.clock(),
      actor: actorName(who),
      tokenId: who.tokenId,
      role: who.role,
      action: "request",
      target: `${req.method} ${req.path}`.slice(0, 300),
      result: "refused",
      detail: { status: 403, code: "forbidden", ip: clientKey(req) },
    });
    res
      .status(403)
      .set("Cache-Control", "no-store")
      .type("html")
      .send(forbiddenPortalPage(lang, who, path));
    return null;
  };

  const send = (res: Response, html: string) => {
    res.set("Cache-Control", "no-store").type("html").send(html);
  };

  router.get(["/upload", "/upload.html"], async (req: Request, res: Response) => {
    const who = await admit(req, res, "/upload", ["town", "admin"]);
    if (!who) return;
    // the month a report is due for: the one before today's
    const month = previousMonth(districtToday(ctx.clock()).slice(0, 7));
    send(
      res,
      uploadPage({
        lang: langOf(req),
        who,
        units: ctx.units,
        month,
        limitBytes: ctx.config.uploadLimitBytes,
      }),
    );
  });

  router.get(["/sql", "/sql.html"], async (req: Request, res: Response) => {
    const who = await admit(req, res, "/sql", ["analyst", "admin"]);
    if (!who) return;
    send(
      res,
      sqlPage({
        lang: langOf(req),
        who,
        timeoutMs: ctx.config.sql.timeoutMs,
        maxRows: ctx.config.sql.maxRows,
        maxResultBytes: ctx.config.sql.maxResultBytes,
      }),
    );
  });

  router.get(["/audit", "/audit.html"], async (req: Request, res: Response) => {
    const who = await admit(req, res, "/audit", ["admin"]);
    if (!who) return;
    send(res, auditPage({ lang: langOf(req), who }));
  });

  return router;
}
