/**
 * `jobtrack serve [--port 3000] [--host 127.0.0.1] [--site dist] [--config FILE] [--trust-proxy
 * PROXY]`: the HTTP server on the database, with its scheduler (server/schedule/; `--config`
 * names its JSON or YAML file, by default jobtrack.schedule.json beside the database), until
 * SIGINT or SIGTERM. `--trust-proxy` (or JOBTRACK_TRUST_PROXY) names the reverse proxy in front,
 * whose X-Forwarded-* headers are then believed (server/trustProxy.ts). While it runs, other
 * `jobtrack` commands on this machine are carried out by the server (see cli/localServer.ts).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { siteRebuilder } from "../../dashboard/buildDashboard.ts";
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from "../../server/main.ts";
import { parseTrustProxy, TrustProxyError } from "../../server/trustProxy.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { DEFAULT_SITE_DIR, dbPath, openContext } from "../context.ts";
import { findLocalServer } from "../localServer.ts";

export const serve: Command = {
  name: "serve",
  usage:
    "serve [--port 3000] [--host 127.0.0.1] [--site dist] [--config jobtrack.schedule.json] [--trust-proxy loopback]",
  summary: {
    zh: "启动网页服务（看板、上传、分析接口）",
    en: "run the web server (dashboard, uploads, analyst API)",
  },
  options: {
    port: { type: "string" },
    host: { type: "string" },
    site: { type: "string" },
    config: { type: "string" },
    "trust-proxy": { type: "string" },
  },
  usesDatabase: false,
  async run(args) {
    const portText = (args.flags.port as string | undefined) ?? String(DEFAULT_PORT);
    const host = (args.flags.host as string | undefined) ?? DEFAULT_HOST;
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) {
      throw usageError(
        "--port 须为 0 到 65535 之间的整数。",
        "--port must be a whole number from 0 to 65535.",
      );
    }
    let trustProxy: ReturnType<typeof parseTrustProxy>;
    try {
      // without the setting no proxy is believed: the client is the socket's peer
      trustProxy = parseTrustProxy(
        (args.flags["trust-proxy"] as string | undefined) ?? args.io.env.JOBTRACK_TRUST_PROXY,
      );
    } catch (error) {
      if (error instanceof TrustProxyError) throw usageError(error.zh, error.en);
      throw error;
    }
    if (args.io.hosted) {
      throw new CliError(1, "服务已在此数据库上运行。", "A server is already running on this database.");
    }
    const running = await findLocalServer(dbPath(args));
    if (running) {
      throw new CliError(
        1,
        `服务已在此数据库上运行：${running.url}`,
        `A server is already running on this database: ${running.url}`,
      );
    }
    const siteDir = resolve(args.io.cwd, (args.flags.site as string | undefined) ?? DEFAULT_SITE_DIR);
    const configFlag = args.flags.config as string | undefined;
    // without --config, jobtrack.schedule.json (or .yaml) beside the database is read when present
    const configFile = configFlag ? resolve(args.io.cwd, configFlag) : null;
    const ctx = await openContext(args);
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(ctx, {
        host,
        port,
        siteDir,
        clock: args.io.now,
        lang: args.lang,
        say: (line) => args.io.stdout(`${line}\n`),
        app: { trustProxy, runCli: args.runHosted },
        schedule: { configFile, rebuild: siteRebuilder(ctx, siteDir, args.io.now, districtToday) },
      });
    } catch (error) {
      await ctx.db.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") {
        throw new CliError(
          1,
          `端口 ${port} 已被占用，请用 --port 换一个端口。`,
          `Port ${port} is in use; choose another with --port.`,
        );
      }
      if (code === "EADDRNOTAVAIL" || code === "EACCES") {
        throw new CliError(
          1,
          `无法在 ${host}:${port} 上监听（${code}）。`,
          `Cannot listen on ${host}:${port} (${code}).`,
        );
      }
      throw error;
    }
    if (!existsSync(join(siteDir, "index.html"))) {
      args.io.stdout(
        say(
          args.lang,
          `看板尚未生成（${siteDir} 中没有 index.html），请运行 jobtrack build。\n`,
          `The dashboard is not built yet (no index.html in ${siteDir}); run jobtrack build.\n`,
        ),
      );
    }
    await server.closed;
    return 0;
  },
};
