/**
 * The warehouse: the only module that imports @duckdb/node-api. One DuckDB instance per database
 * file per process (a second instance on the same file would see stale data and drop the file
 * lock), one writer at a time through a queue, each write one transaction, and values converted
 * once here (BIGINT → number, DATE → "YYYY-MM-DD", TIMESTAMP → ISO string).
 *
 * The instance runs with external access disabled and its configuration locked: no SQL sent to
 * it can read or write files or the network. Parquet backup and restore use a separate in-memory
 * instance (warehouse/parquet.ts), never this one. Its memory limit is set at open, because a
 * locked configuration cannot change afterwards: it binds every query of the instance (ingest,
 * report, analyst), and operators that need more (large sorts, joins, aggregates) spill to a
 * temporary folder beside the database file.
 *
 * The database file, its write-ahead log and the folder created for them are readable by their
 * owner only (0600, 0700): DuckDB creates them under a private umask (warehouse/privateFiles.ts),
 * and a file of an older version that is readable by others is made private at open.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from "@duckdb/node-api";
import bindings from "@duckdb/node-bindings";
import { districtIso } from "../core/districtTime.ts";
import { DataError, finding } from "../core/finding.ts";
import { Gate } from "./gate.ts";
import { latestVersion, type Migration, readMigrations } from "./migrations.ts";
import { makePrivate, withPrivateFiles } from "./privateFiles.ts";
import { type RepairReport, repairAfterCrash } from "./repair.ts";

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, string | number | boolean | null> | (string | number | boolean | null)[];

export { DOUBLE, INTEGER, VARCHAR } from "@duckdb/node-api";
export type { DuckDBConnection };

interface WarehouseOptions {
  /** Database file; ":memory:" for a throwaway one. Defaults to data/jobtrack.duckdb. */
  path?: string;
  /** Schema steps to apply; defaults to every file in warehouse/migrations (tests pass fewer). */
  migrations?: Migration[];
  /** DuckDB's memory limit for the whole instance, in bytes; DEFAULT_MEMORY_LIMIT_BYTES when absent. */
  memoryLimitBytes?: number;
}

/**
 * Ingest of a million rows and the national-scale report (17 million facts) run within it as fast
 * as under DuckDB's own default, 80% of the machine's memory (BENCHMARKS.md shows the report both
 * ways), and it keeps a runaway analyst query far below what would starve the server.
 */
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 2 ** 20;

/** A column to append: values, or a typed array for an INTEGER or DOUBLE column (no nulls). */
type Column = readonly DuckDBValue[] | Int32Array | Float64Array;

/** What may run on a write's connection before its transaction: temp tables for it to read. */
export interface Staging {
  run(sql: string, params?: Params): Promise<void>;
  /** Appends columns (equal lengths) to a table, in chunks. */
  append(table: string, types: DuckDBType[], columns: readonly Column[]): Promise<void>;
}

/** What a write transaction may do. */
export interface Tx extends Staging {
  query<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /** Appends ready data chunks (e.g. read by another instance) to a table. */
  appendChunks(table: string, chunks: (DuckDBDataChunk | null)[]): Promise<void>;
}

const open = new Map<string, Promise<DuckDBInstance>>();

