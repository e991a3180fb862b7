/**
 * Who is asking: `Authorization: Bearer <token>` or the `jt_session` cookie of a login. Roles go
 * viewer < town < analyst < admin, but a route names the roles it admits (an analyst reads and
 * queries everything but uploads nothing; a town uploads for its own unit only). Every route but
 * the health check and signing in and out carries a role guard (`requireRole` or another guard
 * marked with ROLE_GUARD), which a test checks by walking the app's router.
 *
 * A presented token is looked up before anything else: a valid one always passes. Only a wrong
 * one is counted (server/failureLimiter.ts), and past the budget it gets 429 instead of 401.
 * A session cookie that is unknown or expired is not a failure: the request is simply anonymous.
 *
 * Cookie-authenticated requests that change state must come from this site's own pages: their
 * Origin (or, without one, Referer) must name this site's scheme, host and port, else 403.
 * Requests with a Bearer token carry no ambient credential and are exempt.
 */
import type { Request, RequestHandler, Response } from "express";
import { forbidden, HttpError, unauthorized } from "./errors.ts";
import type { ServerContext } from "./serverContext.ts";
import { liveSession, readCookie, SESSION_COOKIE } from "./sessions.ts";
import { hashSecret, type Principal, principalOf, type Role } from "./tokens.ts";

interface Auth {
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

function tooManyAttempts(seconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new HttpError(
    429,
    "too_many_attempts",
    `登录失败次数过多（来自此地址或使用此令牌）：约 ${minutes} 分钟内，无效的令牌将被直接拒绝；有效的令牌不受影响。`,
    `Too many failed sign-ins from this address or with this token: for about ${minutes} minute${minutes === 1 ? "" : "s"}, a token that is not valid is refused outright; a valid one still works.`,
  );
}

/**
 * Counts a failed credential; the 429 to throw when its address or value is over budget (with
 * Retry-After set), else null.
 */
export function failedCredential(
  ctx: ServerContext,
  req: Request,
  res: Response,
  presented: string | null,
): HttpError | null {
  const wait = ctx.limiter.fail(clientKey(req), presented, ctx.clock().getTime());
  if (wait === 0) return null;
  res.setHeader("Retry-After", String(wait));
  return tooManyAttempts(wait);
}

export function authenticate(ctx: ServerContext): RequestHandler {
  return async function authenticate(req, res, next) {
    const header = req.get("authorization");
    if (header !== undefined) {
      const now = ctx.clock().getTime();
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const token = match?.[1] ?? null;
      const found = token
        ? await ctx.principals.get(ctx.db, `t:${hashSecret(token)}`, now, async () => {
            const principal = await principalOf(ctx.db, token);
            return principal && { principal, until: Number.POSITIVE_INFINITY };
          })
        : null;
      if (!found) {
        const refused = failedCredential(ctx, req, res, token ?? header);
        if (refused) throw refused;
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

/** The origin (scheme, host and port) an http(s) address names, or null when it names none. */
function originOf(url: string | undefined): string | null {
  if (!url || url === "null") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether the request says it came from a page of this site: its Origin (else its Referer) has
 * the scheme, host and port the request was sent to. Behind a trusted proxy the scheme and host
 * are those the proxy reports (X-Forwarded-Proto, X-Forwarded-Host), so a page served over https
 * matches only when the proxy says so.
 */
export function sameOrigin(req: Request): boolean {
  const self = req.host ? originOf(`${req.protocol}://${req.host}`) : null;
  if (!self) return false;
  const origin = req.get("origin");
  if (origin !== undefined) return originOf(origin) === self;
  return originOf(req.get("referer")) === self;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteRefused(): HttpError {
  return forbidden(
    "请求来源与本站不符（缺少或不匹配的 Origin/Referer），已拒绝。请从本站页面操作，或使用访问令牌（Bearer）。",
    "The request does not come from this site (Origin/Referer missing or foreign) and was refused. Use the site's own pages, or an access token (Bearer).",
  );
}

/** Refuses cookie-authenticated state changes that do not come from this site's pages. */
export const csrfGuard: RequestHandler = function csrfGuard(req, res, next) {
  const auth = authOf(res);
  if (auth?.via === "cookie" && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
    throw new HttpError(403, "cross_site", crossSiteRefused().zh, crossSiteRefused().en);
  }
  next();
};

/** Marks a handler as the role check of its route: the roles it admits, or "local" for the machine's own command line. */
const ROLE_GUARD = Symbol("jobtrack.roleGuard");

export type GuardedBy = readonly Role[] | "local";

/** Marks `handler` as a role guard (see ROLE_GUARD). */
export function roleGuard<T extends object>(handler: T, by: GuardedBy): T {
  Object.defineProperty(handler, ROLE_GUARD, { value: by });
  return handler;
}

/** The roles a handler admits, if it is a role guard. */
export function guardOf(handler: unknown): GuardedBy | null {
  if (typeof handler !== "function") return null;
  return ((handler as unknown as Record<symbol, GuardedBy>)[ROLE_GUARD] as GuardedBy | undefined) ?? null;
}

/** Admits only these roles: 401 without credentials, 403 for another role. */
export function requireRole(...roles: Role[]): RequestHandler {
  const allowed = new Set(roles);
  const handler: RequestHandler = (_req, res, next) => {
    const p = principal(res);
    if (!allowed.has(p.role)) throw forbidden();
    next();
  };
  return roleGuard(handler, roles);
}

export const ALL_ROLES: Role[] = ["viewer", "town", "analyst", "admin"];
