/**
 * The sandbox's check of a parsed query (DuckDB's own parse tree, from json_serialize_sql): every
 * table reference must resolve to an analyst view or to a WITH name visible at that point, every
 * table function must only generate values, and no function may read settings or the catalog.
 *
 * Names are resolved with DuckDB's scoping, not collected from the whole tree: a WITH name is
 * visible in the query it belongs to (its body, its set operation's branches, its clauses and
 * every subquery inside them — EXISTS, IN, scalar, lateral, table-function arguments) and, inside
 * its own WITH list, only to the entries after it. A WITH entry does not see itself, except a
 * recursive one in its recursive part (the right side of its UNION). A qualified name
 * (`main.t`, `db.main.t`) never means a WITH name; the only qualified name allowed is
 * `main.<view>`. The query of DESCRIBE or SUMMARIZE is checked as if no WITH name were visible.
 *
 * It fails closed: each kind of node is checked against the exact fields the pinned DuckDB
 * writes for it (FIELDS), and a node type or field this module does not know refuses the query.
 */
import { builtBytes } from "./builtBytes.ts";
import { asciiLower, isAnalystView, isDeniedFunction, isSafeTableFunction } from "./sandboxPolicy.ts";
import {
  deniedFunction,
  notAView,
  parameter,
  shownName,
  showStatement,
  tableFunction,
  timeTravel,
  uncheckable,
  valueTooLarge,
} from "./sqlRefused.ts";

// biome-ignore lint/suspicious/noExplicitAny: DuckDB's JSON parse tree, checked field by field below
type Node = Record<string, any>;

/** The WITH names visible at a point, in DuckDB's comparison form. */
type Scope = ReadonlySet<string>;

const EMPTY: Scope = new Set();

const REF = "type alias sample query_location";
const EXPR = "class type alias query_location";
const CALL = `${EXPR} function_name schema catalog children filter order_bys distinct is_operator export_state`;

/** The fields DuckDB 1.5 writes for each kind of node; any other field refuses the query. */
const FIELDS: Record<string, string> = {
  root: "error statements",
  statement: "node named_param_map",
  SELECT_NODE:
    "type modifiers cte_map select_list from_table where_clause group_expressions group_sets aggregate_handling having sample qualify",
  SET_OPERATION_NODE: "type modifiers cte_map setop_type setop_all left right",
  RECURSIVE_CTE_NODE: "type modifiers cte_map cte_name union_all left right aliases key_targets",
  cte_map: "map",
  cte_entry: "key value",
  cte: "aliases query materialized key_targets",
  EMPTY: REF,
  BASE_TABLE: `${REF} schema_name table_name column_name_alias catalog_name at_clause`,
  JOIN: `${REF} left right condition join_type ref_type using_columns delim_flipped duplicate_eliminated_columns`,
  SUBQUERY: `${REF} subquery column_name_alias`,
  TABLE_FUNCTION: `${REF} function column_name_alias with_ordinality`,
  EXPRESSION_LIST: `${REF} expected_names expected_types values`,
  PIVOT: `${REF} source aggregates unpivot_names pivots groups include_nulls column_name_alias`,
  pivot: "pivot_expressions unpivot_names entries pivot_enum",
  pivot_entry: "values star_expr alias",
  SHOW_REF: `${REF} table_name query show_type catalog_name schema_name`,
  ORDER_MODIFIER: "type orders",
  LIMIT_MODIFIER: "type limit offset",
  LIMIT_PERCENT_MODIFIER: "type limit offset",
  DISTINCT_MODIFIER: "type distinct_on_targets",
  order: "type null_order expression",
  CONSTANT: `${EXPR} value`,
  COLUMN_REF: `${EXPR} column_names`,
  POSITIONAL_REFERENCE: `${EXPR} index`,
  FUNCTION: CALL,
  WINDOW: `${EXPR} function_name schema catalog children partitions orders filter_expr ignore_nulls start end start_expr end_expr offset_expr default_expr distinct arg_orders exclude_clause`,
  SUBQUERY_EXPRESSION: `${EXPR} subquery_type subquery child comparison_type`,
  COMPARISON: `${EXPR} left right`,
  CONJUNCTION: `${EXPR} children`,
  OPERATOR: `${EXPR} children`,
  BETWEEN: `${EXPR} input lower upper`,
  CASE: `${EXPR} case_checks else_expr`,
  case_check: "when_expr then_expr",
  CAST: `${EXPR} child cast_type try_cast`,
  COLLATE: `${EXPR} child collation`,
  LAMBDA: `${EXPR} lhs expr syntax_type`,
  STAR: `${EXPR} relation_name exclude_list replace_list columns expr qualified_exclude_list rename_list`,
  replace: "key value",
};

