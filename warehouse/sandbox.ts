/**
 * The analyst sandbox: read-only SQL over the views of CONTRACT §8 and nothing else.
 *
 * Layers, each refusing with its own clear message:
 * 1. the warehouse instance itself runs with external access disabled and its configuration
 *    locked (warehouse/db.ts), so no statement can touch files, the network or settings;
 * 2. exactly one statement, and it must be a SELECT (no ATTACH, COPY, INSTALL, LOAD, SET,
 *    PRAGMA, DDL or DML);
 * 3. the parsed query (DuckDB's own parser, json_serialize_sql) may name only the views and
 *    its own CTEs, and no table functions (read_csv, query, duckdb_settings …);
 * 4. a time limit (connection.interrupt) and a row limit (streamed, cut at the limit).
 */
import { StatementType } from "@duckdb/node-api";
import { columnsOf, type Value, type Warehouse } from "./db.ts";

export const ANALYST_VIEWS = [
  "v_units",
  "v_facts",
  "v_submissions",
  "v_cases",
  "v_progress",
  "v_indicators",
] as const;

/** Table functions that only generate values and read nothing. */
const SAFE_TABLE_FUNCTIONS = new Set(["range", "generate_series", "unnest"]);
/** Scalar functions that reach outside the query's data. */
const DENIED_FUNCTIONS = new Set([
  "getenv",
  "current_setting",
  "getvariable",
  "nextval",
  "setval",
  "currval",
]);

export interface SandboxOptions {
  /** Defaults to 30 s. */
  timeoutMs?: number;
  /** Defaults to 100,000 rows. */
  maxRows?: number;
}

export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: Value[][];
  truncated: boolean;
  elapsed_ms: number;
}

/** A query the sandbox will not run, or one that failed; `code` says which rule. */
export class SqlRefused extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  constructor(code: string, zh: string, en: string) {
    super(en);
    this.name = "SqlRefused";
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

export async function runSandboxed(
  db: Warehouse,
  sql: string,
  options: SandboxOptions = {},
): Promise<SqlResult> {
  const timeoutMs = options.timeoutMs ?? 30_000; // defaults to 30 s
  const maxRows = options.maxRows ?? 100_000; // defaults to 100,000 rows
  if (sql.length > 100_000) {
    throw new SqlRefused(
      "too_long",
      "查询语句过长（上限 100,000 个字符）。",
      "The query is too long (100,000 characters at most).",
    );
  }
  const connection = await db.connect();
  const started = performance.now();
  try {
    let extracted: Awaited<ReturnType<typeof connection.extractStatements>>;
    try {
      extracted = await connection.extractStatements(sql);
    } catch (error) {
      throw syntaxError(error);
    }
    if (extracted.count !== 1) {
      throw new SqlRefused(
        "one_statement",
        `每次只能执行一条语句（收到 ${extracted.count} 条）。`,
        `Exactly one statement at a time (got ${extracted.count}).`,
      );
    }
    await checkReferences(db, sql);
    let prepared: Awaited<ReturnType<typeof extracted.prepare>>;
    try {
      prepared = await extracted.prepare(0);
    } catch (error) {
      throw failed(error);
    }
    if (prepared.statementType !== StatementType.SELECT)
      throw notSelect(StatementType[prepared.statementType]);
    const timer = setTimeout(() => connection.interrupt(), timeoutMs);
    let reader: Awaited<ReturnType<typeof prepared.streamAndReadUntil>>;
    try {
      reader = await prepared.streamAndReadUntil(maxRows + 1);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/interrupt/i.test(message)) {
        throw new SqlRefused(
          "timeout",
          `查询超过时间上限（${timeoutMs / 1000} 秒）已被中止。`,
          `The query ran past the time limit (${timeoutMs / 1000} s) and was stopped.`,
        );
      }
      throw failed(error);
    } finally {
      clearTimeout(timer);
    }
    const columns = columnsOf(reader);
    const count = Math.min(reader.currentRowCount, maxRows);
    const rows: Value[][] = new Array(count);
    for (let r = 0; r < count; r++) rows[r] = columns.map((c) => c.values[r]);
    return {
      columns: columns.map((c) => ({ name: c.name, type: c.type })),
      rows,
      truncated: reader.currentRowCount > maxRows,
      elapsed_ms: Math.round(performance.now() - started),
    };
  } finally {
    connection.closeSync();
  }
}

