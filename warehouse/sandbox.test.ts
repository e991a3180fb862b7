import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import {
  MAX_SQL_LENGTH,
  runSandboxed,
  SANDBOX_DEFAULTS,
  type SandboxOptions,
  SqlRefused,
} from "./sandbox.ts";
import { MARKER, type MarkedWarehouse, openMarkedWarehouse } from "./sandboxFixture.ts";

let db: Warehouse;

beforeAll(async () => {
  db = await Warehouse.open({ path: ":memory:" });
  await db.write(async (tx) => {
    await tx.run("INSERT INTO units VALUES ('A', '甲镇', 'A Town', 'town'), ('B', '乙镇', 'B Town', 'town')");
    await tx.run(
      `INSERT INTO submissions VALUES (1, 'monthly', 'a.csv', 'abc', '2022-09-01 10:00:00+08', 'clerk', 'accepted', 2,
        ['A','B'], ['2022-07', '2022-08'], 'csv', 'utf-8', '[]')`,
    );
    await tx.run(
      `INSERT INTO submission_unit_months VALUES (1, 'A', '2022-07', 1, 1, true), (1, 'A', '2022-08', 1, 2, true),
        (1, 'B', '2022-07', 1, 1, true), (1, 'B', '2022-08', 1, 1, true)`,
    );
    await tx.run(
      `INSERT INTO facts VALUES (1, 'A', '2022-07', 'reemployed', 100, true), (1, 'A', '2022-08', 'reemployed', 120, true),
        (1, 'A', '2022-08', 'new_jobs', 10, true), (1, 'B', '2022-07', 'reemployed', 60, true),
        (1, 'B', '2022-08', 'reemployed', 80, true), (1, 'B', '2022-06', 'reemployed', 999, false)`,
    );
  });
});

afterAll(() => db.close());

async function refusal(sql: string, options: SandboxOptions = {}, on: Warehouse = db): Promise<SqlRefused> {
  try {
    await runSandboxed(on, sql, options);
  } catch (error) {
    if (error instanceof SqlRefused) return error;
    throw error;
  }
  throw new Error(`not refused: ${sql}`);
}

