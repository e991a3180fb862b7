/**
 * The statement the sandbox runs in place of an analyst's query: the query itself, unchanged, as a
 * subquery, with a running total of its rows' bytes beside it and a filter that raises an error
 * as soon as the total passes the result's byte limit.
 *
 * Why inside DuckDB: DuckDB copies each chunk of a result (up to 2,048 rows) into its result
 * buffer outside its memory limit, and a join, a window or a constant can repeat one large value
 * in every row — 2,048 copies of a 20 MB string are 40 GB before JavaScript sees a byte. The
 * filter sees each chunk before that copy, where the rows still share the value. The window is
 * DuckDB's streaming one (a running sum in row order), so the rows keep their order and nothing
 * is held back. Bytes are counted as boundedResult.ts counts them.
 */
import type {
  DuckDBArrayType,
  DuckDBListType,
  DuckDBMapType,
  DuckDBStructType,
  DuckDBType,
} from "@duckdb/node-api";
import { DuckDBTypeId } from "@duckdb/node-api";
import { FIXED_WIDTH } from "./boundedResult.ts";
import { unsupportedResultType } from "./sqlRefused.ts";

/** The error the filter raises; the sandbox turns it into its result-size refusal. */
export const OVER_LIMIT = "the result passed its byte limit";

/** The lines of the guard above the analyst's query, so DuckDB's "LINE n" can be read as theirs. */
export const GUARD_LINES = 3;

/**
 * Rows past `maxRows + 1` are cut in DuckDB (one more than the limit tells the reader the result
 * was truncated), so they are neither counted nor copied.
 */
export function guardedQuery(
  sql: string,
  types: readonly DuckDBType[],
  limits: { maxBytes: number; maxRows: number },
): string {
  const columns = types.map((_, i) => `c${i}`);
  const row = types.map((type, i) => bytesOf(columns[i], type, 0)).join(" + ");
  // a trailing semicolon ends a statement but not a subquery; a trailing comment ends at the newline
  const query = sql.replace(/[\s;]+$/, "");
  const running = "OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
  return `SELECT * EXCLUDE (jobtrack_bytes, jobtrack_row) FROM (
SELECT *, sum(${row}) ${running} AS jobtrack_bytes, count(*) ${running} AS jobtrack_row
FROM (
${query}
) AS jobtrack_result(${columns.join(", ")})
) WHERE CASE WHEN jobtrack_row <= ${limits.maxRows} AND jobtrack_bytes > ${Math.floor(limits.maxBytes)}
THEN error('${OVER_LIMIT}') ELSE true END
LIMIT ${limits.maxRows + 1}`;
}

/** SQL for the bytes of one value of a type, without copying it; `depth` names the lambdas. */
function bytesOf(ref: string, type: DuckDBType, depth: number): string {
  const width = FIXED_WIDTH[type.typeId];
  if (width !== undefined) return String(width);
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return `(16 + coalesce(strlen(${ref}), 0))`;
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.BIT:
      return `(16 + coalesce(octet_length(${ref}), 0))`;
    case DuckDBTypeId.LIST:
      return `(16 + ${elements(ref, (type as DuckDBListType).valueType, depth)})`;
    case DuckDBTypeId.ARRAY:
      return elements(ref, (type as DuckDBArrayType).valueType, depth);
    case DuckDBTypeId.MAP: {
      const map = type as DuckDBMapType;
      return `(16 + ${elements(`map_keys(${ref})`, map.keyType, depth)} + ${elements(`map_values(${ref})`, map.valueType, depth)})`;
    }
    case DuckDBTypeId.STRUCT: {
      const entries = (type as DuckDBStructType).entryTypes;
      if (!entries.length) return "0";
      return `(${entries.map((t, k) => bytesOf(`struct_extract_at(${ref}, ${k + 1})`, t, depth)).join(" + ")})`;
    }
    default:
      throw unsupportedResultType(type.toString());
  }
}

/** The bytes of a list's elements: their count times a fixed width, or each element's summed. */
function elements(ref: string, valueType: DuckDBType, depth: number): string {
  const width = FIXED_WIDTH[valueType.typeId];
  if (width !== undefined) return `(coalesce(len(${ref}), 0) * ${width})`;
  const e = `e${depth}`;
  return `coalesce(list_sum(list_transform(${ref}, lambda ${e}: ${bytesOf(e, valueType, depth + 1)})), 0)`;
}
