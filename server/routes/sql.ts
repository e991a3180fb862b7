/**
 * The analyst console's API (analyst, admin):
 * - `POST /api/sql` `{ "sql" }` → `{ columns, rows, truncated, elapsed_ms }` (docs/contract.md §7), run in
 *   the sandbox of warehouse/sandbox.ts; `Accept: text/csv` (or `?format=csv`) gives CSV with
 *   formula cells neutralised, `application/vnd.apache.arrow.stream` (`?format=arrow`) an Arrow
 *   IPC stream, `application/vnd.apache.parquet` (`?format=parquet`) a Parquet file. Each query,
 *   run or refused, goes to sql_history and the audit trail.
 * - `GET /api/sql/history`: the caller's own recent queries, newest first.
 */
import express, { type Request, type Response, Router } from "express";
import type { Warehouse } from "../../warehouse/db.ts";
import { toCsv } from "../../warehouse/exportCsv.ts";
import { resultParquet } from "../../warehouse/resultParquet.ts";
import { runSandboxed, SqlRefused, type SqlResult } from "../../warehouse/sandbox.ts";
import { auditTx } from "../audit.ts";
import { principal, requireRole } from "../auth.ts";
import { badRequest, HttpError } from "../errors.ts";
import { resultArrow } from "../resultArrow.ts";
import type { ServerContext } from "../serverContext.ts";
import { type Actor, actorOf } from "../tokens.ts";
import { pageNumber } from "./submissions.ts";

const ARROW = "application/vnd.apache.arrow.stream";
const PARQUET = "application/vnd.apache.parquet";
type Format = "json" | "csv" | "arrow" | "parquet";

function formatOf(req: Request): Format {
  const asked = req.query.format;
  if (asked !== undefined) {
    if (asked === "json" || asked === "csv" || asked === "arrow" || asked === "parquet") return asked;
    throw badRequest(
      "bad_format",
      "format 须为 json、csv、arrow 或 parquet。",
      "format must be json, csv, arrow or parquet.",
    );
  }
  const accepted = req.accepts(["application/json", "text/csv", ARROW, PARQUET]);
  if (accepted === "text/csv") return "csv";
  if (accepted === ARROW) return "arrow";
  if (accepted === PARQUET) return "parquet";
  if (accepted === false) {
    throw new HttpError(
      406,
      "not_acceptable",
      "可提供的格式为 JSON、CSV、Arrow 与 Parquet。",
      "Available formats: JSON, CSV, Arrow and Parquet.",
    );
  }
  return "json";
}

async function recordQuery(
  db: Warehouse,
  entry: {
    at: Date;
    by: Actor;
    sql: string;
    rows: number | null;
    elapsedMs: number | null;
    result: string;
    format: Format;
  },
): Promise<void> {
  await db.write(async (tx) => {
    await tx.run(
      "INSERT INTO sql_history VALUES ($at::TIMESTAMPTZ, $actor, $tokenId, $sql, $rows, $elapsed, $result)",
      {
        at: entry.at.toISOString(),
        actor: entry.by.actor,
        tokenId: entry.by.tokenId,
        sql: entry.sql,
        rows: entry.rows,
        elapsed: entry.elapsedMs,
        result: entry.result,
      },
    );
    await auditTx(tx, {
      at: entry.at,
      ...entry.by,
      action: "sql",
      target: null,
      result: entry.result === "ok" ? "ok" : "refused",
      detail: {
        code: entry.result,
        rows: entry.rows,
        elapsed_ms: entry.elapsedMs,
        format: entry.format,
        length: entry.sql.length,
      },
    });
  });
}

export function sqlRouter(ctx: ServerContext): Router {
  const router = Router();
  const analyst = requireRole("analyst", "admin");

  router.post("/api/sql", analyst, express.json({ limit: "256kb" }), async (req: Request, res: Response) => {
    const who = actorOf(principal(res));
    const body = (req.body ?? {}) as { sql?: unknown };
    if (typeof body.sql !== "string" || body.sql.trim() === "") {
      throw badRequest(
        "no_sql",
        '请求体须为 JSON：{ "sql": "SELECT …" }。',
        'The body must be JSON: { "sql": "SELECT …" }.',
      );
    }
    const sql = body.sql;
    const format = formatOf(req);
    const at = ctx.clock();
    let result: SqlResult;
    try {
      result = await runSandboxed(ctx.db, sql, ctx.config.sql);
    } catch (error) {
      if (error instanceof SqlRefused) {
        // the refusal is the answer even when its record cannot be written (the database out of
        // memory under others' queries): a line in the log says the history misses it
        await recordQuery(ctx.db, {
          at,
          by: who,
          sql,
          rows: null,
          elapsedMs: null,
          result: error.code,
          format,
        }).catch((failure: unknown) =>
          ctx.config.log(`sql history: a refused query (${error.code}) was not recorded: ${String(failure)}`),
        );
      }
      throw error;
    }
    await recordQuery(ctx.db, {
      at,
      by: who,
      sql,
      rows: result.rows.length,
      elapsedMs: result.elapsed_ms,
      result: "ok",
      format,
    });
    res.setHeader("X-Truncated", String(result.truncated));
    res.setHeader("X-Elapsed-Ms", String(result.elapsed_ms));
    const names = result.columns.map((c) => c.name);
    const file = `jobtrack-query-${at.toISOString().slice(0, 10)}`;
    if (format === "csv") {
      res.attachment(`${file}.csv`).type("text/csv; charset=utf-8").send(toCsv(names, result.rows));
    } else if (format === "arrow") {
      res
        .attachment(`${file}.arrow`)
        .type(ARROW)
        .send(Buffer.from(resultArrow(result.columns, result.rows)));
    } else if (format === "parquet") {
      res
        .attachment(`${file}.parquet`)
        .type(PARQUET)
        .send(Buffer.from(await resultParquet(result.columns, result.rows)));
    } else {
      res.json(result);
    }
  });

  router.get("/api/sql/history", analyst, async (req: Request, res: Response) => {
    const who = principal(res);
    const limit = pageNumber(req.query.limit, 100, 1, 1000);
    const rows = await ctx.db.query(
      `SELECT "at", sql, rows, elapsed_ms, result FROM sql_history WHERE token_id = $id
       ORDER BY "at" DESC, rowid DESC LIMIT $limit`,
      { id: who.tokenId, limit },
    );
    res.json({ history: rows });
  });

  return router;
}
