/**
 * `POST /api/cli` `{ argv, cwd }` → `{ exitCode, stdout, stderr }`: runs a `jobtrack` command
 * inside the server, on the server's open database, for the command line on the same machine
 * (DuckDB lets one process open the file). Admitted only from a loopback address, not through a
 * proxy, and only with the header `X-Jobtrack-Local-Key` equal to the key the server wrote to
 * `<db>.server.json` (mode 0600, readable by the account that runs the server). No token is
 * needed: whoever can read that file can open the database file itself. The command line hands
 * the server its own dispatcher (`runCli`) when it starts it, and the dispatcher says whether the
 * command writes data, so the server knows what to refresh without knowing the commands.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isAbsolute } from "node:path";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import { recordAudit } from "../audit.ts";
import { roleGuard } from "../auth.ts";
import { badRequest, HttpError } from "../errors.ts";
import type { ServerContext } from "../serverContext.ts";

export const LOCAL_KEY_HEADER = "X-Jobtrack-Local-Key";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Constant-time comparison of the presented key with the server's. */
function keyMatches(presented: string | undefined, key: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(key));
}

function refused(): HttpError {
  return new HttpError(
    403,
    "local_only",
    "此接口只供本机命令行使用（需本机地址与本地密钥）。",
    "This endpoint is for the command line on this machine only (loopback address and local key required).",
  );
}

export function cliRouter(ctx: ServerContext): Router {
  const router = Router();
  const key = ctx.config.localKey;
  const runCli = ctx.config.runCli;
  if (!key || !runCli) return router;

  // the role check of this route: the machine's own command line, which acts as admin
  const localOnly: RequestHandler = (req, _res, next) => {
    const remote = req.socket.remoteAddress ?? "";
    // the same machine: a loopback address, or the server's own address when bound to one interface
    const local = LOOPBACK.has(remote) || (remote !== "" && remote === req.socket.localAddress);
    if (!local || req.get("x-forwarded-for") !== undefined || !keyMatches(req.get(LOCAL_KEY_HEADER), key)) {
      throw refused();
    }
    next();
  };

  router.post(
    "/api/cli",
    roleGuard(localOnly, "local"),
    express.json({ limit: "1mb" }),
    async (req: Request, res: Response) => {
      const body = (req.body ?? {}) as { argv?: unknown; cwd?: unknown };
      const argv = body.argv;
      if (!Array.isArray(argv) || argv.length > 10_000 || !argv.every((a) => typeof a === "string")) {
        throw badRequest("bad_argv", "argv 须为字符串数组。", "argv must be an array of strings.");
      }
      if (typeof body.cwd !== "string" || !isAbsolute(body.cwd)) {
        throw badRequest("bad_cwd", "cwd 须为绝对路径。", "cwd must be an absolute path.");
      }
      const out: string[] = [];
      const err: string[] = [];
      const { exitCode, wroteData } = await runCli({
        argv: argv as string[],
        cwd: body.cwd,
        env: { ...process.env },
        now: ctx.clock,
        stdout: (text) => out.push(text),
        stderr: (text) => err.push(text),
        hosted: { db: ctx.db, units: ctx.units, plans: ctx.plans, scheduler: ctx.config.scheduler },
      });
      await recordAudit(ctx.db, {
        at: ctx.clock(),
        actor: "cli",
        tokenId: null,
        role: "admin",
        action: "cli",
        target: String(argv[0] ?? ""),
        result: exitCode === 0 ? "ok" : "failure",
        detail: { exit_code: exitCode },
      });
      if (wroteData) ctx.config.onDataChanged?.();
      res.json({ exitCode, stdout: out.join(""), stderr: err.join("") });
    },
  );
  return router;
}
