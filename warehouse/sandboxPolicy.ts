/**
 * What an analyst query may name, in one place: the views of docs/contract.md §8, the table functions
 * that only generate values, and the scalar functions (and DuckDB's built-in macros) that reach
 * outside the query's own data — settings, variables, sequences, the catalog — and are refused.
 *
 * Names compare the way DuckDB compares identifiers: ASCII letters without regard to case and
 * every other character exactly. A JavaScript `toLowerCase` would fold more (the Kelvin sign
 * U+212A to "k"), and a name the check thinks equal but DuckDB does not is a way past it.
 */

export const ANALYST_VIEWS = [
  "v_units",
  "v_facts",
  "v_submissions",
  "v_cases",
  "v_progress",
  "v_indicators",
] as const;

/** Table functions that only generate values and read nothing. */
export const SAFE_TABLE_FUNCTIONS = ["range", "generate_series", "unnest"] as const;

/**
 * Scalar functions and macros that read settings, variables, sequences, the session, the catalog
 * or the log, or that sleep. DuckDB's macros whose body queries the catalog are here too: a
 * test lists every macro of the pinned DuckDB and fails when one that selects from anything is
 * missing from this list.
 */
const DENIED_FUNCTIONS = new Set([
  "getenv",
  "getvariable",
  "current_setting",
  "nextval",
  "setval",
  "currval",
  "current_database",
  "current_catalog",
  "current_schema",
  "current_schemas",
  "in_search_path",
  "current_query",
  "pg_get_viewdef",
  "pg_get_constraintdef",
  "format_type",
  "get_block_size",
  "json_serialize_plan",
  "json_execute_serialized_sql",
  "parse_duckdb_log_message",
  "write_log",
  "sleep_ms",
  "pg_sleep",
]);

/** DuckDB's identifier comparison: ASCII letters folded, every other character kept. */
export function asciiLower(name: string): string {
  return name.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

export function isAnalystView(name: string): boolean {
  return (ANALYST_VIEWS as readonly string[]).includes(asciiLower(name));
}

export function isSafeTableFunction(name: string): boolean {
  return (SAFE_TABLE_FUNCTIONS as readonly string[]).includes(asciiLower(name));
}

export function isDeniedFunction(name: string): boolean {
  const lower = asciiLower(name);
  return DENIED_FUNCTIONS.has(lower) || lower.startsWith("duckdb_") || lower.startsWith("pragma_");
}
