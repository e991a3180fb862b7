/**
 * Who is asking: `Authorization: Bearer <token>` or the `jt_session` cookie of a login. Roles go
 * viewer < town < analyst < admin, but a route names the roles it admits (an analyst reads and
 * queries everything but uploads nothing; a town uploads for its own unit only).
 *
 * Cookie-authenticated requests that change state must come from this site's own pages: their
 * Origin (or, without one, Referer) must name the Host they were sent to, else 403. Requests with
 * a Bearer token carry no ambient credential and are exempt.
 */
import type { Request, RequestHandler, Response } from "express";
import { forbidden, HttpError, unauthorized } from "./errors.ts";
import type { ServerContext } from "./serverContext.ts";
import { liveSession, readCookie, SESSION_COOKIE } from "./sessions.ts";
import { hashSecret, type Principal, principalOf, type Role } from "./tokens.ts";

export interface Auth {
  principal: Principal;
  via: "bearer" | "cookie";
}

/** The request's signed-in holder, if any (set by `authenticate`). */
export function authOf(res: Response): Auth | null {
  return (res.locals.auth as Auth | undefined) ?? null;
}

/** The signed-in holder; throws 401 when there is none (for routes behind `requireRole`). */
export function principal(res: Response): Principal {
  const auth = authOf(res);
  if (!auth) throw unauthorized();
  return auth.principal;
}

export function clientKey(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export function tooManyAttempts(seconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new HttpError(
    429,
    "too_many_attempts",
    `登录失败次数过多，请约 ${minutes} 分钟后再试。`,
    `Too many failed sign-ins; try again in about ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

export function authenticate(ctx: ServerContext): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
    if (header !== undefined) {
      const key = clientKey(req);
      const now = ctx.clock().getTime();
      const wait = ctx.limiter.retryAfter(key, now);
      if (wait > 0) {
        res.setHeader("Retry-After", String(wait));
        throw tooManyAttempts(wait);
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const token = match?.[1];
      const found = token
        ? await ctx.principals.get(ctx.db, `t:${hashSecret(token)}`, now, async () => {
            const principal = await principalOf(ctx.db, token);
            return principal && { principal, until: Number.POSITIVE_INFINITY };
          })
        : null;
      if (!found) {
        ctx.limiter.fail(key, now);
        throw new HttpError(
          401,
          "bad_token",
          "访问令牌无效或已被撤销。",
          "The access token is not valid or has been revoked.",
        );
      }
      res.locals.auth = { principal: found, via: "bearer" } satisfies Auth;
      next();
      return;
    }
    const secret = readCookie(req.get("cookie"), SESSION_COOKIE);
    if (secret) {
      const now = ctx.clock();
      const found = await ctx.principals.get(ctx.db, `s:${hashSecret(secret)}`, now.getTime(), () =>
        liveSession(ctx.db, secret, now),
      );
      if (found) res.locals.auth = { principal: found, via: "cookie" } satisfies Auth;
    }
    next();
  };
}

/** The host an Origin or Referer header names, or null when it names none. */
function hostOf(url: string | undefined): string | null {
  if (!url || url === "null") return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether the request says it came from a page of this site (Origin, else Referer, equals Host). */
export function sameOrigin(req: Request): boolean {
  const host = (req.get("host") ?? "").toLowerCase();
  if (!host) return false;
  const origin = req.get("origin");
  if (origin !== undefined) return hostOf(origin) === host;
  return hostOf(req.get("referer")) === host;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteRefused(): HttpError {
  return forbidden(
    "请求来源与本站不符（缺少或不匹配的 Origin/Referer），已拒绝。请从本站页面操作，或使用访问令牌（Bearer）。",
    "The request does not come from this site (Origin/Referer missing or foreign) and was refused. Use the site's own pages, or an access token (Bearer).",
  );
}

/** Refuses cookie-authenticated state changes that do not come from this site's pages. */
export const csrfGuard: RequestHandler = (req, res, next) => {
  const auth = authOf(res);
  if (auth?.via === "cookie" && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
    throw new HttpError(403, "cross_site", crossSiteRefused().zh, crossSiteRefused().en);
  }
  next();
};

/** Admits only these roles: 401 without credentials, 403 for another role. */
export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set(roles);
  return (_req, res, next) => {
    const p = principal(res);
    if (!allowed.has(p.role)) throw forbidden();
    next();
  };
}

export const ALL_ROLES: Role[] = ["viewer", "town", "analyst", "admin"];