describe("runSandboxed answers analyst queries over the views", () => {
  it("sums v_facts by unit", async () => {
    const result = await runSandboxed(
      db,
      "SELECT unit, sum(value) AS total FROM v_facts WHERE indicator = 'reemployed' GROUP BY 1 ORDER BY 1",
    );
    expect(result.columns).toEqual([
      { name: "unit", type: "VARCHAR" },
      { name: "total", type: "DOUBLE" },
    ]);
    expect(result.rows).toEqual([
      ["A", 220],
      ["B", 140],
    ]);
    expect(result.truncated).toBe(false);
  });

  it("joins views inside a WITH, with generate_series in a scalar subquery", async () => {
    const result = await runSandboxed(
      db,
      `WITH t AS (SELECT f.unit, u.name_zh, f.value FROM v_facts f JOIN v_units u USING (unit)
                  WHERE f.month = '2022-08' AND f.indicator = 'reemployed')
       SELECT name_zh, value, (SELECT count(*) FROM generate_series(1, 3)) AS n FROM t ORDER BY value DESC`,
    );
    expect(result.rows).toEqual([
      ["甲镇", 120, 3],
      ["乙镇", 80, 3],
    ]);
  });

  it("runs window functions: a running total per unit", async () => {
    const result = await runSandboxed(
      db,
      `SELECT unit, month, value, sum(value) OVER (PARTITION BY unit ORDER BY month) AS running
       FROM v_facts WHERE indicator = 'reemployed' ORDER BY unit, month`,
    );
    expect(result.rows).toEqual([
      ["A", "2022-07", 100, 100],
      ["A", "2022-08", 120, 220],
      ["B", "2022-07", 60, 60],
      ["B", "2022-08", 80, 140],
    ]);
  });

  it("lets a WITH name shadow a view, and a nested one read the outer one of the same name", async () => {
    // the inner v_facts is built from the outer WITH v_facts (unit A only): A's August cells, 120 + 10
    const result = await runSandboxed(
      db,
      `WITH v_facts AS (SELECT * FROM v_facts WHERE unit = 'A')
       SELECT (SELECT count(*) FROM v_facts) AS a_cells,
              (WITH v_facts AS (SELECT * FROM v_facts WHERE month = '2022-08') SELECT sum(value) FROM v_facts) AS a_august`,
    );
    expect(result.rows).toEqual([[3, 130]]);
  });

  it("runs a recursive WITH, EXISTS, IN and a lateral join over the views", async () => {
    const months = await runSandboxed(
      db,
      `WITH RECURSIVE m(n) AS (SELECT 7 UNION ALL SELECT n + 1 FROM m WHERE n < 9)
       SELECT printf('2022-%02d', n) AS month,
              (SELECT sum(value) FROM v_facts f WHERE f.month = printf('2022-%02d', n)) AS total
       FROM m WHERE EXISTS (SELECT 1 FROM v_units) AND n IN (SELECT 7 UNION SELECT 8) ORDER BY 1`,
    );
    expect(months.rows).toEqual([
      ["2022-07", 160],
      ["2022-08", 210],
    ]);
    const lateral = await runSandboxed(
      db,
      `SELECT u.unit, x.n FROM v_units u, LATERAL (SELECT count(*) AS n FROM v_facts f WHERE f.unit = u.unit) x ORDER BY 1`,
    );
    expect(lateral.rows).toEqual([
      ["A", 3],
      ["B", 2],
    ]);
  });

  it("reads main.<view>, PIVOT with its values listed, DESCRIBE and SUMMARIZE of a view", async () => {
    expect((await runSandboxed(db, "SELECT count(*) AS n FROM main.v_units")).rows).toEqual([[2]]);
    const pivot = await runSandboxed(
      db,
      "PIVOT (SELECT unit, month, value FROM v_facts WHERE indicator = 'reemployed') ON month IN ('2022-07', '2022-08') USING sum(value) ORDER BY unit",
    );
    expect(pivot.rows).toEqual([
      ["A", 100, 120],
      ["B", 60, 80],
    ]);
    const described = await runSandboxed(db, "DESCRIBE v_units");
    expect(described.rows.map((r) => r[0])).toEqual(["unit", "name_zh", "name_en", "kind"]);
    const summary = await runSandboxed(
      db,
      "SELECT column_name, min, max FROM (SUMMARIZE v_facts) WHERE column_name = 'value'",
    );
    expect(summary.rows).toEqual([["value", "10.0", "120.0"]]);
  });

  it("cuts the result at the row limit and says truncated", async () => {
    const result = await runSandboxed(db, "SELECT * FROM range(10) t(i)", { maxRows: 4 });
    expect(result.rows).toEqual([[0], [1], [2], [3]]);
    expect(result.truncated).toBe(true);
    const exact = await runSandboxed(db, "SELECT * FROM range(4) t(i)", { maxRows: 4 });
    expect(exact.truncated).toBe(false);
  });

  it("stops a query past the time limit", async () => {
    const refused = await refusal(
      "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1",
      { timeoutMs: 200 },
    );
    expect(refused.code).toBe("timeout");
    expect(refused.kind).toBe("limit");
    expect(refused.en).toBe(
      "The query ran past the time limit (0.2 s) and was stopped. Narrow it (a WHERE condition, aggregate first) and try again.",
    );
  });

  it("has one home for its defaults: 30 s, 100,000 rows, 32 MB, 100,000 characters", () => {
    expect(SANDBOX_DEFAULTS).toEqual({ timeoutMs: 30_000, maxRows: 100_000, maxResultBytes: 32 * 2 ** 20 });
    expect(MAX_SQL_LENGTH).toBe(100_000);
  });
});

