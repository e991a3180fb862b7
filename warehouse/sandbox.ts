/**
 * The analyst sandbox: read-only SQL over the views of docs/contract.md §8 and nothing else, within time,
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
 * 4. two queries at a time per warehouse (Warehouse.sandboxGate), so the results held in
 *    JavaScript are bounded too; a query waits its turn within its own time limit;
 * 5. a time limit (connection.interrupt), and the result's bytes counted twice: inside DuckDB,
 *    before it copies a chunk into its result buffer (warehouse/resultGuard.ts), and as the chunks
 *    are streamed, before they become JavaScript values (warehouse/boundedResult.ts); the result
 *    is cut at the row limit (`truncated: true`) and refused past the byte limit;
 * 6. DuckDB's errors explained in both languages (warehouse/explainDuckdbError.ts).
 */
import {
  type DuckDBConnection,
  type DuckDBExtractedStatements,
  type DuckDBPreparedStatement,
  StatementType,
} from "@duckdb/node-api";
import { readBounded } from "./boundedResult.ts";
import type { Value, Warehouse } from "./db.ts";
import { type ErrorContext, explainDuckdbError } from "./explainDuckdbError.ts";
import { GUARD_LINES, guardedQuery } from "./resultGuard.ts";
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
 * The row limit matches docs/contract.md §7; the byte limit leaves room for 100,000 rows of any view
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
    maxRows: Math.floor(options.maxRows ?? SANDBOX_DEFAULTS.maxRows),
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
  let context: ErrorContext = {
    dbPath: db.path,
    memoryLimitBytes: db.memoryLimitBytes,
    timeoutMs: limits.timeoutMs,
    maxResultBytes: limits.maxResultBytes,
  };
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
    // a connection needs memory too: with others' queries holding it all, that is the answer
    throw explainDuckdbError(error, context);
  }
  let interrupted = false;
  const timer = setTimeout(() => {
    interrupted = true;
    connection.interrupt();
  }, left);
  try {
    const query = await checkedStatement(connection, sql, limits, context);
    if (query.statementType !== StatementType.SELECT) throw notSelect(StatementType[query.statementType]);
    const columns = Array.from({ length: query.columnCount }, (_, i) => ({
      name: query.columnName(i),
      type: query.columnType(i),
    }));
    // the query runs inside a guard that stops it once its result passes the byte limit; the
    // guarded text is checked like the analyst's own, so it runs only if it reads what theirs does
    const guarded = guardedQuery(
      sql,
      columns.map((c) => c.type),
      { maxBytes: limits.maxResultBytes, maxRows: limits.maxRows },
    );
    context = { ...context, lineOffset: GUARD_LINES };
    const result = await (await checkedStatement(connection, guarded, limits, context)).stream();
    const read = await readBounded(result, { maxRows: limits.maxRows, maxBytes: limits.maxResultBytes });
    return {
      ...read,
      columns: columns.map((c) => ({ name: c.name, type: c.type.toString() })),
      elapsed_ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (error instanceof SqlRefused) throw error;
    throw explainDuckdbError(interrupted ? new Error("INTERRUPT Error: Interrupted!") : error, context);
  } finally {
    clearTimeout(timer);
    connection.closeSync();
    release();
  }
}

/** One statement, checked against the allow-list, then prepared (bound, not run). */
async function checkedStatement(
  connection: DuckDBConnection,
  sql: string,
  limits: SandboxLimits,
  context: ErrorContext,
): Promise<DuckDBPreparedStatement> {
  let extracted: DuckDBExtractedStatements;
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
  return extracted.prepare(0);
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
