/**
 * DuckDB's own error for an analyst query, explained in Chinese and English with DuckDB's words
 * kept below for the analyst. Two things never pass through: a "Did you mean …" suggestion that
 * names something outside the sandbox's allow-list (DuckDB suggests the nearest catalog entry,
 * base tables and system views included), and the database's folder on disk.
 */
import { dirname } from "node:path";
import { OVER_LIMIT } from "./resultGuard.ts";
import { ANALYST_VIEWS, isAnalystView, isDeniedFunction } from "./sandboxPolicy.ts";
import { failed, outOfMemory, resultTooLarge, type SqlRefused, shownName, timedOut } from "./sqlRefused.ts";

export interface ErrorContext {
  /** The database file (":memory:" for none), whose folder is not shown. */
  dbPath: string;
  memoryLimitBytes: number;
  timeoutMs: number;
  maxResultBytes: number;
  /** Lines of SQL the sandbox put above the analyst's query, taken off DuckDB's "LINE n". */
  lineOffset?: number;
}

const VIEWS_ZH = ANALYST_VIEWS.join("、");
const VIEWS_EN = ANALYST_VIEWS.join(", ");

export function explainDuckdbError(error: unknown, context: ErrorContext): SqlRefused {
  const raw = (error instanceof Error ? error.message : String(error)).replace(
    /^Failed to extract statements: /,
    "",
  );
  const offset = context.lineOffset ?? 0;
  const original = withoutPaths(withoutForeignSuggestions(raw), context.dbPath).replace(
    /^LINE (\d+):/m,
    (line, n: string) => (Number(n) > offset ? `LINE ${Number(n) - offset}:` : line),
  );
  const table = raw.match(/^Catalog Error: Table with name (.+?) does not exist/);
  const fn = raw.match(
    /^Catalog Error: (?:Scalar |Aggregate |Table |Pragma )?Function with name (.+?) does not exist/,
  );
  const column = raw.match(/^Binder Error: Referenced column "?(.+?)"? not found/);
  if (/^INTERRUPT Error/.test(raw)) return timedOut(context.timeoutMs);
  if (raw.includes(OVER_LIMIT)) return resultTooLarge(context.maxResultBytes);
  // DuckDB's advice after it (more threads, a higher limit) is a setting the analyst cannot change
  if (/^Out of Memory Error/.test(raw)) {
    return outOfMemory(context.memoryLimitBytes, original.split("\n\nPossible solutions")[0]);
  }
  if (/^Parser Error/.test(raw)) {
    return failed(
      "syntax",
      "SQL 无法解析：请检查拼写、逗号、括号与引号（文字用单引号，名称用双引号）。",
      "The SQL could not be parsed: check the spelling, commas, brackets and quotes (single quotes for text, double quotes for names).",
      original,
    );
  }
  if (table) {
    const name = shownName(table[1]);
    return failed(
      "unknown_table",
      `没有名为 ${name} 的视图或 WITH 名称。可查询的视图：${VIEWS_ZH}。`,
      `There is no view or WITH name called ${name}. The views: ${VIEWS_EN}.`,
      original,
    );
  }
  if (fn) {
    const name = shownName(fn[1]);
    return failed(
      "unknown_function",
      `没有名为 ${name} 的函数。`,
      `There is no function called ${name}.`,
      original,
    );
  }
  if (column) {
    const name = shownName(column[1]);
    return failed(
      "unknown_column",
      `没有名为 ${name} 的列；用 DESCRIBE 视图名（例如 DESCRIBE v_facts）查看视图有哪些列。`,
      `There is no column called ${name}; DESCRIBE a view (for example DESCRIBE v_facts) to see its columns.`,
      original,
    );
  }
  if (/^Binder Error/.test(raw)) {
    return failed(
      "binder",
      "查询中列、表或函数的用法有误（例如 SELECT 中的列不在 GROUP BY 里，或类型不匹配）。",
      "A column, table or function is used in a way that does not fit (for example a selected column missing from GROUP BY, or mismatched types).",
      original,
    );
  }
  if (/^(Conversion|Out of Range|Mismatch Type) Error/.test(raw)) {
    return failed(
      "conversion",
      "数据转换或计算出错：某个值无法转换成所需的类型，或超出了范围。",
      "A value could not be converted to the type needed, or was out of range.",
      original,
    );
  }
  return failed("query_failed", "查询执行出错。", "The query failed.", original);
}

/**
 * Drops each "Did you mean …?" that suggests anything outside the allow-list: DuckDB picks the
 * nearest name in the whole catalog, base tables and system views included. A suggestion for a
 * misspelt function may name a function the sandbox allows; any other suggestion only a view.
 */
function withoutForeignSuggestions(message: string): string {
  const aboutFunction = /^Catalog Error: (Scalar |Aggregate )?Function with name/.test(message);
  return message.replace(/\s*Did you mean ([^\n]*?)\?(?=\n|$)/g, (whole, list: string) => {
    const names = [...list.matchAll(/"([^"]*)"/g)].map((n) => n[1]);
    const allowed =
      names.length > 0 &&
      names.every((name) =>
        aboutFunction
          ? /^[a-z_][a-z0-9_]*$/i.test(name) && !isDeniedFunction(name)
          : isAnalystView(name.split(".").at(-1) ?? name),
      );
    return allowed ? whole : "";
  });
}

function withoutPaths(message: string, dbPath: string): string {
  if (dbPath === ":memory:") return message;
  const folder = dirname(dbPath);
  return message.split(dbPath).join("…").split(folder).join("…");
}
