/**
 * The HTTP app (docs/contract.md §7), built apart from `listen` (server/main.ts listens). Order:
 * security headers → health, local command line → who is asking → cross-site guard → page
 * assets → one router per resource → the working pages (upload, SQL console, audit log) → the
 * dashboard → a 404 → the one error handler, which answers a browser's page with the status's page
 * in the site's frame and everyone else with the JSON error, and records every refusal (401, 403,
 * 413, 429) in the audit trail: at once for a signed-in caller, summarised per address and minute
 * for everyone else (server/anonymousAudit.ts).
 */
import express, { type Express, type Request, type Response } from "express";
import { clipText, recordAudit } from "./audit.ts";
import { authenticate, authOf, clientKey, csrfGuard } from "./auth.ts";
import { errorHandler, type HttpError, langOf, notFound, wantsPage } from "./errors.ts";
import { errorPage } from "./pages/errorPage.ts";
import { shellUser, unitNameOf } from "./pages/portalLayout.ts";
import { assetsRouter } from "./routes/assets.ts";
import { auditRouter } from "./routes/audit.ts";
import { cliRouter } from "./routes/cli.ts";
import { dashboardRouter } from "./routes/dashboard.ts";
import { healthRouter } from "./routes/health.ts";
import { jobsRouter } from "./routes/jobs.ts";
import { notesRouter } from "./routes/notes.ts";
import { pagesRouter } from "./routes/pages.ts";
import { reportRouter } from "./routes/report.ts";
import { schemaRouter } from "./routes/schema.ts";
import { sessionRouter } from "./routes/session.ts";
import { sqlRouter } from "./routes/sql.ts";
import { submissionsRouter } from "./routes/submissions.ts";
import { templateRouter } from "./routes/template.ts";
import { tokensRouter } from "./routes/tokens.ts";
import { whoamiRouter } from "./routes/whoami.ts";
import { securityHeaders } from "./securityHeaders.ts";
import { type AppDeps, type ServerContext, serverContext } from "./serverContext.ts";
import { actorName } from "./tokens.ts";

export type { AppOptions } from "./serverContext.ts";

const AUDITED_REFUSALS = new Set([401, 403, 413, 429]);

const contexts = new WeakMap<Express, ServerContext>();

/**
 * Writes the summaries of anonymous refusals whose minute is over (all of them with `all`, at
 * shutdown). The server calls it on a timer; the audit routes call it before reading.
 */
export async function flushAnonymousAudit(app: Express, all = false): Promise<void> {
  const ctx = contexts.get(app);
  if (ctx) await ctx.anonymousAudit.flush(ctx.clock(), all);
}

export function createApp(deps: AppDeps): Express {
  const ctx = serverContext(deps);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", ctx.config.trustProxy);
  app.set("query parser", "simple");

  app.use(securityHeaders);
  app.use(healthRouter());
  app.use(cliRouter(ctx));
  app.use(authenticate(ctx));
  app.use(csrfGuard);
  app.use(assetsRouter());
  app.use(sessionRouter(ctx));
  app.use(submissionsRouter(ctx));
  app.use(reportRouter(ctx));
  app.use(sqlRouter(ctx));
  app.use(tokensRouter(ctx));
  app.use(auditRouter(ctx));
  app.use(templateRouter(ctx));
  app.use(notesRouter(ctx));
  app.use(jobsRouter(ctx));
  app.use(schemaRouter(ctx));
  app.use(whoamiRouter(ctx));
  app.use(pagesRouter(ctx));
  app.use(dashboardRouter(ctx));
  app.use(notFound);
  app.use(
    errorHandler({
      limitBytes: ctx.config.uploadLimitBytes,
      log: ctx.config.log,
      onError: (req, res, error) => auditRefusal(ctx, req, res, error),
      page: (req, res, error) => (wantsPage(req) ? refusalPage(ctx, req, res, error) : null),
    }),
  );
  contexts.set(app, ctx);
  return app;
}

/** A refusal as a browser sees it: the status's page in the site's frame, for whoever is signed in. */
function refusalPage(ctx: ServerContext, req: Request, res: Response, error: HttpError): string {
  const who = authOf(res)?.principal ?? null;
  const lang = langOf(req);
  return errorPage({
    lang,
    status: error.status,
    code: error.code,
    message: { zh: error.zh, en: error.en },
    user: who && shellUser(who, unitNameOf(who, ctx.units)),
    path: clipText(req.originalUrl, 200),
  });
}

async function auditRefusal(
  ctx: ServerContext,
  req: Request,
  res: Response,
  error: HttpError,
): Promise<void> {
  if (!AUDITED_REFUSALS.has(error.status) || res.locals.audited) return;
  const who = authOf(res)?.principal ?? null;
  const target = clipText(`${req.method} ${req.path}`, 200);
  if (!who) {
    await ctx.anonymousAudit.note({
      at: ctx.clock(),
      address: clientKey(req),
      action: "request",
      result: "refused",
      status: error.status,
      code: error.code,
      target,
    });
    return;
  }
  await recordAudit(ctx.db, {
    at: ctx.clock(),
    actor: actorName(who),
    tokenId: who.tokenId,
    role: who.role,
    action: "request",
    target,
    result: "refused",
    detail: { status: error.status, code: error.code, ip: clientKey(req) },
  });
}
