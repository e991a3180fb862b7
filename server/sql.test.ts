import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import Papa from "papaparse";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, hasStackTrace } from "./appFixture.ts";

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => done(null, Buffer.concat(chunks)));
};

describe("POST /api/sql", () => {
  let f: AppFixture;
  beforeAll(async () => {
    f = await appFixture({ sqlMaxRows: 20 });
  });
  afterAll(async () => {
    await f.db.close();
  });
  const sql = (text: string, role: "analyst" | "admin" = "analyst") =>
    request(f.app).post("/api/sql").set("Authorization", f.bearer(role)).send({ sql: text });

  it("answers { columns, rows, truncated, elapsed_ms }", async () => {
    const res = await sql("SELECT unit, name_zh FROM v_units ORDER BY unit LIMIT 2");
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual([
      { name: "unit", type: "VARCHAR" },
      { name: "name_zh", type: "VARCHAR" },
    ]);
    expect(res.body.rows).toEqual([
      ["310118001", "夏阳街道"],
      ["310118002", "盈浦街道"],
    ]);
    expect(res.body.truncated).toBe(false);
    expect(typeof res.body.elapsed_ms).toBe("number");
  });

  it("cuts at the row limit with truncated: true", async () => {
    const res = await sql("SELECT * FROM range(50)");
    expect(res.body.rows.length).toBe(20);
    expect(res.body.truncated).toBe(true);
  });

  const refusals: [string, string][] = [
    ["SELECT * FROM read_csv('/etc/passwd')", "table_function"],
    ["ATTACH '/tmp/x.duckdb' AS x", "not_select"],
    ["SELECT * FROM facts", "not_a_view"],
    ["SELECT * FROM tokens", "not_a_view"],
    ["SELECT 1; SELECT 2", "one_statement"],
    ["COPY v_units TO '/tmp/out.csv'", "not_select"],
  ];
  for (const [text, code] of refusals) {
    it(`refuses ${text} with 400 ${code}`, async () => {
      const res = await sql(text);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe("string");
      expect(hasStackTrace(res.text)).toBe(false);
    });
  }

  it("refuses a WITH name qualified with main. with 400 and the message in the asked language", async () => {
    const res = await request(f.app)
      .post("/api/sql?lang=en")
      .set("Authorization", f.bearer("analyst"))
      .send({ sql: "WITH tokens AS (SELECT 1) SELECT * FROM main.tokens" });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "not_a_view",
      message:
        "main.tokens cannot be read: only the views v_units, v_facts, v_submissions, v_cases, v_progress and v_indicators can be queried, and the WITH names of this query where they are visible. A WITH name takes no prefix: write tokens alone.",
    });
  });

  it("explains DuckDB's errors with 400, DuckDB's words below", async () => {
    const res = await sql("SELECT nope FROM v_units");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("unknown_column");
    expect(res.body.error.message.split("\n")[0]).toBe(
      "没有名为 nope 的列；用 DESCRIBE 视图名（例如 DESCRIBE v_facts）查看视图有哪些列。",
    );
    expect(res.body.error.message).toContain(
      'DuckDB 原始信息：Binder Error: Referenced column "nope" not found',
    );
  });

  it("refuses an 800 MB query with 422, and the server keeps answering", async () => {
    const res = await sql("SELECT repeat('x', 200000000) FROM range(4)");
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: "value_too_large",
      message: "函数 repeat 会生成大于 32 MB 的值，超过查询结果的上限，因此不予执行。",
    });
    expect((await request(f.app).get("/healthz")).body).toEqual({ ok: true });
  });

  it("refuses several over-large results at once with 422, each, and /healthz answers meanwhile", async () => {
    // the size comes from a subquery, so only the result's byte count can stop it: 3 × 20 MB
    const big = "SELECT repeat('x', (SELECT 20000000)) AS s FROM range(3)";
    const answers = Promise.all([sql(big), sql(big), sql(big), sql(big)]);
    const health = await request(f.app).get("/healthz");
    expect(health.status).toBe(200);
    for (const res of await answers) {
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("result_too_large");
      expect(res.body.error.message).toBe(
        "查询结果超过 32 MB 的上限，已停止读取，没有返回任何行。请只选需要的列、加 WHERE 或 LIMIT，或先汇总（GROUP BY）。",
      );
      expect(hasStackTrace(res.text)).toBe(false);
    }
    expect((await sql("SELECT 41 AS still_here")).body.rows).toEqual([[41]]);
  });

  it("a body without sql is 400; bad JSON is 400", async () => {
    expect(
      (await request(f.app).post("/api/sql").set("Authorization", f.bearer("analyst")).send({})).body.error
        .code,
    ).toBe("no_sql");
    const bad = await request(f.app)
      .post("/api/sql")
      .set("Authorization", f.bearer("analyst"))
      .type("application/json")
      .send("{nope");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_json");
    expect(hasStackTrace(bad.text)).toBe(false);
  });

  it("records every query, run or refused, in sql_history and the audit trail; history shows one's own", async () => {
    await sql("SELECT 42 AS answer", "admin");
    const history = await request(f.app).get("/api/sql/history").set("Authorization", f.bearer("analyst"));
    expect(history.status).toBe(200);
    const texts = history.body.history.map((h: { sql: string }) => h.sql);
    expect(texts).toContain("SELECT * FROM facts");
    expect(texts).not.toContain("SELECT 42 AS answer");
    const refused = history.body.history.find((h: { sql: string }) => h.sql === "SELECT * FROM facts");
    expect(refused.result).toBe("not_a_view");
    const adminHistory = await request(f.app).get("/api/sql/history").set("Authorization", f.bearer("admin"));
    expect(adminHistory.body.history.map((h: { sql: string }) => h.sql)).toEqual(["SELECT 42 AS answer"]);
    const audit = await f.db.query("SELECT * FROM audit WHERE action = 'sql'");
    expect(audit.length).toBeGreaterThan(refusals.length);
  });

  it("Accept: text/csv gives CSV that parses back, with formula cells neutralised", async () => {
    const res = await request(f.app)
      .post("/api/sql")
      .set("Authorization", f.bearer("analyst"))
      .set("Accept", "text/csv")
      .send({ sql: "SELECT unit, name_zh, '=1+1' AS f FROM v_units ORDER BY unit LIMIT 3" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const parsed = Papa.parse<string[]>(res.text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(["unit", "name_zh", "f"]);
    expect(parsed.data[1]).toEqual(["310118001", "夏阳街道", "'=1+1"]);
    expect(parsed.data.length).toBe(4);
  });

  it("Accept: application/vnd.apache.arrow.stream gives an Arrow IPC stream that parses back", async () => {
    const res = await request(f.app)
      .post("/api/sql")
      .set("Authorization", f.bearer("analyst"))
      .set("Accept", "application/vnd.apache.arrow.stream")
      .send({
        sql: "SELECT unit, count(*) AS n, 1.5::DOUBLE AS d, DATE '2022-08-31' AS day FROM v_units GROUP BY unit ORDER BY unit",
      })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const table = tableFromIPC(res.body as Buffer);
    expect(table.numRows).toBe(15);
    expect(table.schema.fields.map((x) => x.name)).toEqual(["unit", "n", "d", "day"]);
    const first = table.get(0)?.toJSON();
    expect(first?.unit).toBe("310118001");
    expect(Number(first?.n)).toBe(1);
    expect(first?.d).toBe(1.5);
  });

  it("?format=parquet gives a Parquet file that DuckDB reads back", async () => {
    const res = await request(f.app)
      .post("/api/sql?format=parquet")
      .set("Authorization", f.bearer("analyst"))
      .send({ sql: "SELECT unit, name_zh, kind FROM v_units ORDER BY unit" })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PAR1");
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-pq-"));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      writeFileSync(join(dir, "r.parquet"), bytes);
      const read = await connection.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, "r.parquet")}')`);
      expect(read.columnNames()).toEqual(["unit", "name_zh", "kind"]);
      expect(read.getRowsJS().length).toBe(15);
      expect(read.getRowsJS()[1]).toEqual(["310118002", "盈浦街道", "subdistrict"]);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("GET /api/schema (the console's schema browser)", () => {
  it("lists the analyst views and their columns; the older /api/sql/schema is gone", async () => {
    const f = await appFixture();
    try {
      expect(
        (await request(f.app).get("/api/sql/schema").set("Authorization", f.bearer("analyst"))).status,
      ).toBe(404);
      const res = await request(f.app).get("/api/schema").set("Authorization", f.bearer("analyst"));
      expect(res.status).toBe(200);
      const names = res.body.views.map((v: { name: string }) => v.name);
      expect(names).toEqual(expect.arrayContaining(["v_units", "v_facts", "v_submissions", "v_cases"]));
      expect(names).not.toContain("facts");
      const units = res.body.views.find((v: { name: string }) => v.name === "v_units");
      expect(units.columns.map((c: { name: string }) => c.name)).toEqual([
        "unit",
        "name_zh",
        "name_en",
        "kind",
      ]);
    } finally {
      await f.db.close();
    }
  });
});

describe("a refusal whose record cannot be written", () => {
  it("is still the refusal, with a line in the log saying the history misses it", async () => {
    const lines: string[] = [];
    const g = await appFixture({ log: (line) => lines.push(line) });
    // the history cannot take a row: as when the database has no memory left for it
    await g.db.write(async (tx) => {
      await tx.run("DROP TABLE sql_history");
    });
    const res = await request(g.app)
      .post("/api/sql")
      .set("Authorization", g.bearer("analyst"))
      .send({ sql: "SELECT * FROM facts" });
    // the sandbox's refusal, as every other analyst gets it
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("not_a_view");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sql history: a refused query \(not_a_view\) was not recorded: .*sql_history/);
    await g.db.close();
  });
});
