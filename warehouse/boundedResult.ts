/**
 * Reads a streamed query result into JavaScript values within a row limit and a byte limit.
 *
 * The bytes of each chunk's kept rows are counted from DuckDB's own vectors — string lengths
 * read from the 16-byte string headers, list and struct children followed — before any value is
 * turned into a JavaScript value. So a result over the limit (a few rows of 200 MB strings) is
 * refused having cost DuckDB's chunk only, never the JavaScript copies and the JSON text built
 * from them. The count is DuckDB's in-memory size: a fixed-width value counts its width, a
 * string, blob or bit string 16 bytes plus its length, a list 16 bytes plus its elements.
 */
import {
  type DuckDBArrayType,
  type DuckDBDataChunk,
  type DuckDBListType,
  type DuckDBMapType,
  type DuckDBResult,
  type DuckDBStructType,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBUnionType,
  JSDuckDBValueConverter,
  STRUCT,
  UTINYINT,
} from "@duckdb/node-api";
import bindings from "@duckdb/node-bindings";
import { analystConverterFor, type Value } from "./db.ts";
import { resultTooLarge, unsupportedResultType } from "./sqlRefused.ts";

interface BoundedResult {
  columns: { name: string; type: string }[];
  rows: Value[][];
  /** More rows than `maxRows` were there; only the first `maxRows` are kept. */
  truncated: boolean;
}

export async function readBounded(
  result: DuckDBResult,
  limits: { maxRows: number; maxBytes: number },
): Promise<BoundedResult> {
  const types = result.columnTypes();
  const columns = types.map((type, i) => ({ name: result.columnName(i), type: type.toString() }));
  const converters = types.map(analystConverterFor);
  const rows: Value[][] = [];
  let bytes = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return { columns, rows, truncated: false };
    if (rows.length === limits.maxRows) return { columns, rows, truncated: true };
    const keep = Math.min(chunk.rowCount, limits.maxRows - rows.length);
    bytes += chunkBytes(chunk, types, keep);
    if (bytes > limits.maxBytes) throw resultTooLarge(limits.maxBytes);
    const start = rows.length;
    for (let r = 0; r < keep; r++) rows.push(new Array(types.length));
    for (let c = 0; c < types.length; c++) {
      const vector = chunk.getColumnVector(c);
      for (let r = 0; r < keep; r++) {
        const value = vector.getItem(r);
        rows[start + r][c] =
          value === null
            ? null
            : converters[c](JSDuckDBValueConverter(value, types[c], JSDuckDBValueConverter));
      }
    }
    if (keep < chunk.rowCount) return { columns, rows, truncated: true };
  }
}

/** Bytes of the first `count` rows of a chunk. */
export function chunkBytes(chunk: DuckDBDataChunk, types: readonly DuckDBType[], count: number): number {
  let total = 0;
  for (let c = 0; c < types.length; c++) {
    total += vectorBytes(bindings.data_chunk_get_vector(chunk.chunk, c), types[c], 0, count);
  }
  return total;
}

const STRING_HEADER = 16;
const LIST_ENTRY = 16;

