import { describe, expect, it } from "vitest";
import { explainDuckdbError } from "./explainDuckdbError.ts";

const context = {
  dbPath: "/srv/jobtrack/data/jobtrack.duckdb",
  memoryLimitBytes: 512 * 2 ** 20,
  timeoutMs: 30_000,
  maxResultBytes: 32 * 2 ** 20,
};
const explain = (message: string) => explainDuckdbError(new Error(message), context);

describe("explainDuckdbError", () => {
  it("leaves out a suggestion that names a base table, keeps DuckDB's other words", () => {
    const refused = explain(
      'Catalog Error: Table with name token does not exist!\nDid you mean "tokens"?\n\nLINE 1: SELECT * FROM token\n                      ^',
    );
    expect([refused.kind, refused.code]).toEqual(["failed", "unknown_table"]);
    expect(refused.en).toBe(
      "There is no view or WITH name called token. The views: v_units, v_facts, v_submissions, v_cases, v_progress, v_indicators.\nDuckDB said: Catalog Error: Table with name token does not exist!\n\nLINE 1: SELECT * FROM token\n                      ^",
    );
    expect(refused.zh.split("\n")[0]).toBe(
      "没有名为 token 的视图或 WITH 名称。可查询的视图：v_units、v_facts、v_submissions、v_cases、v_progress、v_indicators。",
    );
  });

  it("leaves out a suggestion of a system view, keeps one of an analyst view", () => {
    expect(
      explain('Catalog Error: Table with name v_unit does not exist!\nDid you mean "pg_views"?').en,
    ).not.toContain("pg_views");
    expect(
      explain('Catalog Error: Table with name v_unit does not exist!\nDid you mean "v_units"?').en,
    ).toContain('Did you mean "v_units"?');
  });

  it("keeps a suggested function the sandbox allows, leaves out one it refuses", () => {
    expect(
      explain('Catalog Error: Scalar Function with name sume does not exist!\nDid you mean "sum"?').en,
    ).toBe(
      'There is no function called sume.\nDuckDB said: Catalog Error: Scalar Function with name sume does not exist!\nDid you mean "sum"?',
    );
    expect(
      explain('Catalog Error: Scalar Function with name getenvv does not exist!\nDid you mean "getenv"?').en,
    ).toBe(
      "There is no function called getenvv.\nDuckDB said: Catalog Error: Scalar Function with name getenvv does not exist!",
    );
  });

  it("never shows the database's folder", () => {
    const refused = explain(
      'IO Error: Could not write "/srv/jobtrack/data/jobtrack.duckdb.tmp/spill_1.block"',
    );
    expect(refused.en).toBe(
      'The query failed.\nDuckDB said: IO Error: Could not write "….tmp/spill_1.block"',
    );
    expect(refused.zh).not.toContain("/srv/jobtrack");
  });

  it("turns DuckDB's memory limit into a limit refusal, without advice to change settings", () => {
    const refused = explain(
      "Out of Memory Error: failed to allocate data of size 32.0 MiB (500.1 MiB/512.0 MiB used)\n\nPossible solutions:\n* Increasing the memory limit (SET memory_limit='...GB')",
    );
    expect([refused.kind, refused.code]).toEqual(["limit", "out_of_memory"]);
    expect(refused.en).toBe(
      "The query needed more memory than the database allows (512 MB) and was stopped. Narrow it: a WHERE condition, fewer joins, or aggregate before sorting.\nDuckDB said: Out of Memory Error: failed to allocate data of size 32.0 MiB (500.1 MiB/512.0 MiB used)",
    );
  });

  it("the guard's error is the result's byte limit", () => {
    const refused = explain("Invalid Input Error: the result passed its byte limit");
    expect([refused.kind, refused.code]).toEqual(["limit", "result_too_large"]);
  });

  it("an interrupt is the time limit", () => {
    const refused = explain("INTERRUPT Error: Interrupted!");
    expect([refused.kind, refused.code]).toEqual(["limit", "timeout"]);
    expect(refused.zh).toBe("查询超过时间上限（30 秒）已被中止。请缩小范围（加 WHERE 条件、先汇总）后再试。");
  });
});
