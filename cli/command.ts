/**
 * What a command module exports: its name, a line of help in both languages, its own options
 * (in node:util parseArgs form) and `run`, which returns the exit code.
 */
import type { ParseArgsConfig } from "node:util";
import type { Lang } from "../core/lang.ts";
import type { RunCli } from "../server/serverContext.ts";
import type { CliIO } from "./io.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Flags = Record<string, string | boolean | string[] | undefined>;

export interface CommandArgs {
  positionals: string[];
  flags: Flags;
  lang: Lang;
  format: string | undefined;
  io: CliIO;
  /** The dispatcher a server started by this command runs handed-over command lines with (POST /api/cli). */
  runHosted?: RunCli;
}

export interface Command {
  name: string;
  usage: string;
  summary: { zh: string; en: string };
  options: Options;
  /** Whether the command works on the database; if a server holds it, the command runs there. Defaults to true. */
  usesDatabase?: boolean;
  /** Whether the command writes data the reports are made from, so a server that runs it refreshes them. */
  writesData?: boolean;
  run(args: CommandArgs): Promise<number>;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: Options = {
  db: { type: "string" },
  lang: { type: "string" },
  format: { type: "string" },
  units: { type: "string" },
  plans: { type: "string" },
  help: { type: "boolean", short: "h" },
};
