/**
 * A DOUBLE or INTEGER column of a result chunk as a Float64Array, straight from the chunk's
 * memory: a DOUBLE vector's data viewed in place when it has no nulls, else the values copied into
 * `into` with NaN for each null. (Reading item by item through the vector's accessor tests each
 * row's validity with BigInt arithmetic, which costs more than the rest of a large read.) A view
 * is valid only while the chunk is.
 */

import type { DuckDBDataChunk } from "@duckdb/node-api";
import bindings from "@duckdb/node-bindings";

export function chunkDoubles(
  chunk: DuckDBDataChunk,
  column: number,
  rows: number,
  integer: boolean,
  into: () => Float64Array,
): Float64Array {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const width = integer ? Int32Array.BYTES_PER_ELEMENT : Float64Array.BYTES_PER_ELEMENT;
  const bytes = bindings.vector_get_data(vector, rows * width);
  const data = integer
    ? new Int32Array(bytes.buffer, bytes.byteOffset, rows)
    : new Float64Array(bytes.buffer, bytes.byteOffset, rows);
  const validity = bindings.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  if (!validity && data instanceof Float64Array) return data;
  const out = into();
  if (!validity) {
    for (let i = 0; i < rows; i++) out[i] = data[i];
    return out;
  }
  // one bit per row, 64 rows per little-endian word: read as 32-bit words
  const words = new Uint32Array(validity.buffer, validity.byteOffset, Math.ceil(rows / 64) * 2);
  for (let i = 0; i < rows; i++) out[i] = (words[i >>> 5] >>> (i & 31)) & 1 ? data[i] : Number.NaN;
  return out;
}
