/**
 * The built dashboard (everyone signed in): the static site folder of `jobtrack build`, with
 * `/upload` for towns and admins and `/sql` for analysts and admins when the site has those
 * pages. A browser that is not signed in is sent to the login page; before the site is built,
 * `/` says so in both languages. Every request that reaches this router passes its gate, the
 * site's files and the 404 for unknown addresses alike: nobody learns which addresses exist
 * without signing in. The site's earlier months are folders of the same site (`/month/2022-07/`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type NextFunction, type Request, type Response, Router } from "express";
import { ALL_ROLES, authOf, requireRole, roleGuard } from "../auth.ts";
import { langOf } from "../errors.ts";
import { notBuiltPage } from "../pages/loginPage.ts";
import { shellUser, unitNameOf } from "../pages/portalLayout.ts";
import type { ServerContext } from "../serverContext.ts";
import type { Role } from "../tokens.ts";

/** Pages admitted to fewer roles than the rest of the site. */
const PAGE_ROLES: [RegExp, Role[]][] = [
  [/^\/upload(\.html|\/(index\.html)?)?$/, ["town", "admin"]],
  [/^\/sql(\.html|\/(index\.html)?)?$/, ["analyst", "admin"]],
];

function isPageRequest(req: Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && !req.path.startsWith("/api/");
}

/** Sends a browser that is not signed in to the login page, then checks the page's roles. */
function pageGate(req: Request, res: Response, next: NextFunction): void {
  if (!isPageRequest(req)) {
    requireRole(...ALL_ROLES)(req, res, next);
    return;
  }
  if (!authOf(res) && req.accepts(["json", "html"]) === "html") {
    const target = req.originalUrl.startsWith("/") ? req.originalUrl : "/";
    const lang = langOf(req) === "en" ? "&lang=en" : "";
    res.redirect(303, `/login?next=${encodeURIComponent(target)}${lang}`);
    return;
  }
  const roles = PAGE_ROLES.find(([pattern]) => pattern.test(req.path))?.[1] ?? ALL_ROLES;
  requireRole(...roles)(req, res, next);
}

function shellUserOf(res: Response, ctx: ServerContext) {
  const who = authOf(res)?.principal ?? null;
  return who && shellUser(who, unitNameOf(who, ctx.units));
}

export function dashboardRouter(ctx: ServerContext): Router {
  const router = Router();
  const siteDir = ctx.config.siteDir;
  router.use(roleGuard(pageGate, ALL_ROLES));
  if (siteDir) {
    router.use(
      express.static(siteDir, {
        index: "index.html",
        extensions: ["html"],
        dotfiles: "ignore",
        redirect: true,
      }),
    );
  }
  router.get("/", (req: Request, res: Response) => {
    // reached only when the site has no index.html
    if (siteDir && existsSync(join(siteDir, "index.html"))) {
      res.sendFile(join(siteDir, "index.html"));
      return;
    }
    res
      .status(503)
      .type("html")
      .send(notBuiltPage(langOf(req), shellUserOf(res, ctx)));
  });
  return router;
}