describe("runSandboxed keeps a query's memory bounded", () => {
  it("refuses a constant 800 MB value before DuckDB builds it", async () => {
    const refused = await refusal("SELECT repeat('x', 200000000) FROM range(4)");
    expect([refused.kind, refused.code]).toEqual(["limit", "value_too_large"]);
    expect(refused.zh).toBe("函数 repeat 会生成大于 32 MB 的值，超过查询结果的上限，因此不予执行。");
    expect(refused.en).toBe(
      "The function repeat would build a value larger than 32 MB, over the limit of a query's result, so the query does not run.",
    );
  });

  it("stops reading a result past the byte limit, before it becomes JavaScript values", async () => {
    // 3 rows of 20 MB each: the first chunk alone is over 32 MB
    const refused = await refusal("SELECT repeat('x', (SELECT 20000000)) FROM range(3)");
    expect([refused.kind, refused.code]).toEqual(["limit", "result_too_large"]);
    expect(refused.en).toBe(
      "The query's result is over the 32 MB limit; reading stopped and no rows are returned. Select only the columns you need, add WHERE or LIMIT, or aggregate first (GROUP BY).",
    );
    // 1 KB rows: 1,000 of them (16 + 1,000 bytes each) pass a 1.1 MB limit, 2,000 do not
    const limit = { maxResultBytes: 1_100_000 };
    expect((await runSandboxed(db, "SELECT repeat('x', 1000) FROM range(1000)", limit)).rows.length).toBe(
      1000,
    );
    expect((await refusal("SELECT repeat('x', 1000) FROM range(2000)", limit)).code).toBe("result_too_large");
  });

  it("stops a value repeated by a join before DuckDB copies it into every row", async () => {
    // one 2,000-byte value joined to 2,048 rows: 2,048 × (16 + 2,000) bytes, over a 100,000-byte limit
    const refused = await refusal(
      "SELECT s FROM (SELECT repeat('x', 2000 + range::INTEGER - range::INTEGER) AS s FROM range(1)), range(2048)",
      { maxResultBytes: 100_000 },
    );
    expect([refused.kind, refused.code]).toEqual(["limit", "result_too_large"]);
    // one row of 400,000 bytes is one value, not a repeated one: it passes
    const one = await runSandboxed(db, "SELECT repeat('x', 400000 + range::INTEGER) AS s FROM range(1)");
    expect(String(one.rows[0][0]).length).toBe(400_000);
  });

  it("answers with the query's own columns, names repeated or not, in its own order", async () => {
    const result = await runSandboxed(
      db,
      "SELECT unit AS a, month AS a FROM v_facts ORDER BY month DESC, unit LIMIT 3;",
    );
    expect(result.columns).toEqual([
      { name: "a", type: "VARCHAR" },
      { name: "a", type: "VARCHAR" },
    ]);
    expect(result.rows).toEqual([
      ["A", "2022-08"],
      ["A", "2022-08"],
      ["B", "2022-08"],
    ]);
  });

  it("counts only the rows kept under the row limit", async () => {
    const result = await runSandboxed(db, "SELECT repeat('x', 1000) FROM range(5000)", {
      maxRows: 10,
      maxResultBytes: 20_000,
    });
    expect(result.rows.length).toBe(10);
    expect(result.truncated).toBe(true);
  });

  it("answers DuckDB's own memory limit with a clear refusal", async () => {
    const small = await Warehouse.open({ path: ":memory:", memoryLimitBytes: 64 * 2 ** 20 });
    try {
      const refused = await refusal(
        "SELECT length(string_agg(CAST(range AS VARCHAR), ',')) FROM range(30000000)",
        {},
        small,
      );
      expect([refused.kind, refused.code]).toEqual(["limit", "out_of_memory"]);
      expect(refused.zh).toMatch(
        /^查询所需内存超过数据库的上限（64 MB），已被中止。请缩小范围：加 WHERE 条件、减少连接，或先汇总再排序。\nDuckDB 原始信息：Out of Memory Error: /,
      );
    } finally {
      await small.close();
    }
  });

  it("runs two queries at a time; one that cannot start within its time limit is refused as busy", async () => {
    const slowQuery = "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1";
    const slow = [1, 2].map(() => runSandboxed(db, slowQuery, { timeoutMs: 1500 }).catch((error) => error));
    const waiting = await refusal("SELECT 1", { timeoutMs: 100 });
    expect([waiting.kind, waiting.code]).toEqual(["busy", "busy"]);
    expect(waiting.en).toBe(
      "Other analyst queries kept the database busy; this one waited 0.1 s without starting. Try again shortly.",
    );
    for (const answer of await Promise.all(slow)) expect((answer as SqlRefused).code).toBe("timeout");
    expect((await runSandboxed(db, "SELECT 1 AS x")).rows).toEqual([[1]]);
  });
});

