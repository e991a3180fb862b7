/**
 * The sandbox against generated queries: nested WITH lists at every depth, shadowing, recursive
 * and MATERIALIZED entries, subqueries in FROM, WHERE (EXISTS, IN), SELECT, LIMIT, VALUES and
 * table-function arguments, set operations, lateral joins, PIVOT, SUMMARIZE and DESCRIBE, over
 * every base table of a real warehouse (read from duckdb_tables(), so a new table is covered),
 * the analyst views and the catalog's relations — named plainly, in varied case, quoted, with
 * the Kelvin sign for a "k", and qualified with main., the warehouse's catalog, memory., system.,
 * temp. and pg_catalog.
 *
 * Every generated query returns one text column. For each, run in the sandbox on the marked
 * warehouse (sandboxFixture.ts): a result or a message holding the marker is a leak; and an
 * accepted query must read nothing but the views and its own WITH names, as DuckDB's own plan of
 * it on the twin shows. The seed is fixed, so a failure names a query that fails again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSandboxed, SqlRefused } from "./sandbox.ts";
import { MARKER, type MarkedWarehouse, openMarkedWarehouse, openTwin, type Twin } from "./sandboxFixture.ts";

const SEED = 20221231;
const QUERIES = 2000;

/** mulberry32: a small seeded generator, so every run makes the same queries. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATALOG_RELATIONS = [
  "duckdb_tables",
  "duckdb_databases",
  "duckdb_settings",
  "duckdb_columns",
  "duckdb_views",
  "pg_tables",
  "pg_class",
  "sqlite_master",
  "information_schema.tables",
  "information_schema.columns",
];

/**
 * The views whose marker rows are hidden (v_units, v_submissions and v_progress show theirs, so
 * they are neither read nor shadowed here: a WITH name used out of its scope would fall through
 * to the view and show a marker legitimately).
 */
const QUIET_VIEWS = ["v_facts", "v_cases"];

class Generator {
  private readonly next: () => number;
  /** WITH names declared so far anywhere in the current query, whatever their scope. */
  private declared: string[] = [];
  private literal = 0;

  constructor(
    seed: number,
    private readonly baseTables: string[],
    private readonly catalog: string,
  ) {
    this.next = random(seed);
  }

