/**
 * The command line: parse arguments, dispatch to one command, one top-level catch that turns
 * every error into a message in the chosen language and an exit code (0 ok, 1 rejected input or
 * failed check, 2 usage). Output for people (every format but json and csv, and everything on
 * stderr) passes through escapeControls: a cell, a file name or a path that carries a terminal
 * escape sequence or a bidi override is shown, never obeyed. JSON and CSV stay the exact data.
 */
import { parseArgs } from "node:util";
import { DataError } from "../core/finding.ts";
import { type Lang, say } from "../core/lang.ts";
import { escapeControls } from "../server/assets/escapeControls.js";
import type { HostedCommand, HostedOutcome } from "../server/serverContext.ts";
import { CliError, usageError } from "./cliError.ts";
import { type Command, GLOBAL_OPTIONS } from "./command.ts";
import { backup, restore } from "./commands/backup.ts";
import { build } from "./commands/build.ts";
import { demo } from "./commands/demo.ts";
import { ingest } from "./commands/ingest.ts";
import { jobs } from "./commands/jobs.ts";
import { plan } from "./commands/plan.ts";
import { report } from "./commands/report.ts";
import { serve } from "./commands/serve.ts";
import { sql } from "./commands/sql.ts";
import { template } from "./commands/template.ts";
import { token } from "./commands/token.ts";
import { dbPath } from "./context.ts";
import { type CliIO, processIO } from "./io.ts";

const COMMANDS: Command[] = [
  ingest,
  report,
  sql,
  build,
  template,
  plan,
  token,
  backup,
  restore,
  serve,
  demo,
  jobs,
];

function helpText(lang: Lang): string {
  const lines = [
    say(lang, "用法：jobtrack <命令> [选项]", "Usage: jobtrack <command> [options]"),
    "",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${say(lang, c.summary.zh, c.summary.en)}`),
    "",
    say(lang, "通用选项：", "Options for every command:"),
    `  --db FILE        ${say(lang, "数据库文件（默认 data/jobtrack.duckdb 或 JOBTRACK_DB）", "database file (default data/jobtrack.duckdb or JOBTRACK_DB)")}`,
    `  --lang zh|en     ${say(lang, "输出语言（默认 zh）", "output language (default zh)")}`,
    `  --format …       ${say(lang, "输出格式（如 json）", "output format (e.g. json)")}`,
    `  --units FILE     ${say(lang, "单位名录（默认 fixtures/units.csv）", "unit registry (default fixtures/units.csv)")}`,
    `  --plans DIR      ${say(lang, "目标计划目录（默认 metrics/plans）", "plans folder (default metrics/plans)")}`,
    "",
    say(
      lang,
      "退出码：0 成功，1 输入被退回或检查未通过，2 用法错误。",
      "Exit codes: 0 success, 1 rejected input or failed check, 2 usage error.",
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Text for a terminal: controls escaped, line feeds and tabs kept. */
const forPeople = (text: string) => escapeControls(text, { keepLines: true });

/** Formats whose output is data for programs, passed through exactly. */
const EXACT_FORMATS = new Set(["json", "csv"]);

export async function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  let io: CliIO = { ...given, stderr: (text) => given.stderr(forPeople(text)) };
  const envLang = io.env.JOBTRACK_LANG === "en" ? "en" : "zh";
  let lang: Lang = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : envLang;
  try {
    const [name, ...rest] = argv;
    if (!name || name === "--help" || name === "-h" || name === "help") {
      io.stdout(helpText(lang));
      return name ? 0 : 2;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw usageError(`未知命令：${name}`, `Unknown command: ${name}`);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw usageError(`参数有误：${(error as Error).message}`, `Bad arguments: ${(error as Error).message}`);
    }
    const flags = parsed.values as Record<string, string | boolean | undefined>;
    if (flags.lang !== undefined && flags.lang !== "zh" && flags.lang !== "en") {
      throw usageError("--lang 须为 zh 或 en。", "--lang must be zh or en.");
    }
    lang = (flags.lang as Lang | undefined) ?? envLang;
    if (!EXACT_FORMATS.has(String(flags.format)))
      io = { ...io, stdout: (text) => given.stdout(forPeople(text)) };
    if (flags.help) {
      io.stdout(`jobtrack ${command.usage}\n${say(lang, command.summary.zh, command.summary.en)}\n`);
      return 0;
    }
    if (command.usesDatabase !== false && !io.hosted) {
      // DuckDB lets one process hold the file: when a server holds it, the command runs there.
      const { findLocalServer, forwardToServer } = await import("./localServer.ts");
      const server = await findLocalServer(dbPath({ flags, io }));
      if (server) {
        const run = await forwardToServer(server, argv, io.cwd);
        io.stdout(run.stdout);
        io.stderr(run.stderr);
        return run.exitCode;
      }
    }
    return await command.run({
      positionals: parsed.positionals,
      flags,
      lang,
      format: flags.format as string | undefined,
      io,
      runHosted,
    });
  } catch (error) {
    return reportError(error, lang, io);
  }
}

/** Runs a command line a running server was handed (POST /api/cli), on the server's open database. */
export async function runHosted(run: HostedCommand): Promise<HostedOutcome> {
  const exitCode = await main(run.argv, {
    stdout: run.stdout,
    stderr: run.stderr,
    stderrIsTTY: false,
    stdoutIsTTY: false,
    now: run.now,
    env: run.env,
    cwd: run.cwd,
    hosted: run.hosted,
  });
  return { exitCode, wroteData: COMMANDS.find((c) => c.name === run.argv[0])?.writesData === true };
}

function reportError(error: unknown, lang: Lang, io: CliIO): number {
  if (error instanceof CliError) {
    io.stderr(`jobtrack: ${say(lang, error.zh, error.en)}\n`);
    if (error.exitCode === 2)
      io.stderr(say(lang, "运行 jobtrack --help 查看用法。\n", "Run jobtrack --help for usage.\n"));
    return error.exitCode;
  }
  if (error instanceof DataError) {
    for (const f of error.findings) {
      const where = f.row === null ? "" : say(lang, `第${f.row}行：`, `line ${f.row}: `);
      io.stderr(`jobtrack: ${where}${say(lang, f.zh, f.en)}\n`);
    }
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`jobtrack: ${say(lang, "出错：", "failed: ")}${message}\n`);
  if (io.env.JOBTRACK_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
  return 1;
}