export class Warehouse {
  readonly path: string;
  readonly schemaVersion: number;
  readonly memoryLimitBytes: number;
  /**
   * Analyst queries, two at a time: what each may cost in JavaScript is bounded by its result
   * limit, so this bounds their sum (warehouse/sandbox.ts).
   */
  readonly sandboxGate = new Gate(2);
  private readonly instance: DuckDBInstance;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    path: string,
    instance: DuckDBInstance,
    schemaVersion: number,
    memoryLimitBytes: number,
  ) {
    this.path = path;
    this.instance = instance;
    this.schemaVersion = schemaVersion;
    this.memoryLimitBytes = memoryLimitBytes;
  }

  /** Opens (creating and migrating as needed) the database file. */
  static async open(options: WarehouseOptions = {}): Promise<Warehouse> {
    return withPrivateFiles(() => Warehouse.#open(options));
  }

  static async #open(options: WarehouseOptions): Promise<Warehouse> {
    const path = options.path === ":memory:" ? ":memory:" : resolve(options.path ?? "data/jobtrack.duckdb");
    if (path !== ":memory:") {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      for (const file of [path, `${path}.wal`]) makePrivate(file);
    }
    const key = path === ":memory:" ? `:memory:${Math.random()}` : path;
    if (path !== ":memory:" && open.has(key)) {
      throw new Error(`the database ${path} is already open in this process; share the Warehouse object`);
    }
    const walLeftBehind = path !== ":memory:" && existsSync(`${path}.wal`);
    const memoryLimitBytes = options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
    const pending = DuckDBInstance.create(path, {
      memory_limit: `${Math.max(1, Math.floor(memoryLimitBytes / 2 ** 20))}MiB`,
      enable_external_access: "false",
      lock_configuration: "true",
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
    });
    open.set(key, pending);
    let instance: DuckDBInstance;
    try {
      instance = await pending;
    } catch (error) {
      open.delete(key);
      throw error;
    }
    try {
      const version = await migrate(instance, path, options.migrations ?? readMigrations());
      const connection = await instance.connect();
      let repaired: RepairReport;
      try {
        repaired = await repairAfterCrash(connection, walLeftBehind);
      } finally {
        connection.closeSync();
      }
      const warehouse = new Warehouse(path, instance, version, memoryLimitBytes);
      warehouse.repaired = repaired;
      warehouse.openKey = key;
      return warehouse;
    } catch (error) {
      open.delete(key);
      instance.closeSync();
      throw error;
    }
  }

  private openKey = "";
  /** What the crash repair at open found (orphan rows removed; flags derived again). */
  repaired: RepairReport = { orphans: 0, reflagged: false };
  /** Counts committed writes; caches of derived figures compare it. */
  version = 0;

  /** A fresh connection; the caller closes it (`closeSync`). Used by the analyst sandbox. */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** A read outside the write queue (DuckDB reads see the last committed state). */
  async query<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const connection = await this.instance.connect();
    try {
      return rowsOf(await connection.runAndReadAll(sql, params as never)) as T[];
    } finally {
      connection.closeSync();
    }
  }

  /**
   * Runs `fn` as one transaction, after every earlier write has finished. `stage`, when given,
   * runs first on the same connection, before the transaction begins: it fills temp tables
   * (private to the connection and gone with it) for `fn` to read. DuckDB reads committed rows
   * of a large staging table about twice as fast as rows its transaction added itself.
   */
  write<T>(fn: (tx: Tx) => Promise<T>, stage?: (staging: Staging) => Promise<void>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("warehouse is closed"));
    const next = this.queue.then(() => withPrivateFiles(() => this.#transaction(fn, stage)));
    this.queue = next.catch(() => {});
    return next;
  }

  async #transaction<T>(fn: (tx: Tx) => Promise<T>, stage?: (staging: Staging) => Promise<void>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      if (stage) await stage(txOf(connection));
      await connection.run("BEGIN TRANSACTION");
      try {
        const result = await fn(txOf(connection));
        await connection.run("COMMIT");
        this.version++;
        return result;
      } catch (error) {
        await connection.run("ROLLBACK").catch(() => {});
        throw error;
      }
    } finally {
      connection.closeSync();
    }
  }

  /** Waits for queued writes, checkpoints and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    if (this.path !== ":memory:") {
      const connection = await this.instance.connect();
      await withPrivateFiles(() => connection.run("CHECKPOINT").catch(() => {}));
      connection.closeSync();
    }
    this.instance.closeSync();
    open.delete(this.openKey);
  }
}

/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/**
 * Puts rows [start, end) of a column into column c of the chunk. A typed array's bytes are
 * DuckDB's own layout of INTEGER and DOUBLE (without nulls), so they are copied into the vector
 * at once rather than number by number.
 */
function setColumnSlice(
  chunk: DuckDBDataChunk,
  c: number,
  type: DuckDBType,
  column: Column,
  start: number,
  end: number,
): void {
  if (
    (column instanceof Int32Array && type.typeId === DuckDBTypeId.INTEGER) ||
    (column instanceof Float64Array && type.typeId === DuckDBTypeId.DOUBLE)
  ) {
    const size = column.BYTES_PER_ELEMENT;
    bindings.copy_data_to_vector(
      bindings.data_chunk_get_vector(chunk.chunk, c),
      0,
      column.buffer as ArrayBuffer,
      column.byteOffset + start * size,
      (end - start) * size,
    );
    return;
  }
  // a chunk's vectors take numbers by index, which a typed array view gives
  const values = ArrayBuffer.isView(column) ? column.subarray(start, end) : column.slice(start, end);
  chunk.setColumnValues(c, values as readonly DuckDBValue[]);
}

