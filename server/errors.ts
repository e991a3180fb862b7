/**
 * HTTP errors and the one error middleware: every failure leaves as
 * `{ "error": { "code", "message" } }` with the right status and the message in the request's
 * language, never a stack trace; a browser asking for a page gets the same status as an HTML page
 * (`page`). Bad input (DataError) is 422, a body over the size limit 413; a
 * query the sandbox refuses or DuckDB cannot run is 400, one that ran into the time, memory or
 * result-size limit 422 (a well-formed query that cannot be answered within the limits; 413 is
 * kept for a request body too large to read), and one that could not start because other queries
 * held the database 503. Anything unexpected is a 500 with a generic message, and the details go
 * to the server's log only.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { DataError } from "../core/finding.ts";
import { type Lang, say } from "../core/lang.ts";
import { SqlRefused } from "../warehouse/sandbox.ts";
import type { RefusalKind } from "../warehouse/sqlRefused.ts";

const SQL_STATUS: Record<RefusalKind, number> = { refused: 400, failed: 400, limit: 422, busy: 503 };

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Extra fields sent beside `error` (e.g. the ingest result of a refused file). */
  readonly body?: Record<string, unknown>;
  constructor(status: number, code: string, zh: string, en: string, body?: Record<string, unknown>) {
    super(en);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.zh = zh;
    this.en = en;
    this.body = body;
  }
}

/** The language of a request: `?lang=`, else the first of zh/en in Accept-Language; defaults to zh. */
export function langOf(req: Request): Lang {
  const query = req.query?.lang;
  if (query === "en" || query === "zh") return query;
  const picked = req.acceptsLanguages("zh", "en");
  return picked === "en" ? "en" : "zh";
}

export function unauthorized(): HttpError {
  return new HttpError(
    401,
    "unauthorized",
    "需要登录：请提供访问令牌（Authorization: Bearer …）或先登录。",
    "Sign-in required: send an access token (Authorization: Bearer …) or log in first.",
  );
}

export function forbidden(
  zh = "您的角色无权执行此操作。",
  en = "Your role is not allowed to do this.",
): HttpError {
  return new HttpError(403, "forbidden", zh, en);
}

export function badRequest(code: string, zh: string, en: string): HttpError {
  return new HttpError(400, code, zh, en);
}

function notFoundError(): HttpError {
  return new HttpError(404, "not_found", "没有这个地址。", "No such address.");
}

/** Whether a request is a browser's asking for a page: outside /api/, and preferring HTML to JSON. */
export function wantsPage(req: Request): boolean {
  return !req.path.startsWith("/api/") && req.accepts(["json", "html"]) === "html";
}

function tooLarge(limitBytes: number): HttpError {
  const size =
    limitBytes >= 1024 * 1024
      ? `${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB`
      : limitBytes >= 1024
        ? `${Math.round(limitBytes / 1024)} KB`
        : `${limitBytes} B`;
  return new HttpError(
    413,
    "too_large",
    `文件或请求体超过大小上限（${size}）。`,
    `The file or request body is over the size limit (${size}).`,
  );
}

/** Maps any thrown value to an HttpError; unknown errors become a generic 500. */
function toHttpError(error: unknown, limitBytes: number): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof SqlRefused)
    return new HttpError(SQL_STATUS[error.kind], error.code, error.zh, error.en);
  if (error instanceof DataError) {
    const first = error.findings[0];
    return new HttpError(
      422,
      first?.code ?? "invalid",
      error.findings.map((f) => f.zh).join("；"),
      error.findings.map((f) => f.en).join("; "),
      { findings: error.findings },
    );
  }
  const e = error as {
    code?: unknown;
    type?: unknown;
    status?: unknown;
    name?: unknown;
    limit?: unknown;
  } | null;
  if (e?.code === "LIMIT_FILE_SIZE") return tooLarge(limitBytes);
  if (e?.type === "entity.too.large") return tooLarge(typeof e.limit === "number" ? e.limit : limitBytes);
  if (e?.name === "MulterError") {
    return badRequest(
      "bad_upload",
      "上传格式有误：请用表单字段 file 上传一个文件。",
      "Bad upload: send one file in the form field `file`.",
    );
  }
  if (e?.type === "entity.parse.failed") {
    return badRequest("bad_json", "请求体不是有效的 JSON。", "The request body is not valid JSON.");
  }
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500) {
    return badRequest("bad_request", "请求无效。", "Bad request.");
  }
  return new HttpError(
    500,
    "internal",
    "服务器内部错误，请稍后再试或联系管理员。",
    "Internal server error; try again later or ask the administrator.",
  );
}

interface ErrorHandlerOptions {
  limitBytes: number;
  /** The HTML page for a browser's request (docs/contract.md §7), or null where the JSON error is the answer. */
  page?: (req: Request, res: Response, error: HttpError) => string | null;
  /** Called for every error response (the audit of refusals hangs here). */
  onError?: (req: Request, res: Response, error: HttpError) => Promise<void> | void;
  /** Where unexpected errors are logged; defaults to console.error. */
  log?: (message: string) => void;
}

export function errorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  const log = options.log ?? ((message: string) => console.error(message));
  return async function handleError(error, req, res, _next) {
    const http = toHttpError(error, options.limitBytes);
    if (http.status >= 500)
      log(`jobtrack server: ${req.method} ${req.path}: ${(error as Error)?.stack ?? String(error)}`);
    try {
      await options.onError?.(req, res, http);
    } catch (auditError) {
      log(`jobtrack server: could not record the refusal: ${String(auditError)}`);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const lang = langOf(req);
    const page = options.page?.(req, res, http) ?? null;
    if (page !== null) {
      res.status(http.status).set("Cache-Control", "no-store").type("html").send(page);
      return;
    }
    res
      .status(http.status)
      .type("application/json")
      .send(
        JSON.stringify({ ...http.body, error: { code: http.code, message: say(lang, http.zh, http.en) } }),
      );
  };
}

/** The 404 for every address nothing else answered; mounted last before the error handler. */
export const notFound: RequestHandler = () => {
  throw notFoundError();
};