const KNOWN = new Map(Object.entries(FIELDS).map(([kind, list]) => [kind, new Set(list.split(" "))]));

interface AllowListOptions {
  /** A call that builds a larger value from constant sizes is refused (builtBytes.ts says why). */
  maxValueBytes: number;
}

/** Throws SqlRefused unless the parsed statement reads only analyst views and its own visible WITH names. */
export function checkAllowList(parsed: unknown, options: AllowListOptions): void {
  new AllowList(options).check(parsed);
}

class AllowList {
  /** Every WITH name declared anywhere, for a clearer message when one is used out of its scope. */
  private readonly declared = new Set<string>();
  /** Recursive WITH entries whose anchor is being checked, for a clearer message. */
  private readonly anchors: string[] = [];

  constructor(private readonly options: AllowListOptions) {}

  check(parsed: unknown): void {
    const root = node(parsed, "root");
    if (root.error !== false || !Array.isArray(root.statements) || root.statements.length !== 1) {
      throw uncheckable();
    }
    collectDeclared(root, this.declared);
    this.statement(root.statements[0], EMPTY);
  }

  /** `{ node, named_param_map }`: a whole SELECT (also a subquery's and a WITH entry's body). */
  private statement(value: unknown, scope: Scope): void {
    const s = node(value, "statement");
    noParameters(s.named_param_map);
    this.queryNode(s.node, scope);
  }

  private queryNode(value: unknown, scope: Scope): void {
    const q = node(value);
    // a RECURSIVE_CTE_NODE is understood only as the body of its own WITH entry
    if (q.type !== "SELECT_NODE" && q.type !== "SET_OPERATION_NODE") throw uncheckable();
    fields(q, q.type);
    const inner = this.withList(q.cte_map, scope);
    if (q.type === "SET_OPERATION_NODE") {
      this.queryNode(q.left, inner);
      this.queryNode(q.right, inner);
    } else {
      this.tableRef(q.from_table, inner);
      this.expressions(q.select_list, inner);
      this.optional(q.where_clause, inner);
      this.expressions(q.group_expressions, inner);
      inert(q.group_sets);
      this.optional(q.having, inner);
      this.optional(q.qualify, inner);
      inert(q.sample);
    }
    this.modifiers(q.modifiers, inner);
  }

  /** Checks each entry's body in the scope it sees; returns the scope of the query that owns the list. */
  private withList(value: unknown, scope: Scope): Scope {
    const map = node(value, "cte_map");
    if (!Array.isArray(map.map)) throw uncheckable();
    let visible = scope;
    for (const item of map.map) {
      const entry = node(item, "cte_entry");
      if (typeof entry.key !== "string") throw uncheckable();
      const name = asciiLower(entry.key);
      const cte = node(entry.value, "cte");
      inert(cte.aliases);
      if (
        !["CTE_MATERIALIZE_DEFAULT", "CTE_MATERIALIZE_ALWAYS", "CTE_MATERIALIZE_NEVER"].includes(
          cte.materialized,
        )
      ) {
        throw uncheckable();
      }
      const body = node(cte.query, "statement");
      noParameters(body.named_param_map);
      if (node(body.node).type === "RECURSIVE_CTE_NODE") this.recursive(body.node, visible, name);
      else this.queryNode(body.node, visible);
      this.expressions(cte.key_targets, visible);
      visible = new Set([...visible, name]);
    }
    return visible;
  }

  /** A recursive WITH entry: its anchor (left) does not see it, its recursive part (right) does. */
  private recursive(value: unknown, scope: Scope, name: string): void {
    const r = node(value, "RECURSIVE_CTE_NODE");
    if (typeof r.cte_name !== "string" || asciiLower(r.cte_name) !== name) throw uncheckable();
    if (node(r.cte_map, "cte_map").map?.length !== 0) throw uncheckable();
    this.anchors.push(name);
    this.queryNode(r.left, scope);
    this.anchors.pop();
    this.queryNode(r.right, new Set([...scope, name]));
    this.modifiers(r.modifiers, scope);
    inert(r.aliases);
    this.expressions(r.key_targets, scope);
  }

