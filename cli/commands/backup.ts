/** `jobtrack backup <dir>` and `jobtrack restore <dir>`: Parquet export of everything, and back. */
import { resolve } from "node:path";
import { districtToday } from "../../core/districtTime.ts";
import { say } from "../../core/lang.ts";
import { refreshProgress } from "../../metrics/progressView.ts";
import { backup as backupTo, restore as restoreFrom } from "../../warehouse/parquet.ts";
import { usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { withContext } from "../context.ts";

export const backup: Command = {
  name: "backup",
  usage: "backup <dir>",
  summary: { zh: "把全部数据导出为 Parquet 备份", en: "export everything as a Parquet backup" },
  options: {},
  async run(args) {
    const [dir] = args.positionals;
    if (!dir) throw usageError("请给出备份目录。", "Name the backup folder.");
    const manifest = await withContext(args, (ctx) =>
      backupTo(ctx.db, resolve(args.io.cwd, dir), args.io.now()),
    );
    if (args.format === "json") args.io.stdout(`${JSON.stringify(manifest)}\n`);
    else {
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      args.io.stdout(
        say(
          args.lang,
          `已备份 ${manifest.tables.length} 张表、${rows} 行到 ${dir}\n`,
          `Backed up ${manifest.tables.length} tables, ${rows} rows to ${dir}\n`,
        ),
      );
    }
    return 0;
  },
};

export const restore: Command = {
  name: "restore",
  usage: "restore <dir>",
  summary: {
    zh: "用 Parquet 备份替换数据库内容（一个事务）",
    en: "replace the database's contents with a Parquet backup (one transaction)",
  },
  options: {},
  writesData: true,
  async run(args) {
    const [dir] = args.positionals;
    if (!dir) throw usageError("请给出备份目录。", "Name the backup folder.");
    const manifest = await withContext(args, async (ctx) => {
      const restored = await restoreFrom(ctx.db, resolve(args.io.cwd, dir));
      // inside a server, the server refreshes v_progress after the command (server/main.ts)
      if (!args.io.hosted) await refreshProgress(ctx.db, ctx.plans, districtToday(args.io.now()));
      return restored;
    });
    if (args.format === "json") args.io.stdout(`${JSON.stringify(manifest)}\n`);
    else {
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      args.io.stdout(say(args.lang, `已从 ${dir} 恢复 ${rows} 行\n`, `Restored ${rows} rows from ${dir}\n`));
    }
    return 0;
  },
};