  query(): string {
    this.declared = [];
    // shallow queries reach more name-resolution cases each; deep ones the nesting
    return this.q(this.chance(0.5) ? this.int(1, 2) : this.int(3, 5));
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  private chance(p: number): boolean {
    return this.next() < p;
  }

  /** An identifier as an analyst might spell it: case varied, quoted, or with the Kelvin sign. */
  private spell(name: string): string {
    // DuckDB folds ASCII letters only: the Kelvin sign is not a "k" to it
    if (name.includes("k") && this.chance(0.25)) return `"${name.replace("k", "\u212a")}"`;
    const roll = this.next();
    if (roll < 0.45) return name;
    if (roll < 0.65) return [...name].map((c) => (this.chance(0.5) ? c.toUpperCase() : c)).join("");
    if (roll < 0.85) return `"${[...name].map((c) => (this.chance(0.3) ? c.toUpperCase() : c)).join("")}"`;
    return `"${name}"`;
  }

  private qualifier(): string {
    return this.pick([
      "",
      "",
      "",
      "",
      "main.",
      "MAIN.",
      '"main".',
      `${this.catalog}.`,
      `${this.catalog}.main.`,
      "memory.",
      "memory.main.",
      "system.",
      "system.main.",
      "temp.",
      "temp.main.",
      "pg_catalog.",
    ]);
  }

  /** A name to declare in a WITH list: often a base table's or a view's, to shadow it. */
  private cteName(): string {
    const roll = this.next();
    const name =
      roll < 0.5 ? this.pick(this.baseTables) : roll < 0.65 ? this.pick(QUIET_VIEWS) : `c${this.int(0, 4)}`;
    this.declared.push(name);
    return name;
  }

  /** A table reference: a declared WITH name, a base table, a catalog relation or a quiet view. */
  private reference(): string {
    const roll = this.next();
    if (roll < 0.65 && this.declared.length > 0) {
      const name = this.pick(this.declared);
      return `${this.chance(0.9) ? "" : this.qualifier()}${this.spell(name)}`;
    }
    if (roll < 0.77) return `${this.qualifier()}${this.spell(this.pick(this.baseTables))}`;
    if (roll < 0.8) return this.pick(CATALOG_RELATIONS);
    return `${this.chance(0.8) ? "" : this.qualifier()}${this.spell(this.pick(QUIET_VIEWS))}`;
  }

  private read(ref: string): string {
    return `SELECT CAST(a AS VARCHAR) AS v FROM ${ref} AS a`;
  }

  /** A query of depth at most `depth` returning one text column, v. */
  private q(depth: number): string {
    if (depth <= 0)
      return this.chance(0.3) ? `SELECT 'L${this.literal++}' AS v` : this.read(this.reference());
    const d = depth - 1;
    switch (this.int(0, 15)) {
      case 0:
      case 1:
      case 2:
        return this.withList(d);
      case 3:
        return `(${this.q(d)}) ${this.pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT", "UNION ALL BY NAME"])} (${this.q(d)})`;
      case 4:
        return `SELECT s.v FROM (${this.q(d)}) AS s`;
      case 5: {
        // the EXISTS subquery first, so WITH names it declares may be used (wrongly) outside it
        const inner = this.q(d);
        return `SELECT s.v FROM (${this.q(d)}) AS s WHERE ${this.chance(0.5) ? "" : "NOT "}EXISTS (${inner})`;
      }
      case 6: {
        const inner = this.q(d);
        return `SELECT s.v FROM (${this.q(d)}) AS s WHERE s.v ${this.chance(0.5) ? "" : "NOT "}IN (${inner}) OR true`;
      }
      case 7:
        return `SELECT (SELECT string_agg(v, ',') FROM (${this.q(d)}) AS z) AS v`;
      case 8:
        return `SELECT s.v || coalesce(l.v, '') AS v FROM (${this.q(d)}) AS s LEFT JOIN LATERAL (${this.q(d)}) AS l ON true`;
      case 9:
        return `SELECT x.v || y.v AS v FROM (${this.q(d)}) AS x CROSS JOIN (${this.q(d)}) AS y`;
      case 10:
        return `SELECT CAST(u AS VARCHAR) AS v FROM unnest((SELECT list(v) FROM (${this.q(d)}) AS z)) AS t(u)`;
      case 11:
        return `SELECT CAST(d AS VARCHAR) AS v FROM (SUMMARIZE ${this.q(d)}) AS d`;
      case 12:
        return `SELECT CAST(d AS VARCHAR) AS v FROM (DESCRIBE ${this.reference()}) AS d`;
      case 13:
        return `SELECT CAST(p AS VARCHAR) AS v FROM (${this.q(d)}) AS s PIVOT (count(*) FOR v IN ('L1', 'L2')) AS p`;
      case 14:
        return `SELECT x AS v FROM (VALUES ((SELECT string_agg(v, ',') FROM (${this.q(d)}) AS z))) AS t(x)`;
      default:
        return `SELECT s.v FROM (${this.q(d)}) AS s ORDER BY (SELECT count(*) FROM (${this.q(d)}) AS z) LIMIT (SELECT count(*) + 50 FROM (${this.q(d)}) AS y)`;
    }
  }

  private withList(depth: number): string {
    const recursive = this.chance(0.3);
    const entries: string[] = [];
    const names = new Set<string>();
    for (let i = this.int(1, 3); i > 0; i--) {
      const name = this.cteName();
      // DuckDB refuses a name twice in one list (comparing ASCII letters without case)
      if (names.has(name.toLowerCase())) continue;
      names.add(name.toLowerCase());
      const spelled = this.spell(name);
      const materialized = this.pick(["", "", "MATERIALIZED ", "NOT MATERIALIZED "]);
      let body: string;
      if (recursive && this.chance(0.6)) {
        // the recursive part usually names the entry itself; the anchor sometimes does too
        const self = this.chance(0.75) ? this.spell(name) : this.reference();
        const anchor = this.chance(0.2) ? this.read(this.spell(name)) : this.q(depth);
        body = `(${anchor}) UNION ${this.chance(0.5) ? "ALL " : ""}(SELECT CAST(r AS VARCHAR) AS v FROM ${self} AS r WHERE length(CAST(r AS VARCHAR)) < 60)`;
      } else {
        body = this.q(depth);
      }
      entries.push(`${spelled} AS ${materialized}(${body})`);
    }
    const main = this.q(depth);
    // a WITH list cannot follow another directly: the inner one goes in a subquery
    const body = main.startsWith("WITH") ? `SELECT s.v FROM (${main}) AS s` : main;
    return `WITH ${recursive ? "RECURSIVE " : ""}${entries.join(", ")} ${body}`;
  }
}

describe("the sandbox under generated queries", () => {
  let marked: MarkedWarehouse;
  let twin: Twin;
  beforeAll(async () => {
    marked = await openMarkedWarehouse();
    twin = await openTwin(marked);
  });
  afterAll(async () => {
    twin.close();
    await marked.close();
  });

  it("reads the base tables from the warehouse itself", () => {
    expect(marked.baseTables).toEqual(
      expect.arrayContaining(["facts", "tokens", "sessions", "audit", "sql_history", "submissions", "meta"]),
    );
  });

  it(`never returns or names a base table's rows, and accepts only queries that read the views (${QUERIES} queries, seed ${SEED})`, async () => {
    const generator = new Generator(SEED, marked.baseTables, marked.catalog);
    const outcomes = { accepted: 0, refused: 0, failed: 0 };
    const problems: string[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const sql = generator.query();
      try {
        const result = await runSandboxed(marked.db, sql, { timeoutMs: 5000, maxRows: 2000 });
        outcomes.accepted++;
        if (JSON.stringify(result.rows).includes(MARKER)) problems.push(`returned a marker: ${sql}`);
        const beyond = await twin.readsBeyondViews(sql);
        if (beyond) problems.push(`accepted a query that reads ${beyond}: ${sql}`);
      } catch (error) {
        if (!(error instanceof SqlRefused)) throw new Error(`${String(error)}\n${sql}`);
        if (error.kind === "refused") outcomes.refused++;
        else outcomes.failed++;
        if (error.zh.includes(MARKER) || error.en.includes(MARKER))
          problems.push(`message leaks a marker: ${sql}`);
      }
    }
    expect(problems).toEqual([]);
    // the generator must reach both sides of the line, or the test proves nothing
    expect(outcomes.accepted).toBeGreaterThan(QUERIES * 0.1);
    expect(outcomes.refused).toBeGreaterThan(QUERIES * 0.3);
  });
});
