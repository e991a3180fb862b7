/** `jobtrack sql "<query>"`: a read-only query over the analyst views, in the sandbox. */

import { say } from "../../core/lang.ts";
import { toCsv } from "../../warehouse/exportCsv.ts";
import { runSandboxed, SqlRefused } from "../../warehouse/sandbox.ts";
import { CliError, usageError } from "../cliError.ts";
import type { Command } from "../command.ts";
import { withContext } from "../context.ts";
import { formatTable } from "../table.ts";

const NUMERIC = /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/;

export const sql: Command = {
  name: "sql",
  usage: 'sql "<query>" [--format table|json|csv] [--timeout SECONDS] [--max-rows N]',
  summary: {
    zh: "只读查询分析视图（沙箱：仅视图、无文件与网络、单条语句、限时限行）",
    en: "read-only query over the analyst views (sandboxed: views only, no files or network, one statement, time and row limits)",
  },
  options: { timeout: { type: "string" }, "max-rows": { type: "string" } },
  async run(args) {
    const query = args.positionals.join(" ").trim();
    if (!query) throw usageError("请给出一条 SQL 查询。", "Give one SQL query.");
    const timeoutMs = args.flags.timeout ? Number(args.flags.timeout) * 1000 : undefined;
    const maxRows = args.flags["max-rows"] ? Number(args.flags["max-rows"]) : undefined;
    if ((timeoutMs !== undefined && !(timeoutMs > 0)) || (maxRows !== undefined && !(maxRows > 0))) {
      throw usageError(
        "--timeout 与 --max-rows 须为正数。",
        "--timeout and --max-rows must be positive numbers.",
      );
    }
    const result = await withContext(args, async (ctx) => {
      try {
        return await runSandboxed(ctx.db, query, { timeoutMs, maxRows });
      } catch (error) {
        if (error instanceof SqlRefused) throw new CliError(1, error.zh, error.en);
        throw error;
      }
    });
    const names = result.columns.map((c) => c.name);
    if (args.format === "json") args.io.stdout(`${JSON.stringify(result)}\n`);
    else if (args.format === "csv") args.io.stdout(toCsv(names, result.rows, { bom: false }));
    else {
      args.io.stdout(
        formatTable(
          names,
          result.rows,
          result.columns.map((c) => NUMERIC.test(c.type)),
        ),
      );
      args.io.stdout(
        say(
          args.lang,
          `（${result.rows.length} 行${result.truncated ? "，已截断" : ""}，${result.elapsed_ms} 毫秒）\n`,
          `(${result.rows.length} rows${result.truncated ? ", truncated" : ""}, ${result.elapsed_ms} ms)\n`,
        ),
      );
    }
    return 0;
  },
};
