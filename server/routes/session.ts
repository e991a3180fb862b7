/**
 * Signing in and out: `GET /login` (the form), `POST /login` (a form post or JSON with the token:
 * opens a session and sets the `jt_session` cookie, HttpOnly, SameSite=Strict, Secure over https,
 * and sends a browser to the page it asked for, or with none asked to its role's own work: a
 * town to the upload page, an analyst to the SQL console, an administrator to 系统管理, a viewer
 * to the dashboard — the navigation leads everywhere else),
 * `POST /logout` (ends the session and clears the cookie), `GET /logout` (in a browser, a page with
 * the sign-out button: a link must not change state; 405 for anyone else). A valid token always signs in; a
 * wrong one counts against the client's address and against the value tried
 * (server/failureLimiter.ts), and past either budget the answer is 429 instead of 401. Failed
 * sign-ins reach the audit trail summarised per address and minute (server/anonymousAudit.ts).
 */
import express, { type Request, type Response, Router } from "express";
import { recordAudit } from "../audit.ts";
import { authOf, clientKey, crossSiteRefused, failedCredential, sameOrigin } from "../auth.ts";
import { HttpError, langOf } from "../errors.ts";
import { loginPage, safeNext } from "../pages/loginPage.ts";
import { shellUser, unitNameOf } from "../pages/portalLayout.ts";
import { signOutPage } from "../pages/signOutPage.ts";
import type { ServerContext } from "../serverContext.ts";
import { createSession, endSession, readCookie, SESSION_COOKIE } from "../sessions.ts";
import { actorName, principalOf, type Role } from "../tokens.ts";

const BAD_TOKEN = {
  zh: "访问令牌无效或已被撤销，请核对后重试。",
  en: "The access token is not valid or has been revoked; check it and try again.",
};

/** Where a role's work is, for a sign-in that asked for no page. */
function homeOf(role: Role, lang: "zh" | "en"): string {
  const portal = { town: "/upload", analyst: "/sql", admin: "/admin" } as Partial<Record<Role, string>>;
  const page = portal[role];
  if (!page) return lang === "en" ? "/en/" : "/";
  return lang === "en" ? `${page}?lang=en` : page;
}

/** The page a sign-in asked to return to, or null when it asked for none. */
function askedNext(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? safeNext(value) : null;
}

function wantsHtml(req: Request): boolean {
  return !req.is("application/json") && req.accepts(["json", "html"]) === "html";
}

export function sessionRouter(ctx: ServerContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: "16kb" });
  const json = express.json({ limit: "16kb" });

  router.get("/login", (req, res) => {
    res.type("html").send(loginPage({ lang: langOf(req), next: askedNext(req.query.next) }));
  });

  router.post("/login", form, json, async (req: Request, res: Response) => {
    const lang = langOf(req);
    const body = (req.body ?? {}) as { token?: unknown; next?: unknown };
    const next = askedNext(body.next ?? req.query.next);
    const html = wantsHtml(req);
    // a login posted from another site's page (login CSRF) is refused; tools without Origin may sign in
    if (req.get("origin") !== undefined && !sameOrigin(req)) throw crossSiteRefused();
    const key = clientKey(req);
    const now = ctx.clock();
    const token = typeof body.token === "string" ? body.token.trim() : "";
    const found = token ? await principalOf(ctx.db, token) : null;
    if (!found) {
      const refused = failedCredential(ctx, req, res, token || null);
      await ctx.anonymousAudit.note({
        at: now,
        address: key,
        action: "login",
        result: refused ? "refused" : "failure",
        status: refused ? 429 : 401,
        code: refused ? refused.code : "bad_token",
        target: null,
        detail: { reason: token ? "bad_token" : "no_token" },
      });
      res.locals.audited = true;
      const error = refused ?? new HttpError(401, "bad_token", BAD_TOKEN.zh, BAD_TOKEN.en);
      if (!html) throw error;
      res
        .status(error.status)
        .type("html")
        .send(loginPage({ lang, next, error: refused ?? BAD_TOKEN }));
      return;
    }
    const secret = await createSession(ctx.db, found.tokenId, now, ctx.config.sessionTtlMs);
    res.cookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: req.secure,
      maxAge: ctx.config.sessionTtlMs,
    });
    await recordAudit(ctx.db, {
      at: now,
      actor: actorName(found),
      tokenId: found.tokenId,
      role: found.role,
      action: "login",
      target: null,
      result: "ok",
      detail: { ip: key },
    });
    if (html) res.redirect(303, next ?? homeOf(found.role, lang));
    else res.json({ ok: true, role: found.role, unit: found.unit, label: found.label });
  });

  router.get("/logout", (req: Request, res: Response) => {
    if (!wantsHtml(req)) {
      res.set("Allow", "POST");
      throw new HttpError(
        405,
        "method_not_allowed",
        "退出登录请用 POST /logout。",
        "Sign out with POST /logout.",
      );
    }
    const who = authOf(res)?.principal ?? null;
    const user = who && shellUser(who, unitNameOf(who, ctx.units));
    res
      .set("Cache-Control", "no-store")
      .type("html")
      .send(signOutPage(langOf(req), user));
  });

  router.post("/logout", async (req: Request, res: Response) => {
    const secret = readCookie(req.get("cookie"), SESSION_COOKIE);
    const auth = authOf(res);
    if (secret) await endSession(ctx.db, secret);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", path: "/", secure: req.secure });
    if (auth) {
      await recordAudit(ctx.db, {
        at: ctx.clock(),
        actor: actorName(auth.principal),
        tokenId: auth.principal.tokenId,
        role: auth.principal.role,
        action: "logout",
        target: null,
        result: "ok",
        detail: { ip: clientKey(req) },
      });
    }
    if (wantsHtml(req)) res.redirect(303, langOf(req) === "en" ? "/login?lang=en" : "/login");
    else res.json({ ok: true });
  });

  return router;
}
