/**
 * One consistent read of the warehouse: every query of a report runs on one connection inside one
 * transaction, so a submission committed halfway through cannot make two figures disagree. The
 * transaction is rolled back at the end, which also drops the report's temporary tables. Values
 * are converted by warehouse/db.ts; large numeric results are read column by column.
 */
import { DuckDBTypeId } from "@duckdb/node-api";
import { chunkDoubles } from "./chunkDoubles.ts";
import { columnsOf, type Params, type Row, rowsOf, type Value, type Warehouse } from "./db.ts";

/** Only the parameters a statement names (DuckDB refuses a binding the SQL does not use). */
export function paramsFor(sql: string, params: Params | undefined): Params | undefined {
  if (!params || Array.isArray(params)) return params;
  const used = new Set(Array.from(sql.matchAll(/\$([A-Za-z_]\w*)/g), (m) => m[1]));
  return Object.fromEntries(Object.entries(params).filter(([name]) => used.has(name)));
}

export interface Snapshot {
  run(sql: string, params?: Params): Promise<void>;
  rows<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /** The result as named columns of equal length (cheaper than rows for large results). */
  columns(sql: string, params?: Params): Promise<Record<string, Value[]>>;
  /**
   * A numeric result chunk by chunk, for results too large for rows or columns of values: each
   * chunk's columns as Float64Arrays (null as NaN), valid only during the call: views of the
   * chunk's memory or buffers reused from one call to the next.
   */
  numbers(
    sql: string,
    params: Params | undefined,
    visit: (columns: Float64Array[], rows: number) => void,
  ): Promise<void>;
}

export async function withSnapshot<T>(db: Warehouse, fn: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  const connection = await db.connect();
  try {
    await connection.run("BEGIN TRANSACTION");
    try {
      return await fn({
        async run(sql, params) {
          await connection.run(sql, paramsFor(sql, params) as never);
        },
        async rows<R>(sql: string, params?: Params) {
          return rowsOf(await connection.runAndReadAll(sql, paramsFor(sql, params) as never)) as R[];
        },
        async columns(sql, params) {
          const result = await connection.runAndReadAll(sql, paramsFor(sql, params) as never);
          return Object.fromEntries(columnsOf(result).map((c) => [c.name, c.values]));
        },
        async numbers(sql, params, visit) {
          const result = await connection.run(sql, paramsFor(sql, params) as never);
          const count = result.columnCount;
          const buffers = Array.from({ length: count }, () => new Float64Array(0));
          const types = buffers.map((_, c) => result.columnTypeId(c));
          const columns: Float64Array[] = buffers.slice();
          // a materialized result hands its chunks out without a round trip each
          const chunks = result.chunkCount;
          for (let n = 0; n < chunks; n++) {
            const chunk = result.getChunk(n);
            const rows = chunk.rowCount;
            for (let c = 0; c < count; c++) {
              const buffer = () => {
                if (buffers[c].length < rows) buffers[c] = new Float64Array(rows);
                return buffers[c];
              };
              if (types[c] === DuckDBTypeId.DOUBLE || types[c] === DuckDBTypeId.INTEGER) {
                columns[c] = chunkDoubles(chunk, c, rows, types[c] === DuckDBTypeId.INTEGER, buffer);
                continue;
              }
              const out = buffer();
              const vector = chunk.getColumnVector(c);
              for (let i = 0; i < rows; i++) out[i] = (vector.getItem(i) as number | null) ?? Number.NaN;
              columns[c] = out;
            }
            visit(columns, rows);
          }
        },
      });
    } finally {
      await connection.run("ROLLBACK").catch(() => {});
    }
  } finally {
    connection.closeSync();
  }
}