  private tableRef(value: unknown, scope: Scope): void {
    const t = node(value);
    if (typeof t.type !== "string" || !KNOWN.has(t.type) || t.type !== t.type.toUpperCase())
      throw uncheckable();
    fields(t, t.type);
    inert(t.sample);
    inert(t.column_name_alias);
    switch (t.type) {
      case "EMPTY":
        return;
      case "BASE_TABLE":
        if (t.at_clause !== null) throw timeTravel();
        this.resolve(t.catalog_name, t.schema_name, t.table_name, scope);
        return;
      case "JOIN":
        this.tableRef(t.left, scope);
        this.tableRef(t.right, scope);
        this.optional(t.condition, scope);
        inert(t.using_columns);
        if (!Array.isArray(t.duplicate_eliminated_columns) || t.duplicate_eliminated_columns.length) {
          throw uncheckable();
        }
        return;
      case "SUBQUERY":
        this.statement(t.subquery, scope);
        return;
      case "TABLE_FUNCTION": {
        const fn = node(t.function);
        const name = typeof fn.function_name === "string" ? fn.function_name : "?";
        if (fn.class !== "FUNCTION" || fn.catalog !== "" || fn.schema !== "" || !isSafeTableFunction(name)) {
          throw tableFunction(shownName(name));
        }
        // range(…) in FROM streams its rows; only the scalar form builds one list value
        this.call(fn, scope, false);
        return;
      }
      case "EXPRESSION_LIST":
        if (!Array.isArray(t.values)) throw uncheckable();
        for (const row of t.values) this.expressions(row, scope);
        inert(t.expected_names);
        inert(t.expected_types);
        return;
      case "PIVOT":
        this.tableRef(t.source, scope);
        this.expressions(t.aggregates, scope);
        inert(t.unpivot_names);
        inert(t.groups);
        if (!Array.isArray(t.pivots)) throw uncheckable();
        for (const item of t.pivots) {
          const pivot = node(item, "pivot");
          // an enum names a type from the catalog whose values would be read
          if (pivot.pivot_enum !== "") throw uncheckable();
          this.expressions(pivot.pivot_expressions, scope);
          inert(pivot.unpivot_names);
          if (!Array.isArray(pivot.entries)) throw uncheckable();
          for (const e of pivot.entries) {
            const entry = node(e, "pivot_entry");
            inert(entry.values);
            this.optional(entry.star_expr, scope);
          }
        }
        return;
      case "SHOW_REF":
        // DESCRIBE and SUMMARIZE of a query (`DESCRIBE v_facts` is parsed as one); SHOW TABLES and
        // the like name the catalog instead. The query is bound apart from the enclosing one.
        if (
          t.table_name !== "" ||
          t.catalog_name !== "" ||
          t.schema_name !== "" ||
          t.query === null ||
          !["DESCRIBE", "SUMMARY"].includes(t.show_type)
        ) {
          throw showStatement();
        }
        this.queryNode(t.query, EMPTY);
        return;
      default:
        throw uncheckable();
    }
  }

  /** A base table reference: a visible WITH name (unqualified only), or an analyst view. */
  private resolve(catalog: unknown, schema: unknown, table: unknown, scope: Scope): void {
    if (typeof catalog !== "string" || typeof schema !== "string" || typeof table !== "string") {
      throw uncheckable();
    }
    const name = asciiLower(table);
    if (catalog === "" && schema === "" && scope.has(name)) return;
    if (catalog === "" && (schema === "" || asciiLower(schema) === "main") && isAnalystView(table)) return;
    const shown = shownName([catalog, schema, table].filter(Boolean).join("."));
    if (catalog !== "" || schema !== "") throw notAView(shown, scope.has(name) ? "qualified_cte" : null);
    if (this.anchors.includes(name)) throw notAView(shown, "recursive_anchor");
    throw notAView(shown, this.declared.has(name) ? "cte_out_of_scope" : null);
  }

  private modifiers(value: unknown, scope: Scope): void {
    if (!Array.isArray(value)) throw uncheckable();
    for (const item of value) {
      const m = node(item);
      if (
        !["ORDER_MODIFIER", "LIMIT_MODIFIER", "LIMIT_PERCENT_MODIFIER", "DISTINCT_MODIFIER"].includes(m.type)
      ) {
        throw uncheckable();
      }
      fields(m, m.type);
      if (m.type === "ORDER_MODIFIER") this.orders(m.orders, scope);
      else if (m.type === "DISTINCT_MODIFIER") this.expressions(m.distinct_on_targets, scope);
      else {
        this.optional(m.limit, scope);
        this.optional(m.offset, scope);
      }
    }
  }

  private orders(value: unknown, scope: Scope): void {
    if (!Array.isArray(value)) throw uncheckable();
    for (const item of value) this.expression(node(item, "order").expression, scope);
  }

  private expressions(value: unknown, scope: Scope): void {
    if (!Array.isArray(value)) throw uncheckable();
    for (const e of value) this.expression(e, scope);
  }

  private optional(value: unknown, scope: Scope): void {
    if (value !== null) this.expression(value, scope);
  }

