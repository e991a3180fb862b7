import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkBytes } from "./boundedResult.ts";

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** The bytes chunkBytes counts for the first `rows` rows (all when absent) of a query's first chunk. */
async function bytes(sql: string, rows?: number): Promise<number> {
  const result = await connection.stream(sql);
  const chunk = await result.fetchChunk();
  if (!chunk) throw new Error("no chunk");
  return chunkBytes(chunk, result.columnTypes(), rows ?? chunk.rowCount);
}

describe("chunkBytes", () => {
  it("a string counts its 16-byte header and its length", async () => {
    expect(await bytes("SELECT repeat('x', 1000) FROM range(3)")).toBe(3 * (16 + 1000));
    expect(await bytes("SELECT repeat('x', 1000) FROM range(3)", 2)).toBe(2 * (16 + 1000));
    // 中 is three bytes in UTF-8
    expect(await bytes("SELECT '中文' AS s")).toBe(16 + 6);
  });

  it("a null string counts its header only", async () => {
    expect(await bytes("SELECT CASE WHEN range = 1 THEN NULL ELSE repeat('y', 20) END FROM range(3)")).toBe(
      3 * 16 + 2 * 20,
    );
  });

  it("fixed-width values count their width", async () => {
    expect(
      await bytes("SELECT range::INTEGER AS i, range::DOUBLE AS d, DATE '2022-08-31' AS day FROM range(5)"),
    ).toBe(5 * (4 + 8 + 4));
  });

  it("a list counts 16 bytes per row and its elements", async () => {
    expect(await bytes("SELECT [repeat('a', 10), repeat('b', 20)] FROM range(2)")).toBe(
      2 * (16 + 16 + 10 + 16 + 20),
    );
    expect(await bytes("SELECT MAP {'k': 'value'}")).toBe(16 + (16 + 1) + (16 + 5));
  });

  it("a struct counts its entries; an array its elements", async () => {
    expect(await bytes("SELECT {'a': 1::INTEGER, 'b': 'seventeen letters'}")).toBe(4 + 16 + 17);
    expect(await bytes("SELECT [1, 2, 3]::INTEGER[3]")).toBe(3 * 4);
  });
});
