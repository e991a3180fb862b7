/**
 * The analyst sandbox: read-only SQL over the views of CONTRACT §8 and nothing else, within time,
 * row, result-size and memory limits. This module owns the limits' defaults; the CLI and the
 * server pass only what their users chose.
 *
 * Layers, each refusing with its own clear message (warehouse/sqlRefused.ts):
 * 1. the warehouse instance runs with external access disabled, its configuration locked and a
 *    memory limit (warehouse/db.ts): no statement can touch files, the network or settings, and
 *    DuckDB's operators stay within the limit;
 * 2. exactly one statement, and it must be a SELECT (no ATTACH, COPY, INSTALL, LOAD, SET,
 *    PRAGMA, DDL or DML);
 * 3. DuckDB's own parse tree (json_serialize_sql) is checked before anything is bound: every name
 *    must resolve to a view or to a WITH name visible where it stands (warehouse/sqlAllowList.ts);
 * 4. one query at a time per warehouse (Warehouse.sandboxGate): the vectors of the chunk DuckDB
 *    is building are outside its memory limit, so what bounds them is how many queries run at
 *    once; a query waits its turn within its own time limit;
 * 5. a time limit (connection.interrupt), and the result streamed chunk by chunk, cut at the row
 *    limit (`truncated: true`) and refused past the byte limit before it becomes JavaScript values
 *    (warehouse/boundedResult.ts);
 * 6. DuckDB's errors explained in both languages (warehouse/explainDuckdbError.ts).
 */
import { type DuckDBConnection, StatementType } from "@duckdb/node-api";
import { readBounded } from "./boundedResult.ts";
import type { Value, Warehouse } from "./db.ts";
import { type ErrorContext, explainDuckdbError } from "./explainDuckdbError.ts";
import { checkAllowList } from "./sqlAllowList.ts";
import {
  busy,
  notOneStatement,
  notSelect,
  pivotWithoutValues,
  SqlRefused,
  tooLong,
  uncheckable,
} from "./sqlRefused.ts";

export { ANALYST_VIEWS } from "./sandboxPolicy.ts";
export { SqlRefused } from "./sqlRefused.ts";

export interface SandboxOptions {
  timeoutMs?: number;
  maxRows?: number;
  /** Bytes of the result as DuckDB holds it (boundedResult.ts says how they are counted). */
  maxResultBytes?: number;
}

export type SandboxLimits = Required<SandboxOptions>;

/**
 * The row limit matches CONTRACT §7; the byte limit leaves room for 100,000 rows of any view
 * (about 10 MB for v_cases, the widest) while a result and its JSON text stay well under the
 * server's memory.
 */
export const SANDBOX_DEFAULTS: SandboxLimits = {
  timeoutMs: 30_000,
  maxRows: 100_000,
  maxResultBytes: 32 * 2 ** 20,
};

/** The longest query text accepted. */
export const MAX_SQL_LENGTH = 100_000;

export function normalizeSandboxOptions(options: SandboxOptions = {}): SandboxLimits {
  return {
    timeoutMs: options.timeoutMs ?? SANDBOX_DEFAULTS.timeoutMs,
    maxRows: options.maxRows ?? SANDBOX_DEFAULTS.maxRows,
    maxResultBytes: options.maxResultBytes ?? SANDBOX_DEFAULTS.maxResultBytes,
  };
}

export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: Value[][];
  truncated: boolean;
  elapsed_ms: number;
}

export async function runSandboxed(
  db: Warehouse,
  sql: string,
  options: SandboxOptions = {},
): Promise<SqlResult> {
  const limits = normalizeSandboxOptions(options);
  if (sql.length > MAX_SQL_LENGTH) throw tooLong(MAX_SQL_LENGTH);
  const context = { dbPath: db.path, memoryLimitBytes: db.memoryLimitBytes, timeoutMs: limits.timeoutMs };
  const started = performance.now();
  const release = await db.sandboxGate.acquire(limits.timeoutMs);
  if (!release) throw busy(limits.timeoutMs);
  // the time limit counts the wait in line as well: a query answers within it, all told
  const left = Math.max(1, limits.timeoutMs - (performance.now() - started));
  let connection: DuckDBConnection;
  try {
    connection = await db.connect();
  } catch (error) {
    release();
    throw error;
  }
  let interrupted = false;
  const timer = setTimeout(() => {
    interrupted = true;
    connection.interrupt();
  }, left);
  try {
    let extracted: Awaited<ReturnType<typeof connection.extractStatements>>;
    try {
      extracted = await connection.extractStatements(sql);
    } catch (error) {
      throw explainDuckdbError(error, context);
    }
    if (extracted.count !== 1) {
      // DuckDB turns a PIVOT without IN into two statements: one reads the values to spread
      if (/^(UN)?PIVOT$/.test(firstWord(sql)) && !sql.includes(";")) throw pivotWithoutValues();
      throw notOneStatement(extracted.count);
    }
    checkAllowList(await parseTree(connection, sql, context), { maxValueBytes: limits.maxResultBytes });
    const prepared = await extracted.prepare(0);
    if (prepared.statementType !== StatementType.SELECT)
      throw notSelect(StatementType[prepared.statementType]);
    const result = await prepared.stream();
    const read = await readBounded(result, { maxRows: limits.maxRows, maxBytes: limits.maxResultBytes });
    return { ...read, elapsed_ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof SqlRefused) throw error;
    throw explainDuckdbError(interrupted ? new Error("INTERRUPT Error: Interrupted!") : error, context);
  } finally {
    clearTimeout(timer);
    connection.closeSync();
    release();
  }
}

/** DuckDB's parse tree of the statement; refuses what cannot be serialized (only SELECTs can). */
async function parseTree(connection: DuckDBConnection, sql: string, context: ErrorContext): Promise<unknown> {
  const reader = await connection.runAndReadAll("SELECT json_serialize_sql($sql::VARCHAR)::VARCHAR AS tree", {
    sql,
  });
  const tree = JSON.parse(String(reader.getRowsJS()[0][0])) as {
    error?: boolean;
    error_type?: string;
    error_message?: string;
  };
  if (!tree.error) return tree;
  if (tree.error_type === "parser") {
    throw explainDuckdbError(new Error(`Parser Error: ${tree.error_message}`), context);
  }
  if (/only select/i.test(String(tree.error_message))) {
    const word = firstWord(sql);
    throw word === "PIVOT" || word === "UNPIVOT" ? pivotWithoutValues() : notSelect(word);
  }
  throw uncheckable();
}

function firstWord(sql: string): string {
  return (
    sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()*/, "").match(/^[A-Za-z]+/)?.[0] ?? "this"
  ).toUpperCase();
}