/** Bytes of a value of each fixed-width type. */
export const FIXED_WIDTH: Partial<Record<DuckDBTypeId, number>> = {
  [DuckDBTypeId.BOOLEAN]: 1,
  [DuckDBTypeId.TINYINT]: 1,
  [DuckDBTypeId.UTINYINT]: 1,
  [DuckDBTypeId.SMALLINT]: 2,
  [DuckDBTypeId.USMALLINT]: 2,
  [DuckDBTypeId.INTEGER]: 4,
  [DuckDBTypeId.UINTEGER]: 4,
  [DuckDBTypeId.FLOAT]: 4,
  [DuckDBTypeId.DATE]: 4,
  [DuckDBTypeId.BIGINT]: 8,
  [DuckDBTypeId.UBIGINT]: 8,
  [DuckDBTypeId.DOUBLE]: 8,
  [DuckDBTypeId.TIMESTAMP]: 8,
  [DuckDBTypeId.TIMESTAMP_S]: 8,
  [DuckDBTypeId.TIMESTAMP_MS]: 8,
  [DuckDBTypeId.TIMESTAMP_NS]: 8,
  [DuckDBTypeId.TIMESTAMP_TZ]: 8,
  [DuckDBTypeId.TIME]: 8,
  [DuckDBTypeId.TIME_NS]: 8,
  [DuckDBTypeId.TIME_TZ]: 8,
  [DuckDBTypeId.INTERVAL]: 16,
  [DuckDBTypeId.HUGEINT]: 16,
  [DuckDBTypeId.UHUGEINT]: 16,
  [DuckDBTypeId.UUID]: 16,
  [DuckDBTypeId.DECIMAL]: 16,
  [DuckDBTypeId.ENUM]: 4,
  [DuckDBTypeId.SQLNULL]: 1,
};

const STRING_LIKE = new Set([
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.BLOB,
  DuckDBTypeId.BIT,
  DuckDBTypeId.BIGNUM,
  DuckDBTypeId.GEOMETRY,
]);

function vectorBytes(vector: bindings.Vector, type: DuckDBType, from: number, to: number): number {
  if (to <= from) return 0;
  const id = type.typeId;
  if (STRING_LIKE.has(id)) {
    const data = bindings.vector_get_data(vector, to * STRING_HEADER);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const valid = validity(vector, to);
    let total = (to - from) * STRING_HEADER;
    for (let i = from; i < to; i++) if (valid(i)) total += view.getUint32(i * STRING_HEADER, true);
    return total;
  }
  if (id === DuckDBTypeId.LIST || id === DuckDBTypeId.MAP) {
    const childType =
      id === DuckDBTypeId.LIST
        ? (type as DuckDBListType).valueType
        : STRUCT({ key: (type as DuckDBMapType).keyType, value: (type as DuckDBMapType).valueType });
    const data = bindings.vector_get_data(vector, to * LIST_ENTRY);
    const entries = new BigUint64Array(data.buffer, data.byteOffset, to * 2);
    const child = bindings.list_vector_get_child(vector);
    const valid = validity(vector, to);
    let total = (to - from) * LIST_ENTRY;
    for (let i = from; i < to; i++) {
      if (!valid(i)) continue;
      const offset = Number(entries[2 * i]);
      total += vectorBytes(child, childType, offset, offset + Number(entries[2 * i + 1]));
    }
    return total;
  }
  if (id === DuckDBTypeId.ARRAY) {
    const { valueType, length } = type as DuckDBArrayType;
    return vectorBytes(bindings.array_vector_get_child(vector), valueType, from * length, to * length);
  }
  if (id === DuckDBTypeId.STRUCT || id === DuckDBTypeId.UNION) {
    // a union is stored as a struct whose first entry is the member's tag
    const entries =
      id === DuckDBTypeId.STRUCT
        ? (type as DuckDBStructType).entryTypes
        : [UTINYINT, ...(type as DuckDBUnionType).memberTypes];
    let total = 0;
    for (let k = 0; k < entries.length; k++) {
      total += vectorBytes(bindings.struct_vector_get_child(vector, k), entries[k], from, to);
    }
    return total;
  }
  const width = FIXED_WIDTH[id];
  if (width === undefined) throw unsupportedResultType(type.toString());
  return (to - from) * width;
}

/** Whether row i of a vector is not null (no validity mask means every row is valid). */
function validity(vector: bindings.Vector, count: number): (i: number) => boolean {
  const words = Math.ceil(count / 64);
  const bytes = bindings.vector_get_validity(vector, words * 8);
  if (!bytes || bytes.byteLength === 0) return () => true;
  const mask = new Uint8Array(bytes.buffer, bytes.byteOffset, words * 8);
  return (i) => (mask[i >> 3] & (1 << (i & 7))) !== 0;
}
