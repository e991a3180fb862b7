/**
 * `jobtrack demo` (what `npm start` runs): a demo database from fixtures/ when there is none,
 * the dashboard built, the server started, and the URL printed with one login per role.
 * Demo logins are made anew at each start (tokens are stored only as hashes, so old ones cannot
 * be shown again); the previous demo logins are revoked.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { buildDashboard, siteRebuilder } from "../../dashboard/buildDashboard.ts";
import { loadDemo } from "../../etl/loadDemo.ts";
import { displayWidth } from "../../metrics/formatReport.ts";
import { planPeriods } from "../../metrics/plan.ts";
import { refreshProgress } from "../../metrics/progressView.ts";
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from "../../server/main.ts";
import { CLI_ACTOR, createToken, listTokens, revokeToken } from "../../server/tokens.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { dbPath, openContext, PACKAGE_ROOT } from "../context.ts";
import { findLocalServer } from "../localServer.ts";

const DEMO_TOWN = "310118002";
const ROLES = ["viewer", "town", "analyst", "admin"] as const;

export const demo: Command = {
  name: "demo",
  usage: "demo [--port 3000] [--host 127.0.0.1]",
  summary: {
    zh: "演示：载入示例数据、生成看板、启动服务，并打印网址和各角色登录令牌",
    en: "demo: load the fixture data, build the dashboard, serve it, and print the URL and a login per role",
  },
  options: { port: { type: "string" }, host: { type: "string" } },
  usesDatabase: false,
  async run(args) {
    const port = Number((args.flags.port as string | undefined) ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw usageError(
        "--port 须为 0 到 65535 之间的整数。",
        "--port must be a whole number from 0 to 65535.",
      );
    const host = (args.flags.host as string | undefined) ?? DEFAULT_HOST;
    const path = dbPath(args);
    const running = await findLocalServer(path);
    if (running)
      throw new CliError(
        1,
        `演示服务已在运行：${running.url}`,
        `The demo is already running: ${running.url}`,
      );
    const fresh = !existsSync(path);
    const ctx = await openContext(args);
    const now = args.io.now();
    const today = districtToday(now);
    try {
      const [{ n }] = await ctx.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM submissions");
      if (fresh || n === 0) {
        args.io.stdout(
          say(args.lang, `正在创建演示数据库 ${path} …\n`, `Creating the demo database ${path} …\n`),
        );
        const { results } = await loadDemo(
          { db: ctx.db, units: ctx.units, periods: planPeriods(ctx.plans), today },
          join(PACKAGE_ROOT, "fixtures", "demo"),
          (done, total) => {
            if (done % 20 === 0 || done === total)
              args.io.stdout(
                say(args.lang, `  已载入 ${done}/${total} 个文件\n`, `  loaded ${done}/${total} files\n`),
              );
          },
        );
        const refused = results.filter((r) => r.status === "rejected");
        if (refused.length)
          throw new CliError(
            1,
            `演示数据有 ${refused.length} 个文件被退回：${refused[0].file}`,
            `${refused.length} demo files were rejected: ${refused[0].file}`,
          );
        // v_progress is there before the first page opens, as after any accepted write
        await refreshProgress(ctx.db, ctx.plans, today);
      }
      const siteDir = resolve(path, "..", "site");
      // the demo's money is made up from illustrative amounts per person; its pages say so
      const built = await buildDashboard(ctx, { outDir: siteDir, now, today, demo: true });
      args.io.stdout(
        say(args.lang, `看板已生成（截至 ${built.asOf}）。\n`, `Dashboard built (as of ${built.asOf}).\n`),
      );
      for (const t of await listTokens(ctx.db)) {
        if (!t.revoked_at && t.label?.startsWith("demo-"))
          await revokeToken(ctx.db, t.token_id, now, CLI_ACTOR);
      }
      const logins: string[] = [];
      for (const role of ROLES) {
        const unit = role === "town" ? DEMO_TOWN : null;
        const created = await createToken(
          ctx.db,
          { role, unit, label: `demo-${role}` },
          ctx.units,
          now,
          CLI_ACTOR,
        );
        const who = unit ? `${role} (${ctx.units.find((u) => u.code === unit)?.name_zh ?? unit})` : role;
        logins.push(`  ${who}${" ".repeat(Math.max(1, 21 - displayWidth(who)))}${created.token}`);
      }
      const server = await startServer(ctx, {
        host,
        port,
        siteDir,
        clock: args.io.now,
        lang: args.lang,
        say: (line) => args.io.stdout(`${line}\n`),
        schedule: { rebuild: siteRebuilder(ctx, siteDir, args.io.now, districtToday, true) },
        app: { runCli: args.runHosted },
      });
      args.io.stdout(
        [
          "",
          say(
            args.lang,
            `打开 ${server.url}/login ，用下面任一令牌登录：`,
            `Open ${server.url}/login and sign in with one of these tokens:`,
          ),
          ...logins,
          say(args.lang, "按 Ctrl+C 停止。", "Press Ctrl+C to stop."),
          "",
        ].join("\n"),
      );
      await server.closed;
      return 0;
    } catch (error) {
      await ctx.db.close().catch(() => {});
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
        throw new CliError(
          1,
          `端口 ${port} 已被占用，请用 --port 换一个端口。`,
          `Port ${port} is in use; choose another with --port.`,
        );
      }
      throw error;
    }
  },
};