describe("runSandboxed refuses what is not a read of the views", () => {
  it.each([
    ["file read", "SELECT * FROM read_csv('/etc/passwd')", "table_function"],
    ["replacement scan of a file", "SELECT * FROM '/etc/passwd'", "not_a_view"],
    ["read_text", "SELECT * FROM read_text('/etc/hostname')", "table_function"],
    ["query() table function", "SELECT * FROM query('DROP TABLE facts')", "table_function"],
    ["query_table()", "SELECT * FROM query_table('tokens')", "table_function"],
    ["internal table", "SELECT * FROM facts", "not_a_view"],
    [
      "internal table in a subquery",
      "SELECT * FROM v_units WHERE unit IN (SELECT unit FROM submissions)",
      "not_a_view",
    ],
    [
      "internal table in a table function's argument",
      "SELECT * FROM range((SELECT count(*) FROM tokens))",
      "not_a_view",
    ],
    [
      "internal table in a lateral join",
      "SELECT * FROM v_units, LATERAL (SELECT * FROM tokens)",
      "not_a_view",
    ],
    ["system catalog", "SELECT * FROM information_schema.tables", "not_a_view"],
    ["pg_catalog", "SELECT * FROM pg_catalog.pg_tables", "not_a_view"],
    ["sqlite_master", "SELECT * FROM sqlite_master", "not_a_view"],
    ["a view under another catalog", "SELECT * FROM memory.main.v_units", "not_a_view"],
    ["settings", "SELECT * FROM duckdb_settings()", "table_function"],
    ["getenv", "SELECT getenv('HOME')", "function"],
    ["current_setting", "SELECT current_setting('memory_limit')", "function"],
    ["getvariable", "SELECT getvariable('x')", "function"],
    ["a catalog macro", "SELECT pg_get_viewdef(1)", "function"],
    ["the planner on a string", "SELECT json_serialize_plan('SELECT * FROM tokens')", "function"],
    ["a parameter", "SELECT $1", "parameter"],
    ["a named parameter", "SELECT * FROM v_facts WHERE value = $v", "parameter"],
    ["reading as of a version", "SELECT * FROM v_facts AT (VERSION => 1)", "at_clause"],
    ["SHOW TABLES", "SHOW TABLES", "show"],
    ["SUMMARIZE of a table", "SUMMARIZE tokens", "not_a_view"],
    ["DESCRIBE of a table", "DESCRIBE sessions", "not_a_view"],
    ["PIVOT of a table", "PIVOT tokens ON role IN ('admin') USING count(*)", "not_a_view"],
    ["PIVOT without its values", "PIVOT v_facts ON indicator USING sum(value)", "pivot_values"],
    ["COLUMNS(*) of a table", "SELECT COLUMNS(*) FROM tokens", "not_a_view"],
    ["ATTACH", "ATTACH '/tmp/x.duckdb' AS x", "not_select"],
    ["COPY", "COPY (SELECT * FROM v_facts) TO '/tmp/out.csv'", "not_select"],
    ["INSTALL", "INSTALL httpfs", "not_select"],
    ["LOAD", "LOAD httpfs", "not_select"],
    ["SET", "SET enable_external_access = true", "not_select"],
    ["SET VARIABLE", "SET VARIABLE x = 1", "not_select"],
    ["PRAGMA", "PRAGMA database_list", "not_select"],
    ["CALL", "CALL pragma_version()", "not_select"],
    ["EXPLAIN", "EXPLAIN SELECT 1", "not_select"],
    ["DDL", "CREATE TABLE x AS SELECT 1", "not_select"],
    ["DROP", "DROP VIEW v_facts", "not_select"],
    ["DML", "DELETE FROM facts", "not_select"],
    ["two statements", "SELECT 1; DROP TABLE facts", "one_statement"],
    ["syntax", "SELEC 1", "syntax"],
    ["EXPORT", "EXPORT DATABASE '/tmp/dump'", "not_select"],
  ])("refuses %s", async (_name, sql, code) => {
    expect((await refusal(sql)).code).toBe(code);
  });

  it("refuses a query over the length limit", async () => {
    const refused = await refusal(`SELECT 1 ${" ".repeat(MAX_SQL_LENGTH)}`);
    expect(refused.en).toBe("The query is too long (100,000 characters at most).");
  });

  it("leaves the data as it was after every refusal", async () => {
    const rows = await db.query("SELECT count(*)::INTEGER AS n FROM facts");
    expect(rows).toEqual([{ n: 6 }]);
  });

  it("never puts its internal code words in a message", async () => {
    for (const sql of [
      "SELECT * FROM facts",
      "SELECT * FROM read_csv('x')",
      "SELECT 1; SELECT 2",
      "SELECT getenv('x')",
      "SHOW TABLES",
      "SELECT repeat('x', 200000000)",
      "SELECT * FROM v_facts AT (VERSION => 1)",
      "SELECT nope FROM v_units",
      "SELECT 'a'::INTEGER",
    ]) {
      const refused = await refusal(sql);
      for (const text of [refused.zh, refused.en]) {
        expect(text).not.toMatch(
          /\b(not_a_view|table_function|one_statement|not_select|too_long|value_too_large|at_clause|unknown_column|query_failed|uncheckable)\b/,
        );
      }
    }
  });
});

