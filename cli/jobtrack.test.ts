/**
 * The command line end to end through main(argv, io): real files, a real database file, output
 * captured; and the same commands handed to a running server that holds the database.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { planFileOptions } from "../metrics/loadPlans.ts";
import { parsePlan } from "../metrics/plan.ts";
import { startServer } from "../server/main.ts";
import { openContext } from "./context.ts";
import type { CliIO } from "./io.ts";
import { main, runHosted } from "./jobtrack.ts";

function capture(env: Record<string, string> = {}): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    now: () => new Date("2023-01-10T02:00:00Z"),
    env: { ...env },
    cwd: resolve("."),
  };
}

async function run(argv: string[], io = capture()) {
  const code = await main(argv, io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), "jobtrack-cli-")), "jobtrack.duckdb");

describe("jobtrack CLI", () => {
  it("ingest --format json prints one result per file and exits 1 when any is rejected", async () => {
    const db = tempDb();
    const { code, out } = await run([
      "ingest",
      "--db",
      db,
      "--format",
      "json",
      "fixtures/inputs/gbk-crlf.csv",
      "fixtures/inputs/text-in-number.csv",
    ]);
    expect(code).toBe(1);
    const results = JSON.parse(out);
    expect(results.map((r: { file: string; status: string }) => [r.file, r.status])).toEqual([
      ["gbk-crlf.csv", "accepted"],
      ["text-in-number.csv", "rejected"],
    ]);
    expect(results[0]).toMatchObject({
      kind: "monthly",
      units: ["310118001", "310118002"],
      months: ["2022-08"],
      rows: 2,
    });
    expect(results[1].errors[0]).toMatchObject({ row: 2, column: "新募集见习岗位数", code: "not_a_number" });
    expect(results[1].errors[0].message).toBe(results[1].errors[0].zh);
  });

  it("sql answers from the views; the README's query gives the right sums", async () => {
    const db = tempDb();
    await run(["ingest", "--db", db, "fixtures/inputs/gbk-crlf.csv"]);
    const { code, out } = await run([
      "sql",
      "--db",
      db,
      "--format",
      "json",
      "SELECT unit, sum(value) AS total FROM v_facts WHERE indicator='reemployed' GROUP BY 1 ORDER BY 1",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).rows).toEqual([
      ["310118001", 64],
      ["310118002", 72],
    ]);
    const csv = await run(["sql", "--db", db, "--format", "csv", "SELECT '=cmd' AS x"]);
    expect(csv.out).toBe("x\r\n'=cmd\r\n");
  });

  it("sql refusals exit 1 with a message in the chosen language", async () => {
    const db = tempDb();
    const zh = await run(["sql", "--db", db, "SELECT * FROM read_csv('/etc/passwd')"]);
    expect(zh.code).toBe(1);
    expect(zh.err).toContain("不允许使用表函数 read_csv");
    const en = await run(["sql", "--db", db, "--lang", "en", "DROP VIEW v_facts"]);
    expect(en.code).toBe(1);
    expect(en.err).toContain("Only read-only SELECT queries are allowed");
  });

  it("sql explains a refused name and an over-large value in the chosen language, with no code words", async () => {
    const db = tempDb();
    const cte = await run(["sql", "--db", db, "WITH tokens AS (SELECT 1) SELECT * FROM main.tokens"]);
    expect(cte.code).toBe(1);
    expect(cte.out).toBe("");
    expect(cte.err).toContain(
      "不能读取 main.tokens：只能查询视图 v_units、v_facts、v_submissions、v_cases、v_progress、v_indicators，以及本查询 WITH 中定义、在该处可见的名称。WITH 定义的名称不能加前缀：请直接写 tokens。",
    );
    const big = await run(["sql", "--db", db, "--lang", "en", "SELECT repeat('x', 200000000) FROM range(4)"]);
    expect(big.code).toBe(1);
    expect(big.err).toContain(
      "The function repeat would build a value larger than 32 MB, over the limit of a query's result, so the query does not run.",
    );
    for (const text of [cte.err, big.err]) expect(text).not.toMatch(/not_a_view|value_too_large|\[[a-z_]+\]/);
  });

  it("usage errors exit 2", async () => {
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run(["ingest", "--no-such-flag"])).code).toBe(2);
    expect((await run(["sql", "--lang", "fr", "SELECT 1"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(["--help"])).code).toBe(0);
  });

  it("template writes a CSV with a BOM, a row marking each column 本月数 or 期末数, and Chinese headers", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jobtrack-tpl-")), "t.csv");
    expect((await run(["template", "--out", out, "--month", "2022-08"])).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [note, header, row] = bytes.toString("utf8", 3).split("\r\n");
    expect(note.split(",").slice(1, 4)).toEqual(["", "期末数（人）", "本月数（人）"]);
    expect(header.split(",").slice(0, 4)).toEqual(["单位", "报告月份", "正规就业人数", "新增就业人数"]);
    expect(header).toContain(",2022届离校未就业高校毕业生人数,");
    expect(row.split(",").slice(0, 3)).toEqual(["", "2022-08", ""]);
  });

  it("template --month of a month no plan covers is refused", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jobtrack-tpl-")), "t.csv");
    const r = await run(["template", "--out", out, "--month", "2030-01"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("没有目标计划包含 2030-01 月");
  });

  it("plan allocate takes an official 分解表 into a plan file, naming its document as the source", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-alloc-"));
    const table = join(dir, "分解表.csv");
    writeFileSync(table, "单位,失业人员实现再就业\n夏阳,560\n盈浦,590\n");
    const out = join(dir, "qingpu-2022.yaml");
    const { code, out: text } = await run([
      "plan",
      "allocate",
      table,
      "--plan",
      "metrics/plans/qingpu-2022.yaml",
      "--out",
      out,
      "--document",
      "青就业办〔2022〕5号附件",
    ]);
    expect(code).toBe(0);
    expect(text).toContain("已将分解表《青就业办〔2022〕5号附件》写入目标计划");
    expect(text).toContain("失业人员实现再就业：2个单位，合计1,150人（全区目标5,000人）");
    expect(text).toContain("注意：失业人员实现再就业各单位分解目标合计1,150人，与全区目标5,000人不一致。");
    // the written plan names its policy and catalogue as the shipped one does, beside which they are read
    const plan = parsePlan(
      readFileSync(out, "utf8"),
      "qingpu-2022.yaml",
      planFileOptions("metrics/plans/qingpu-2022.yaml"),
    );
    expect(plan.allocations.reemployed).toEqual({ "310118001": 560, "310118002": 590 });
    expect(plan.allocationSources.reemployed).toEqual({
      kind: "assigned",
      note: {
        zh: "上级下达的分解表《青就业办〔2022〕5号附件》。",
        en: 'The official allocation table "青就业办〔2022〕5号附件".',
      },
      document: "青就业办〔2022〕5号附件",
    });
    // a table naming a unit the registry lacks changes nothing
    writeFileSync(table, "单位,失业人员实现再就业\n某某镇,1\n");
    const refused = await run([
      "plan",
      "allocate",
      table,
      "--plan",
      "metrics/plans/qingpu-2022.yaml",
      "--out",
      join(dir, "x.yaml"),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("第2行：单位名录中没有“某某镇”。");
    expect(existsSync(join(dir, "x.yaml"))).toBe(false);
  });

  it("backup then restore into a fresh database reproduces v_facts", async () => {
    const db = tempDb();
    await run(["ingest", "--db", db, "fixtures/inputs/gbk-crlf.csv", "fixtures/inputs/long-layout.csv"]);
    const dir = join(mkdtempSync(join(tmpdir(), "jobtrack-bak-")), "b");
    expect((await run(["backup", "--db", db, dir])).code).toBe(0);
    const fresh = tempDb();
    expect((await run(["restore", "--db", fresh, dir])).code).toBe(0);
    const query = ["--format", "json", "SELECT * FROM v_facts ORDER BY ALL"];
    const a = await run(["sql", "--db", db, ...query]);
    const b = await run(["sql", "--db", fresh, ...query]);
    expect(JSON.parse(b.out).rows).toEqual(JSON.parse(a.out).rows);
    expect(JSON.parse(a.out).rows.length).toBe(14);
  });

  it("beside a running server, commands run in the server against the database it holds", async () => {
    const db = tempDb();
    const io = capture();
    const ctx = await openContext({ flags: { db }, io });
    const server = await startServer(ctx, {
      port: 0,
      handleSignals: false,
      say: () => {},
      app: { runCli: runHosted },
    });
    try {
      expect(existsSync(`${db}.server.json`)).toBe(true);
      const ingested = await run(["ingest", "--db", db, "--format", "json", "fixtures/inputs/gbk-crlf.csv"]);
      expect(ingested.code).toBe(0);
      expect(JSON.parse(ingested.out)[0].status).toBe("accepted");
      const token = await run(["token", "create", "--db", db, "--role", "analyst", "--format", "json"]);
      expect(token.code).toBe(0);
      expect(JSON.parse(token.out)).toMatchObject({ role: "analyst" });
      const sum = await run([
        "sql",
        "--db",
        db,
        "--format",
        "json",
        "SELECT sum(value) AS s FROM v_facts WHERE indicator='reemployed'",
      ]);
      expect(JSON.parse(sum.out).rows).toEqual([[136]]);
      const refused = await run(["sql", "--db", db, "SELECT * FROM facts"]);
      expect(refused.code).toBe(1);
    } finally {
      await server.close();
    }
    expect(existsSync(`${db}.server.json`)).toBe(false);
  });
});
