/**
 * A query result as an Arrow IPC stream (`application/vnd.apache.arrow.stream`), column types
 * following DuckDB's: integers as Int32 or Int64, other numbers as Float64, booleans, dates as
 * DateDay, timestamps in milliseconds (UTC), everything else as UTF-8 text (lists and structs in
 * their JSON form). A repeated column name gets a suffix (`a`, `a_1`), as DuckDB itself does, since
 * Arrow readers look columns up by name.
 */
import {
  Bool,
  type DataType,
  DateDay,
  Field,
  Float64,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import type { Value } from "../warehouse/db.ts";

interface ColumnKind {
  type: DataType;
  convert: (v: Value) => unknown;
}

function kindOf(duckType: string): ColumnKind {
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(duckType)) {
    return { type: new Int32(), convert: (v) => (v === null ? null : Number(v)) };
  }
  if (/^(BIGINT|UINTEGER|HUGEINT|UBIGINT)$/.test(duckType)) {
    return { type: new Int64(), convert: (v) => (v === null ? null : BigInt(v as number | string)) };
  }
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(duckType)) {
    return { type: new Float64(), convert: (v) => (v === null ? null : Number(v)) };
  }
  if (duckType === "BOOLEAN") return { type: new Bool(), convert: (v) => v };
  if (duckType === "DATE") {
    return {
      type: new DateDay(),
      convert: (v) => (v === null ? null : new Date(`${String(v).slice(0, 10)}T00:00:00Z`)),
    };
  }
  if (duckType === "TIMESTAMP" || duckType === "TIMESTAMP WITH TIME ZONE") {
    return { type: new TimestampMillisecond(), convert: (v) => (v === null ? null : new Date(String(v))) };
  }
  return {
    type: new Utf8(),
    convert: (v) => (v === null ? null : typeof v === "object" ? JSON.stringify(v) : String(v)),
  };
}

export function resultArrow(columns: { name: string; type: string }[], rows: Value[][]): Uint8Array {
  const kinds = columns.map((c) => kindOf(c.type));
  const names = uniqueNames(columns.map((c) => c.name));
  const fields = columns.map((_, i) => new Field(names[i], kinds[i].type, true));
  const children = kinds.map((kind, i) => {
    const vector = vectorFromArray(
      rows.map((row) => kind.convert(row[i])),
      kind.type,
    );
    const [data] = vector.data.length === 1 ? vector.data : vectorFromArray([...vector], kind.type).data;
    return data;
  });
  const struct = makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children });
  const table = new Table([new RecordBatch(new Schema(fields), struct)]);
  return tableToIPC(table, "stream");
}

function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 1; taken.has(candidate); n++) candidate = `${name}_${n}`;
    taken.add(candidate);
    return candidate;
  });
}