describe("DuckDB's errors reach the analyst explained, DuckDB's words below", () => {
  it("a missing column", async () => {
    const refused = await refusal("SELECT nope FROM v_units");
    expect([refused.kind, refused.code]).toEqual(["failed", "unknown_column"]);
    expect(refused.zh).toBe(
      `没有名为 nope 的列；用 DESCRIBE 视图名（例如 DESCRIBE v_facts）查看视图有哪些列。\nDuckDB 原始信息：Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "name_en", "name_zh", "unit"\n\nLINE 1: SELECT nope FROM v_units\n               ^`,
    );
  });

  it("a conversion", async () => {
    const refused = await refusal("SELECT 'a'::INTEGER");
    expect(refused.en).toBe(
      "A value could not be converted to the type needed, or was out of range.\nDuckDB said: Conversion Error: Could not convert string 'a' to INT32\n\nLINE 1: SELECT 'a'::INTEGER\n                  ^",
    );
  });

  it("a syntax error", async () => {
    const refused = await refusal("SELEC 1");
    expect(refused.en).toBe(
      'The SQL could not be parsed: check the spelling, commas, brackets and quotes (single quotes for text, double quotes for names).\nDuckDB said: Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^',
    );
  });

  it("v_progress is there before any report: a fresh database answers with its columns and no rows", async () => {
    const result = await runSandboxed(db, "SELECT * FROM v_progress");
    expect(result.columns.map((c) => c.name)).toEqual([
      "metric",
      "unit",
      "month",
      "actual",
      "target",
      "expected",
      "status",
    ]);
    expect(result.rows).toEqual([]);
  });
});