function txOf(connection: DuckDBConnection): Tx {
  return {
    async run(sql, params) {
      await connection.run(sql, params as never);
    },
    async query(sql, params) {
      return rowsOf(await connection.runAndReadAll(sql, params as never)) as never;
    },
    async appendChunks(table, chunks) {
      const appender = await connection.createAppender(table);
      try {
        for (const chunk of chunks) if (chunk) appender.appendDataChunk(chunk);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async append(table, types, columns) {
      const appender = await connection.createAppender(table);
      const total = columns[0]?.length ?? 0;
      try {
        // the appender copies what a chunk holds, so one chunk carries every slice in turn
        const chunk = DuckDBDataChunk.create(types, Math.min(total, CHUNK_ROWS));
        for (let start = 0; start < total; start += CHUNK_ROWS) {
          const end = Math.min(total, start + CHUNK_ROWS);
          if (end - start !== chunk.rowCount) chunk.rowCount = end - start;
          for (let c = 0; c < columns.length; c++) setColumnSlice(chunk, c, types[c], columns[c], start, end);
          appender.appendDataChunk(chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
  };
}

async function migrate(instance: DuckDBInstance, path: string, migrations: Migration[]): Promise<number> {
  const latest = latestVersion(migrations);
  const connection = await instance.connect();
  try {
    await connection.run("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
    const rows = rowsOf(
      await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'schema_version'"),
    );
    const current = rows.length ? Number(rows[0].value) : 0;
    if (current > latest) {
      throw new DataError([
        finding(
          null,
          null,
          "schema_too_new",
          `数据库 ${path} 的结构版本为 ${current}，比本程序支持的版本 ${latest} 新；请升级 jobtrack 后再打开。`,
          `The database ${path} has schema version ${current}, newer than this jobtrack knows (${latest}); upgrade jobtrack to open it.`,
        ),
      ]);
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await connection.run("BEGIN TRANSACTION");
      try {
        await connection.run(migration.sql);
        await connection.run("INSERT OR REPLACE INTO meta VALUES ('schema_version', $v)", {
          v: String(migration.version),
        });
        await connection.run("COMMIT");
      } catch (error) {
        await connection.run("ROLLBACK").catch(() => {});
        throw error;
      }
    }
    return Math.max(current, latest);
  } finally {
    connection.closeSync();
  }
}

/** Result rows as plain objects with JSON-safe values. */
export function rowsOf(result: DuckDBResultReader): Row[] {
  const names = result.columnNames();
  const converters = result.columnTypes().map(converterFor);
  const rows = result.getRowsJS();
  const out: Row[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row: Row = {};
    const values = rows[r];
    for (let c = 0; c < names.length; c++) row[names[c]] = converters[c](values[c]);
    out[r] = row;
  }
  return out;
}

/**
 * Column values of a result, converted like `rowsOf` except that a TIMESTAMPTZ is written in the
 * district's time (`2022-09-03T10:00:00+08:00`, core/districtTime.ts): these are what the
 * analysts read (the SQL console, its downloads, `jobtrack sql`).
 */
export function columnsOf(result: DuckDBResultReader): { name: string; type: string; values: Value[] }[] {
  const types = result.columnTypes();
  // with no rows there are no column vectors, but the columns still have names and types
  const columns = result.getColumnsJS();
  return types.map((type, i) => {
    const convert = analystConverterFor(type);
    return {
      name: result.columnName(i),
      type: type.toString(),
      values: (columns[i] ?? []).map((v) => convert(v)),
    };
  });
}

/** The converter of one column of an analyst's result: `converterFor`, with instants in district time. */
export function analystConverterFor(type: DuckDBType): (value: unknown) => Value {
  return type.typeId === DuckDBTypeId.TIMESTAMP_TZ
    ? (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? districtIso(v) : toValue(v))
    : converterFor(type);
}

function converterFor(type: DuckDBType): (value: unknown) => Value {
  switch (type.typeId) {
    case DuckDBTypeId.DATE:
      return (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : toValue(v));
    default:
      return toValue;
  }
}

function toValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map(toValue);
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (typeof v === "object") {
    const out: { [key: string]: Value } = {};
    for (const [k, x] of Object.entries(v as object)) out[k] = toValue(x);
    return out;
  }
  return v as Value;
}
