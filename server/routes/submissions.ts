/**
 * `POST /api/submissions` (town for its own unit, admin): one file, as the multipart field `file`
 * or as the raw body (text/csv, or a spreadsheet type, with `?name=` for the file name); answers
 * the ingest result of docs/contract.md §5: 200 when accepted or unchanged, 422 when refused.
 * `GET /api/submissions?unit=&limit=&offset=` (everyone signed in): the history with revisions,
 * newest first, each file with the report months it carried (server/submissionHistory.ts); a town
 * sees its own unit's, the others every unit's or the one `unit` names.
 */
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import multer from "multer";
import { districtTimestamp, districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { type IngestResult, ingestFile } from "../../etl/ingest.ts";
import { planPeriods } from "../../metrics/plan.ts";
import type { Value } from "../../warehouse/db.ts";
import { recordAudit } from "../audit.ts";
import { ALL_ROLES, principal, requireRole } from "../auth.ts";
import { badRequest, forbidden, langOf } from "../errors.ts";
import type { ServerContext } from "../serverContext.ts";
import { submissionHistory } from "../submissionHistory.ts";
import { actorName, type Principal } from "../tokens.ts";

const RAW_TYPES = [
  "text/csv",
  "text/plain",
  "application/csv",
  "application/octet-stream",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The uploaded file, whichever way it came. The name is cleaned where every way in meets
 * (ingestFile, etl/validate/fileName.ts); here it only gets a fallback.
 */
function uploadOf(req: Request): Upload {
  if (req.file) return { fileName: req.file.originalname || "upload.csv", bytes: req.file.buffer };
  if (Buffer.isBuffer(req.body)) {
    const xlsx = req.is("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const name = typeof req.query.name === "string" ? req.query.name : "";
    return { fileName: name || (xlsx ? "upload.xlsx" : "upload.csv"), bytes: req.body };
  }
  throw badRequest(
    "no_file",
    "没有收到文件：请用表单字段 file 上传，或以 text/csv 作为请求体发送。",
    "No file received: upload it in the form field `file`, or send it as the request body with Content-Type text/csv.",
  );
}

/**
 * The multipart reader, whose own refusals (a size over the limit, too many parts) keep their
 * meaning, while anything the form parser cannot read — a part header it finds malformed, such as
 * a file name holding a NUL byte, or a form cut short — is the sender's error: a 400 that says
 * so, never a 500 with a stack trace in the log.
 */
function readMultipart(parse: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      const e = error as { code?: unknown; name?: unknown } | undefined;
      if (!error || e?.code === "LIMIT_FILE_SIZE" || e?.name === "MulterError") return next(error);
      next(
        badRequest(
          "bad_upload",
          "无法读取上传的表单：表单格式有误（例如文件名中含有不允许的控制字符）。请检查文件名后重新上传。",
          "The upload form could not be read: it is malformed (for example, the file name holds a control character that is not allowed). Check the file name and upload again.",
        ),
      );
    });
}

/** Findings as the audit keeps them: where and what kind, no message text. */
function findingPlaces(result: IngestResult): Value[] {
  return result.errors.slice(0, 200).map((f) => ({ row: f.row, column: f.column, code: f.code }));
}

function receivedBy(p: Principal): string {
  return actorName(p);
}

export function submissionsRouter(ctx: ServerContext): Router {
  const router = Router();
  const limit = ctx.config.uploadLimitBytes;
  const multipart = readMultipart(
    multer({
      storage: multer.memoryStorage(),
      defParamCharset: "utf8",
      limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
    }).single("file"),
  );
  const raw = express.raw({ type: RAW_TYPES, limit });

  router.post(
    "/api/submissions",
    requireRole("town", "admin"),
    multipart,
    raw,
    async (req: Request, res: Response) => {
      const who = principal(res);
      const lang = langOf(req);
      const upload = uploadOf(req);
      const now = ctx.clock();
      const own = who.role === "town" ? (who.unit ?? "") : undefined;
      const result = await ingestFile(
        { db: ctx.db, units: ctx.units, periods: planPeriods(ctx.plans), today: districtToday(now), lang },
        {
          fileName: upload.fileName,
          bytes: upload.bytes,
          receivedAt: districtTimestamp(now),
          receivedBy: receivedBy(who),
        },
        { onlyUnit: own },
      );
      const otherUnit = result.errors.find((f) => f.code === "other_unit");
      if (own !== undefined && otherUnit) {
        await recordAudit(ctx.db, {
          at: now,
          actor: actorName(who),
          tokenId: who.tokenId,
          role: who.role,
          action: "upload",
          target: result.file,
          result: "refused",
          detail: { status: 403, code: "other_unit", units: result.units.filter((u) => u !== own) },
        });
        res.locals.audited = true;
        throw forbidden(otherUnit.zh, otherUnit.en);
      }
      await recordAudit(ctx.db, {
        at: now,
        actor: actorName(who),
        tokenId: who.tokenId,
        role: who.role,
        action: "upload",
        target: result.file,
        result: result.status,
        detail: {
          submission_id: result.submission_id,
          kind: result.kind,
          units: result.units,
          months: result.months,
          rows: result.rows,
          errors: findingPlaces(result),
          warnings: result.warnings.length,
        },
      });
      if (result.status === "rejected") {
        const count = result.errors.length;
        res.status(422).json({
          ...result,
          error: {
            code: "rejected",
            message: say(
              lang,
              `文件已退回，共 ${count} 个问题，整份文件未入库。`,
              `The file was refused with ${count} problem${count === 1 ? "" : "s"}; nothing of it was kept.`,
            ),
          },
        });
        return;
      }
      if (result.status === "accepted") ctx.config.onDataChanged?.();
      res.json(result);
    },
  );

  router.get("/api/submissions", requireRole(...ALL_ROLES), async (req: Request, res: Response) => {
    const who = principal(res);
    const limit = pageNumber(req.query.limit, 500, 1, 5000);
    const offset = pageNumber(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const asked = typeof req.query.unit === "string" && req.query.unit !== "" ? req.query.unit : null;
    if (asked !== null && !ctx.units.some((u) => u.code === asked)) {
      throw badRequest(
        "unknown_unit",
        `单位名录中没有单位 ${asked.slice(0, 40)}。`,
        `The unit registry has no unit ${asked.slice(0, 40)}.`,
      );
    }
    const unit = who.role === "town" ? (who.unit ?? "") : asked;
    const { submissions, total } = await submissionHistory(ctx.db, { unit, limit, offset });
    res.json({ submissions, total, limit, offset });
  });

  return router;
}

/** A paging number from the query string, within bounds; `fallback` when absent. */
export function pageNumber(value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badRequest(
      "bad_page",
      `分页参数须为 ${min} 到 ${max} 之间的整数。`,
      `Paging values must be whole numbers from ${min} to ${max}.`,
    );
  }
  return n;
}
