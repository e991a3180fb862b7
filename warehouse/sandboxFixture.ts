/**
 * For the sandbox's tests: a real warehouse file made by the migrations, with a marker planted in every base table where no analyst view shows it,
 * and a twin that tells which tables a query really reads.
 *
 * The marker row of each base table carries `ZQX-<table>-<column>` in every text column, and the
 * database lies in a folder whose name holds ZQX too, so a catalog function that shows the path
 * leaks the marker as well. Flags are false, so v_facts and v_cases hide their marker rows; the
 * rows of units, submissions and progress are shown by v_units, v_submissions and v_progress,
 * which is why the fuzz test reads only v_facts and v_cases as legitimate sources.
 *
 * The twin is a plain in-memory DuckDB with every base table of the warehouse (empty) and each
 * analyst view redefined over a table of its own, `__view_<name>`. With the optimizer off, its
 * plan of a query lists every table the query reads: any scan of a table that is not a
 * `__view_` one, or of a catalog function, is a read past the views.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { Warehouse } from "./db.ts";
import { ANALYST_VIEWS } from "./sandboxPolicy.ts";

export const MARKER = "ZQX";

export interface MarkedWarehouse {
  db: Warehouse;
  /** The catalog name of the warehouse (its file name without the extension). */
  catalog: string;
  /** Every base table of the warehouse, from duckdb_tables(). */
  baseTables: string[];
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function openMarkedWarehouse(): Promise<MarkedWarehouse> {
  const dir = mkdtempSync(join(tmpdir(), `jobtrack-${MARKER}PATH-`));
  const db = await Warehouse.open({ path: join(dir, "fuzz.duckdb") });
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY 1`,
  );
  const columns = await db.query<{ table: string; name: string; type: string }>(
    `SELECT table_name AS "table", column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index`,
  );
  await db.write(async (tx) => {
    await tx.run(
      `INSERT INTO facts VALUES (1, 'A', '2022-08', 'reemployed', 120, true), (1, 'B', '2022-08', 'reemployed', 80, true)`,
    );
    await tx.run(`INSERT INTO cases VALUES (1, 'A', 'c1', 'hardship', DATE '2022-03-05', NULL, NULL, true)`);
    let n = 900_000;
    for (const { name: table } of tables) {
      const cols = columns.filter((c) => c.table === table);
      if (!cols.some((c) => c.type === "VARCHAR")) {
        throw new Error(`the base table ${table} has no text column to hold a marker; extend the fixture`);
      }
      const values = cols.map((c) => markerValue(table, c.name, c.type, n++));
      await tx.run(`INSERT INTO ${quote(table)} VALUES (${values.join(", ")})`);
    }
  });
  const [{ catalog }] = await db.query<{ catalog: string }>("SELECT current_database() AS catalog");
  return {
    db,
    catalog,
    baseTables: tables.map((t) => t.name),
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function markerValue(table: string, column: string, type: string, n: number): string {
  const text = `'${MARKER}-${table}-${column}'`;
  if (type === "VARCHAR") return text;
  if (type === "VARCHAR[]") return `[${text}]`;
  if (type === "JSON") return `'{"m": "${MARKER}-${table}-${column}"}'`;
  if (type === "BOOLEAN") return "false";
  if (/INT|DOUBLE|DECIMAL|FLOAT/.test(type)) return String(n);
  if (type === "DATE") return "DATE '2022-01-01'";
  if (type.startsWith("TIMESTAMP")) return "TIMESTAMPTZ '2022-01-01 00:00:00+00'";
  throw new Error(`no marker for ${table}.${column} of type ${type}; extend the fixture`);
}

export interface Twin {
  /** Null when the query reads only the analyst views; otherwise what else it reads. */
  readsBeyondViews(sql: string): Promise<string | null>;
  close(): void;
}

export async function openTwin(marked: MarkedWarehouse): Promise<Twin> {
  const columns = await marked.db.query<{ table: string; name: string; type: string }>(
    `SELECT table_name AS "table", column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name, column_index`,
  );
  const instance = await DuckDBInstance.create(":memory:");
  const connection: DuckDBConnection = await instance.connect();
  // the same catalog name as the warehouse, so a qualified name plans alike on both
  await connection.run(`ATTACH ':memory:' AS ${quote(marked.catalog)}`);
  await connection.run(`USE ${quote(marked.catalog)}`);
  const definition = (table: string) =>
    columns
      .filter((c) => c.table === table)
      .map((c) => `${quote(c.name)} ${c.type}`)
      .join(", ");
  for (const table of marked.baseTables)
    await connection.run(`CREATE TABLE ${quote(table)} (${definition(table)})`);
  for (const view of ANALYST_VIEWS) {
    await connection.run(`CREATE TABLE ${quote(`__view_${view}`)} (${definition(view)})`);
    await connection.run(`CREATE VIEW ${quote(view)} AS SELECT * FROM ${quote(`__view_${view}`)}`);
  }
  await connection.run("PRAGMA disable_optimizer");
  return {
    async readsBeyondViews(sql) {
      let reader: Awaited<ReturnType<typeof connection.runAndReadAll>>;
      try {
        reader = await connection.runAndReadAll(`EXPLAIN (FORMAT json) ${sql}`);
      } catch (error) {
        return `what the twin cannot plan (${String(error).split("\n")[0]})`;
      }
      const plans = reader.getRowsJS().map((row) => JSON.parse(String(row[1])));
      const reads: string[] = [];
      const visit = (node: { name?: string; extra_info?: Record<string, unknown>; children?: unknown[] }) => {
        const info = node.extra_info ?? {};
        if (typeof info.Table === "string" && !/\.__view_v_[a-z_]+$/.test(info.Table)) reads.push(info.Table);
        if (
          typeof info.Function === "string" &&
          !["RANGE", "GENERATE_SERIES", "UNNEST"].includes(info.Function)
        ) {
          reads.push(`${info.Function}()`);
        }
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      for (const plan of plans) for (const root of plan) visit(root);
      return reads.length ? reads.join(", ") : null;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
