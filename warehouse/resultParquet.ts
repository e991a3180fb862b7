/**
 * A query result (columns with DuckDB type names, converted rows) as a Parquet file's bytes. The
 * warehouse instance has no file access, so a separate in-memory DuckDB instance rebuilds the
 * table from the values (bound as one JSON list per column and cast back to each column's type)
 * and writes the file into a private temporary folder, which is removed afterwards.
 *
 * Only plain types keep their type (numbers, booleans, text, dates and timestamps, and lists of
 * them); anything else (structs, maps, blobs …) is written as text, its JSON form.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Value } from "./db.ts";

const PLAIN =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DATE|TIMESTAMP|TIMESTAMP WITH TIME ZONE|VARCHAR|DECIMAL\(\d{1,2},\d{1,2}\))(\[\])?$/;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The SQL type a column keeps in the file: its own when plain, else VARCHAR. */
function parquetType(type: string): string {
  return PLAIN.test(type) ? type : "VARCHAR";
}

export async function resultParquet(
  columns: { name: string; type: string }[],
  rows: Value[][],
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "jobtrack-parquet-"));
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  try {
    const params: Record<string, string> = {};
    const selects = columns.map((column, i) => {
      const type = parquetType(column.type);
      const values = rows.map((row) => {
        const v = row[i];
        if (type === "VARCHAR" && v !== null && typeof v === "object") return JSON.stringify(v);
        if (type === "VARCHAR" && v !== null) return String(v);
        return v;
      });
      params[`c${i}`] = JSON.stringify(values);
      // the column as one list of its type, unnested one level (a list column stays a list)
      return `unnest(CAST(CAST($c${i} AS JSON) AS ${type}[]), max_depth := 1) AS ${quote(`c${i}`)}`;
    });
    await connection.run(`CREATE TABLE result AS SELECT ${selects.join(", ")}`, params);
    const file = join(dir, "result.parquet");
    const renamed = columns.map((column, i) => `${quote(`c${i}`)} AS ${quote(column.name)}`).join(", ");
    await connection.run(
      `COPY (SELECT ${renamed} FROM result) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    return new Uint8Array(readFileSync(file));
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