function failed(error: unknown): SqlRefused {
  const message = error instanceof Error ? error.message : String(error);
  return new SqlRefused("query_failed", `查询出错：${message}`, `The query failed: ${message}`);
}

function notSelect(name = "this"): SqlRefused {
  return new SqlRefused(
    "not_select",
    `只允许只读的 SELECT 查询；${name} 语句不能在分析控制台执行。`,
    `Only read-only SELECT queries are allowed; a ${name} statement cannot run in the analyst console.`,
  );
}

function syntaxError(error: unknown): SqlRefused {
  const message = error instanceof Error ? error.message : String(error);
  return new SqlRefused("syntax", `SQL 无法解析：${message}`, `The SQL could not be parsed: ${message}`);
}

/** Refuses any table other than the analyst views (and the query's own CTEs), and unsafe functions. */
async function checkReferences(db: Warehouse, sql: string): Promise<void> {
  const [row] = await db.query<{ ast: string }>("SELECT json_serialize_sql($sql::VARCHAR)::VARCHAR AS ast", {
    sql,
  });
  const ast = JSON.parse(row.ast);
  if (ast.error && /only select/i.test(String(ast.error_message))) throw notSelect(firstWord(sql));
  if (ast.error && ast.error_type === "parser") throw syntaxError(new Error(String(ast.error_message)));
  if (ast.error) {
    throw new SqlRefused(
      "unsupported_query",
      `沙箱无法核查此查询的形式：${ast.error_message ?? ""}`,
      `The sandbox cannot check this form of query: ${ast.error_message ?? ""}`,
    );
  }
  const ctes = new Set<string>();
  const tables: { schema: string; catalog: string; name: string }[] = [];
  const tableFunctions: string[] = [];
  const functions: string[] = [];
  walk(ast, (node) => {
    if (node.cte_map && Array.isArray(node.cte_map.map)) {
      for (const entry of node.cte_map.map) ctes.add(String(entry.key).toLowerCase());
    }
    if (node.type === "BASE_TABLE") {
      tables.push({
        schema: node.schema_name ?? "",
        catalog: node.catalog_name ?? "",
        name: String(node.table_name),
      });
    } else if (node.type === "TABLE_FUNCTION") {
      const fn = node.function as { function_name?: string } | undefined;
      tableFunctions.push(String(fn?.function_name ?? "?"));
    } else if (node.type === "SHOW_REF") {
      tableFunctions.push("SHOW/DESCRIBE");
    } else if (node.class === "FUNCTION" && typeof node.function_name === "string") {
      functions.push(node.function_name.toLowerCase());
    }
  });
  const allowed = new Set<string>(ANALYST_VIEWS);
  for (const t of tables) {
    const name = t.name.toLowerCase();
    const plain = (t.schema === "" || t.schema === "main") && t.catalog === "";
    if (!(plain && (allowed.has(name) || ctes.has(name)))) {
      const shown = [t.catalog, t.schema, t.name].filter(Boolean).join(".");
      throw new SqlRefused(
        "not_a_view",
        `只能查询这些视图：${ANALYST_VIEWS.join("、")}；不能读取 ${shown}。`,
        `Only these views can be queried: ${ANALYST_VIEWS.join(", ")}; ${shown} cannot be read.`,
      );
    }
  }
  for (const name of tableFunctions) {
    if (!SAFE_TABLE_FUNCTIONS.has(name.toLowerCase())) {
      throw new SqlRefused(
        "table_function",
        `不允许使用表函数 ${name}（不能读取文件、网络或系统信息）。`,
        `The table function ${name} is not allowed (no files, network or system information).`,
      );
    }
  }
  for (const name of functions) {
    if (DENIED_FUNCTIONS.has(name)) {
      throw new SqlRefused("function", `不允许使用函数 ${name}。`, `The function ${name} is not allowed.`);
    }
  }
}

function firstWord(sql: string): string {
  return (
    sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "").match(/^[A-Za-z]+/)?.[0] ?? "this"
  ).toUpperCase();
}

// biome-ignore lint/suspicious/noExplicitAny: walks DuckDB's JSON syntax tree
function walk(node: any, visit: (node: any) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node && typeof node === "object") {
    visit(node);
    for (const value of Object.values(node)) if (value && typeof value === "object") walk(value, visit);
  }
}
