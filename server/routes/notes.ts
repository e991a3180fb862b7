/**
 * The units' explanations (情况说明) of a metric's status in a month (docs/contract.md §7):
 * - `POST /api/notes` (town for its own unit, admin naming the unit) `{ metric, month, text }` →
 *   201 `{ note: { unit, metric, month, text, author, at } }`; the rules are server/noteRules.ts.
 *   The new note is the one shown; earlier ones stay as history. Recorded in the audit trail
 *   (its length, never its text). A note is data the dashboard shows, so it ends like an accepted
 *   upload: the app's `onDataChanged` (a rebuild).
 * - `GET /api/notes?month=&unit=&metric=&history=1&limit=&offset=` (viewer+) → `{ notes, total,
 *   limit, offset }`, newest first; the shown notes only, or with `history=1` the replaced ones
 *   too (each with `current`).
 */
import express, { type Request, type Response, Router } from "express";
import { districtToday } from "../../core/districtTime.ts";
import { listNotes, recordNote } from "../../warehouse/notes.ts";
import { recordAudit } from "../audit.ts";
import { ALL_ROLES, principal, requireRole } from "../auth.ts";
import { badRequest } from "../errors.ts";
import { checkNote } from "../noteRules.ts";
import type { ServerContext } from "../serverContext.ts";
import { actorName } from "../tokens.ts";
import { pageNumber } from "./submissions.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function filterOf(value: unknown, name: [string, string], ok: (text: string) => boolean): string | null {
  if (value === undefined || value === "") return null;
  if (typeof value !== "string" || value.length > 100 || !ok(value)) {
    throw badRequest(
      "bad_filter",
      `筛选条件“${name[0]}”的写法有误。`,
      `The filter "${name[1]}" is not written right.`,
    );
  }
  return value;
}

export function notesRouter(ctx: ServerContext): Router {
  const router = Router();

  router.post(
    "/api/notes",
    requireRole("town", "admin"),
    express.json({ limit: "32kb" }),
    async (req: Request, res: Response) => {
      const who = principal(res);
      const now = ctx.clock();
      const spec = checkNote(req.body, {
        who,
        plans: ctx.plans,
        units: ctx.units,
        currentMonth: districtToday(now).slice(0, 7),
      });
      const author = actorName(who);
      const stored = await recordNote(ctx.db, {
        ...spec,
        author,
        role: who.role,
        tokenId: who.tokenId,
        at: now,
      });
      await recordAudit(ctx.db, {
        at: now,
        actor: author,
        tokenId: who.tokenId,
        role: who.role,
        action: "note",
        target: `${spec.unit} ${spec.metric} ${spec.month}`,
        result: "ok",
        detail: { chars: [...spec.text].length },
      });
      ctx.config.onDataChanged?.();
      const { note_id: _id, current: _current, ...note } = stored;
      res.status(201).json({ note });
    },
  );

  router.get("/api/notes", requireRole(...ALL_ROLES), async (req: Request, res: Response) => {
    const month = filterOf(req.query.month, ["月份", "month"], (m) => MONTH.test(m));
    const unit = filterOf(req.query.unit, ["单位", "unit"], (u) => ctx.units.some((x) => x.code === u));
    const metric = filterOf(req.query.metric, ["指标", "target"], (m) => /^[a-z0-9_]+$/.test(m));
    const history = req.query.history === "1" || req.query.history === "true";
    const limit = pageNumber(req.query.limit, 100, 1, 1000);
    const offset = pageNumber(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const found = await listNotes(ctx.db, { month, unit, metric, history, limit, offset });
    res.json({
      notes: found.notes.map(({ note_id: _id, ...note }) => note),
      total: found.total,
      limit,
      offset,
    });
  });

  return router;
}
