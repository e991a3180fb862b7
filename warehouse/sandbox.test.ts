import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import { runSandboxed, SqlRefused } from "./sandbox.ts";

let db: Warehouse;

beforeAll(async () => {
  db = await Warehouse.open({ path: ":memory:" });
  await db.write(async (tx) => {
    await tx.run("INSERT INTO units VALUES ('A', '甲镇', 'A Town', 'town'), ('B', '乙镇', 'B Town', 'town')");
    await tx.run(
      `INSERT INTO submissions VALUES (1, 'monthly', 'a.csv', 'abc', '2022-09-01 10:00:00+08', 'clerk', 'accepted', 2,
        ['A','B'], ['2022-08'], 'csv', 'utf-8', '[]')`,
    );
    await tx.run(
      "INSERT INTO submission_unit_months VALUES (1, 'A', '2022-08', 1, 1, true), (1, 'B', '2022-08', 1, 1, true)",
    );
    await tx.run(
      "INSERT INTO facts VALUES (1, 'A', '2022-08', 'reemployed', 120, true), (1, 'B', '2022-08', 'reemployed', 80, true)",
    );
  });
});

afterAll(() => db.close());

async function refusal(sql: string, options = {}): Promise<string> {
  try {
    await runSandboxed(db, sql, options);
  } catch (error) {
    if (error instanceof SqlRefused) return error.code;
    throw error;
  }
  throw new Error(`not refused: ${sql}`);
}

describe("runSandboxed", () => {
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
      ["A", 120],
      ["B", 80],
    ]);
    expect(result.truncated).toBe(false);
  });

  it("allows CTEs, joins of views and generate_series", async () => {
    const result = await runSandboxed(
      db,
      `WITH t AS (SELECT f.unit, u.name_zh, f.value FROM v_facts f JOIN v_units u USING (unit))
       SELECT name_zh, value, (SELECT count(*) FROM generate_series(1, 3)) AS n FROM t ORDER BY value DESC`,
    );
    expect(result.rows).toEqual([
      ["甲镇", 120, 3],
      ["乙镇", 80, 3],
    ]);
  });

  it("cuts the result at the row limit and says truncated", async () => {
    const result = await runSandboxed(db, "SELECT * FROM range(10) t(i)", { maxRows: 4 });
    expect(result.rows).toEqual([[0], [1], [2], [3]]);
    expect(result.truncated).toBe(true);
  });

  it("stops a query past the time limit", async () => {
    const code = await refusal(
      "SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = -1",
      { timeoutMs: 200 },
    );
    expect(code).toBe("timeout");
  });

  it.each([
    ["file read", "SELECT * FROM read_csv('/etc/passwd')", "table_function"],
    ["replacement scan of a file", "SELECT * FROM '/etc/passwd'", "not_a_view"],
    ["read_text", "SELECT * FROM read_text('/etc/hostname')", "table_function"],
    ["query() table function", "SELECT * FROM query('DROP TABLE facts')", "table_function"],
    ["internal table", "SELECT * FROM facts", "not_a_view"],
    [
      "internal table in a subquery",
      "SELECT * FROM v_units WHERE unit IN (SELECT unit FROM submissions)",
      "not_a_view",
    ],
    ["system catalog", "SELECT * FROM information_schema.tables", "not_a_view"],
    ["settings", "SELECT * FROM duckdb_settings()", "table_function"],
    ["getenv", "SELECT getenv('HOME')", "function"],
    ["ATTACH", "ATTACH '/tmp/x.duckdb' AS x", "not_select"],
    ["COPY", "COPY (SELECT * FROM v_facts) TO '/tmp/out.csv'", "not_select"],
    ["INSTALL", "INSTALL httpfs", "not_select"],
    ["LOAD", "LOAD httpfs", "not_select"],
    ["SET", "SET enable_external_access = true", "not_select"],
    ["PRAGMA", "PRAGMA database_list", "not_select"],
    ["DDL", "CREATE TABLE x AS SELECT 1", "not_select"],
    ["DROP", "DROP VIEW v_facts", "not_select"],
    ["DML", "DELETE FROM facts", "not_select"],
    ["two statements", "SELECT 1; DROP TABLE facts", "one_statement"],
    ["syntax", "SELEC 1", "syntax"],
    ["EXPORT", "EXPORT DATABASE '/tmp/dump'", "not_select"],
    ["SHOW TABLES", "SHOW TABLES", "table_function"],
  ])("refuses %s", async (_name, sql, code) => {
    expect(await refusal(sql)).toBe(code);
  });

  it("leaves the data as it was after every refusal", async () => {
    const rows = await db.query("SELECT count(*)::INTEGER AS n FROM facts");
    expect(rows).toEqual([{ n: 2 }]);
  });

  it("refusals carry Chinese and English messages", async () => {
    try {
      await runSandboxed(db, "SELECT * FROM facts");
    } catch (error) {
      expect((error as SqlRefused).zh).toContain("只能查询这些视图");
      expect((error as SqlRefused).en).toContain("Only these views can be queried");
    }
  });
});

describe("an empty result", () => {
  it("still names its columns and their types", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    const result = await runSandboxed(db, "SELECT unit, value FROM v_facts WHERE false");
    expect(result.columns).toEqual([
      { name: "unit", type: "VARCHAR" },
      { name: "value", type: "DOUBLE" },
    ]);
    expect(result.rows).toEqual([]);
    await db.close();
  });
});
