/**
 * Output for people never carries a terminal escape sequence or a bidi override from the data:
 * `sql` tables, ingest verdicts quoting file names, error messages quoting paths. JSON and CSV
 * are the exact data.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { escapeControls } from "../server/assets/escapeControls.js";
import type { CliIO } from "./io.ts";
import { main } from "./jobtrack.ts";
import { formatTable } from "./table.ts";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    now: () => new Date("2022-09-15T02:00:00Z"),
    env: {},
    cwd: resolve("."),
  };
  const code = await main(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

/** Any C0 control but line feed, DEL, any C1 control, any bidi control. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe("escapeControls", () => {
  it("shows C0, DEL, C1 and bidi controls as escapes, and is idempotent", () => {
    expect(escapeControls("a\u001b[2Jb\u0007\u007f\u009b1m\u202eexe.txt\u2066\u200f")).toBe(
      "a\\x1b[2Jb\\x07\\x7f\\x9b1m\\u202eexe.txt\\u2066\\u200f",
    );
    expect(escapeControls("line\nnext\tcol\r")).toBe("line\\x0anext\\x09col\\x0d");
    expect(escapeControls("line\nnext\tcol\r", { keepLines: true })).toBe("line\nnext\tcol\\x0d");
    expect(escapeControls("盈浦街道 3,000 ½ é")).toBe("盈浦街道 3,000 ½ é");
    const once = escapeControls("\u001b]8;;http://evil\u0007x");
    expect(escapeControls(once)).toBe(once);
  });

  it("formatTable keeps each row on one line", () => {
    expect(formatTable(["a\u001b"], [["x\ny"], [null]])).toBe("a\\x1b\n──────\nx\\x0ay\nNULL\n");
  });
});

describe("human output of the command line", () => {
  const cell = "\u001b[2J\u001b]0;owned\u0007\u009b31mred\u202eexe.csv\r";

  it("sql prints a cell's escape sequences escaped in a table, and exactly in JSON and CSV", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-term-"));
    const db = join(dir, "jobtrack.duckdb");
    const query = `SELECT '${cell}' AS "t\u001b"`;
    const table = await run(["sql", "--db", db, query]);
    expect(table.code).toBe(0);
    expect(table.out).not.toMatch(RAW_CONTROL);
    expect(table.out).toContain("\\x1b[2J\\x1b]0;owned\\x07\\x9b31mred\\u202eexe.csv\\x0d");
    expect(table.out.split("\n")[0]).toBe("t\\x1b");

    const json = await run(["sql", "--db", db, "--format", "json", query]);
    expect(JSON.parse(json.out).rows).toEqual([[cell]]);
    const csv = await run(["sql", "--db", db, "--format", "csv", query]);
    expect(csv.out).toContain(cell);
  });

  it("ingest drops a file name's control and bidi characters, in human output and JSON alike", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-term-"));
    const db = join(dir, "jobtrack.duckdb");
    const name = join(dir, "盈浦\u001b[2J\u202ecsv.8月.csv");
    copyFileSync("fixtures/inputs/gbk-crlf.csv", name);
    const human = await run(["ingest", "--db", db, name]);
    expect(human.code).toBe(0);
    expect(human.out).toContain("盈浦[2Jcsv.8月.csv");
    expect(human.out).not.toMatch(RAW_CONTROL);
    const json = await run(["ingest", "--db", db, "--format", "json", name]);
    expect(JSON.parse(json.out)[0].file).toBe("盈浦[2Jcsv.8月.csv");
  });

  it("an error quoting a path prints it escaped on stderr", async () => {
    const missing = await run(["ingest", "--db", ":memory:", "nowhere\u001b[31m\u202e.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nowhere\\x1b[31m\\u202e.csv");
    expect(missing.err).not.toMatch(RAW_CONTROL);
  });
});
