import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import {
  asciiLower,
  isAnalystView,
  isDeniedFunction,
  isSafeTableFunction,
  SAFE_TABLE_FUNCTIONS,
} from "./sandboxPolicy.ts";

async function query(sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("the sandbox's policy", () => {
  it("folds ASCII letters only, as DuckDB compares names", () => {
    expect(asciiLower("V_Facts")).toBe("v_facts");
    expect(asciiLower("to\u212aens")).toBe("to\u212aens");
    expect(isAnalystView("V_FACTS")).toBe(true);
    expect(isAnalystView("v_f\u212ccts")).toBe(false);
    expect(isSafeTableFunction("RANGE")).toBe(true);
    expect(isSafeTableFunction("read_csv")).toBe(false);
  });

  it("refuses every DuckDB macro whose body reads a table or a catalog function", async () => {
    const macros = await query(
      "SELECT DISTINCT function_name, macro_definition FROM duckdb_functions() WHERE function_type = 'macro'",
    );
    const reading = macros
      .filter(([, body]) => /\b(SELECT|FROM)\b/i.test(String(body)))
      .map(([name]) => String(name));
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.filter((name) => !isDeniedFunction(name))).toEqual([]);
  });

  it("refuses the functions that read settings, variables and sequences", () => {
    for (const name of [
      "getenv",
      "getvariable",
      "current_setting",
      "nextval",
      "currval",
      "setval",
      "duckdb_tables",
    ]) {
      expect(isDeniedFunction(name), name).toBe(true);
    }
    expect(isDeniedFunction("sum")).toBe(false);
  });

  it("allows only table functions that exist and read nothing", async () => {
    const rows = await query(
      "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type = 'table' ORDER BY 1",
    );
    const names = rows.map(([name]) => String(name));
    for (const name of SAFE_TABLE_FUNCTIONS) expect(names).toContain(name);
  });
});