describe("the attacks that once read base tables", () => {
  let marked: MarkedWarehouse;
  beforeAll(async () => {
    marked = await openMarkedWarehouse();
  });
  afterAll(() => marked.close());

  const VIEWS_EN =
    "only the views v_units, v_facts, v_submissions, v_cases, v_progress and v_indicators can be queried, and the WITH names of this query where they are visible.";
  const VIEWS_ZH =
    "只能查询视图 v_units、v_facts、v_submissions、v_cases、v_progress、v_indicators，以及本查询 WITH 中定义、在该处可见的名称。";
  const SCOPE_EN =
    " A WITH name is visible only in the query it belongs to, and only after it is defined; a name defined inside a subquery (EXISTS and IN included) cannot be used outside it.";

  it.each([
    [
      "a WITH name qualified with main.",
      "WITH tokens AS (SELECT 1) SELECT * FROM main.tokens",
      `main.tokens cannot be read: ${VIEWS_EN} A WITH name takes no prefix: write tokens alone.`,
    ],
    [
      "a WITH entry reading a base table of its own name",
      "WITH sessions AS (SELECT * FROM sessions) SELECT * FROM sessions",
      `sessions cannot be read: ${VIEWS_EN}${SCOPE_EN}`,
    ],
    [
      "a WITH name declared inside EXISTS, used outside it",
      "SELECT * FROM v_units WHERE EXISTS (WITH audit AS (SELECT 1) SELECT 1) AND unit IN (SELECT actor FROM audit)",
      `audit cannot be read: ${VIEWS_EN}${SCOPE_EN}`,
    ],
    [
      "a WITH name of one branch of a UNION, used in the other",
      "(WITH sql_history AS (SELECT 1) SELECT * FROM sql_history) UNION ALL SELECT 1 FROM sql_history",
      `sql_history cannot be read: ${VIEWS_EN}${SCOPE_EN}`,
    ],
    [
      "a WITH name of a sibling subquery",
      "SELECT * FROM (WITH submissions AS (SELECT 1) SELECT 1) s, submissions",
      `submissions cannot be read: ${VIEWS_EN}${SCOPE_EN}`,
    ],
    [
      "a WITH name used before it is declared",
      "WITH a AS (SELECT * FROM facts), facts AS (SELECT 1) SELECT * FROM a",
      `facts cannot be read: ${VIEWS_EN}${SCOPE_EN}`,
    ],
    [
      "a recursive WITH naming itself in its anchor",
      "WITH RECURSIVE cases AS (SELECT * FROM cases UNION ALL SELECT * FROM cases) SELECT * FROM cases",
      `cases cannot be read: ${VIEWS_EN} A recursive WITH can refer to itself only in its recursive part, after the UNION.`,
    ],
    [
      "a WITH name with the Kelvin sign, which DuckDB does not fold to k",
      'WITH "to\u212aens" AS (SELECT 1) SELECT * FROM tokens',
      `tokens cannot be read: ${VIEWS_EN}`,
    ],
    [
      "main.duckdb_tables",
      "SELECT * FROM main.duckdb_tables",
      `main.duckdb_tables cannot be read: ${VIEWS_EN}`,
    ],
    [
      "a base table under the warehouse's catalog name",
      "WITH units AS (SELECT 1) SELECT * FROM fuzz.main.units",
      `fuzz.main.units cannot be read: ${VIEWS_EN} A WITH name takes no prefix: write units alone.`,
    ],
    [
      "the catalog table function",
      "SELECT * FROM duckdb_databases()",
      "The table function duckdb_databases is not allowed (no files, network or system information); the table functions available are range, generate_series, unnest.",
    ],
  ])("refuses %s with its message", async (_name, sql, en) => {
    const refused = await refusal(sql, {}, marked.db);
    expect(refused.en).toBe(en);
    expect(refused.zh).not.toContain(MARKER);
  });

  it("says the same in Chinese", async () => {
    const refused = await refusal("WITH tokens AS (SELECT 1) SELECT * FROM main.tokens", {}, marked.db);
    expect(refused.zh).toBe(`不能读取 main.tokens：${VIEWS_ZH}WITH 定义的名称不能加前缀：请直接写 tokens。`);
  });

  it("refuses each shape over every base table, however qualified", async () => {
    const qualifiers = [
      "",
      "main.",
      `${marked.catalog}.main.`,
      `${marked.catalog}.`,
      "memory.",
      "system.main.",
      "temp.",
    ];
    // with no qualifier, the first shape reads its own WITH name, which is allowed
    const shapes = [
      (t: string, q: string) => `WITH ${t} AS (SELECT 1) SELECT * FROM ${q || "main."}${t}`,
      (t: string, q: string) => `WITH ${t} AS (SELECT * FROM ${q}${t}) SELECT * FROM ${t}`,
      (t: string, q: string) =>
        `SELECT * FROM v_units WHERE EXISTS (WITH ${t} AS (SELECT 1) SELECT 1) AND unit IN (SELECT * FROM ${q}${t})`,
      (t: string, q: string) =>
        `WITH RECURSIVE ${t} AS (SELECT * FROM ${q}${t} UNION SELECT * FROM ${t}) SELECT * FROM ${t}`,
      (t: string, q: string) => `SELECT * FROM unnest((SELECT list(x) FROM ${q}${t} x))`,
    ];
    let tried = 0;
    for (const table of marked.baseTables) {
      for (const q of qualifiers) {
        for (const shape of shapes) {
          const sql = shape(table, q);
          const refused = await refusal(sql, {}, marked.db);
          expect(refused.code, sql).toBe("not_a_view");
          expect(`${refused.zh}${refused.en}`, sql).not.toContain(MARKER);
          tried++;
        }
      }
    }
    expect(tried).toBe(marked.baseTables.length * qualifiers.length * shapes.length);
  });
});