  private expression(value: unknown, scope: Scope): void {
    const e = node(value);
    switch (e.class) {
      case "CONSTANT":
        fields(e, "CONSTANT");
        inert(e.value);
        return;
      case "COLUMN_REF":
      case "POSITIONAL_REFERENCE":
        fields(e, e.class);
        inert(e.column_names);
        return;
      case "PARAMETER":
        throw parameter();
      case "FUNCTION":
        this.call(e, scope, true);
        return;
      case "WINDOW":
        fields(e, "WINDOW");
        this.functionName(e.function_name);
        this.expressions(e.children, scope);
        this.expressions(e.partitions, scope);
        this.orders(e.orders, scope);
        this.orders(e.arg_orders, scope);
        for (const key of ["filter_expr", "start_expr", "end_expr", "offset_expr", "default_expr"]) {
          this.optional(e[key], scope);
        }
        return;
      case "SUBQUERY":
        fields(e, "SUBQUERY_EXPRESSION");
        this.statement(e.subquery, scope);
        this.optional(e.child, scope);
        return;
      case "COMPARISON":
        fields(e, "COMPARISON");
        this.expression(e.left, scope);
        this.expression(e.right, scope);
        return;
      case "CONJUNCTION":
      case "OPERATOR":
        fields(e, e.class);
        this.expressions(e.children, scope);
        return;
      case "BETWEEN":
        fields(e, "BETWEEN");
        this.expression(e.input, scope);
        this.expression(e.lower, scope);
        this.expression(e.upper, scope);
        return;
      case "CASE":
        fields(e, "CASE");
        if (!Array.isArray(e.case_checks)) throw uncheckable();
        for (const item of e.case_checks) {
          const check = node(item, "case_check");
          this.expression(check.when_expr, scope);
          this.expression(check.then_expr, scope);
        }
        this.expression(e.else_expr, scope);
        return;
      case "CAST":
      case "COLLATE":
        fields(e, e.class);
        this.expression(e.child, scope);
        inert(e.cast_type);
        return;
      case "LAMBDA":
        fields(e, "LAMBDA");
        this.expression(e.lhs, scope);
        this.expression(e.expr, scope);
        return;
      case "STAR":
        fields(e, "STAR");
        inert(e.exclude_list);
        inert(e.qualified_exclude_list);
        inert(e.rename_list);
        if (!Array.isArray(e.replace_list)) throw uncheckable();
        for (const item of e.replace_list) this.expression(node(item, "replace").value, scope);
        this.optional(e.expr, scope);
        return;
      default:
        throw uncheckable();
    }
  }

  private call(e: Node, scope: Scope, scalar: boolean): void {
    fields(e, "FUNCTION");
    this.functionName(e.function_name);
    this.expressions(e.children, scope);
    this.optional(e.filter, scope);
    const order = node(e.order_bys, "ORDER_MODIFIER");
    if (order.type !== "ORDER_MODIFIER") throw uncheckable();
    this.orders(order.orders, scope);
    if (scalar && builtBytes(asciiLower(e.function_name), e.children) > this.options.maxValueBytes) {
      throw valueTooLarge(shownName(e.function_name), this.options.maxValueBytes);
    }
  }

  private functionName(name: unknown): void {
    if (typeof name !== "string") throw uncheckable();
    if (isDeniedFunction(name)) throw deniedFunction(shownName(name));
  }
}

/** An object node; with a kind, also one whose every field that kind is known to have. */
function node(value: unknown, kind?: string): Node {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw uncheckable();
  if (kind) fields(value as Node, kind);
  return value as Node;
}

/** Refuses a node with a field the check does not know (a newer DuckDB may add one that holds a query). */
function fields(n: Node, kind: string): void {
  const known = KNOWN.get(kind);
  if (!known) throw uncheckable();
  for (const key of Object.keys(n)) if (!known.has(key)) throw uncheckable();
}

function noParameters(value: unknown): void {
  if (!Array.isArray(value)) throw uncheckable();
  if (value.length !== 0) throw parameter();
}

/** Keys that only a query, a table reference or an expression carries. */
const NODE_KEYS = new Set([
  "class",
  "node",
  "cte_map",
  "subquery",
  "from_table",
  "table_name",
  "function",
  "query",
]);

/** Data (names, constants, types) that must hold no query, table reference or expression. */
function inert(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) inert(item);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (NODE_KEYS.has(key)) throw uncheckable();
      inert(item);
    }
  }
}

/** Every WITH name in the tree, whatever its scope (only to explain a refusal). */
function collectDeclared(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectDeclared(item, into);
  } else if (value !== null && typeof value === "object") {
    const n = value as Node;
    if (Array.isArray(n.cte_map?.map)) {
      for (const entry of n.cte_map.map) if (typeof entry?.key === "string") into.add(asciiLower(entry.key));
    }
    for (const item of Object.values(n)) collectDeclared(item, into);
  }
}
