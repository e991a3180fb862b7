/**
 * What a command module exports: its name, a line of help in both languages, its own options
 * (in node:util parseArgs form) and `run`, which returns the exit code.
 */
import type { ParseArgsConfig } from "node:util";
import type { Lang } from "../core/lang.ts";
import type { CliIO } from "./io.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;
export type Flags = Record<string, string | boolean | string[] | undefined>;

export interface CommandArgs {
  positionals: string[];
  flags: Flags;
  lang: Lang;
  format: string | undefined;
  io: CliIO;
}

export interface Command {
  name: string;
  usage: string;
  summary: { zh: string; en: string };
  options: Options;
  /** Whether the command works on the database; if a server holds it, the command runs there. Defaults to true. */
  usesDatabase?: boolean;
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
