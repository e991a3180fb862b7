/**
 * Why the analyst sandbox did not answer a query, in Chinese and English. Every message names
 * what is allowed instead, so an analyst can fix the query without asking anyone; where DuckDB
 * itself raised the error its own words follow the explanation, for the analyst to read.
 *
 * `kind` tells the callers how to answer: `refused` (the sandbox will not run this query),
 * `failed` (DuckDB could not run it: a mistake in the query), `limit` (it ran into the time,
 * memory or result-size ceiling), `busy` (other queries held the database past its time limit).
 */
import { ANALYST_VIEWS, SAFE_TABLE_FUNCTIONS } from "./sandboxPolicy.ts";

export type RefusalKind = "refused" | "failed" | "limit" | "busy";

export class SqlRefused extends Error {
  /** A stable key for scripts and the query history; never shown inside a message. */
  readonly code: string;
  readonly kind: RefusalKind;
  readonly zh: string;
  readonly en: string;
  constructor(kind: RefusalKind, code: string, zh: string, en: string) {
    super(en);
    this.name = "SqlRefused";
    this.kind = kind;
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

const VIEWS_ZH = ANALYST_VIEWS.join("、");
const VIEWS_EN = `${ANALYST_VIEWS.slice(0, -1).join(", ")} and ${ANALYST_VIEWS.at(-1)}`;
const TABLE_FUNCTIONS = SAFE_TABLE_FUNCTIONS.join(", ");

/** A name as the analyst wrote it, with control and direction characters made visible. */
export function shownName(name: string): string {
  return name.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function tooLong(maxLength: number): SqlRefused {
  const n = maxLength.toLocaleString("en");
  return new SqlRefused(
    "refused",
    "too_long",
    `查询语句过长（上限 ${n} 个字符）。`,
    `The query is too long (${n} characters at most).`,
  );
}

export function notOneStatement(count: number): SqlRefused {
  return new SqlRefused(
    "refused",
    "one_statement",
    `每次只能执行一条语句（收到 ${count} 条）。`,
    `Exactly one statement at a time (got ${count}).`,
  );
}

export function notSelect(statement: string): SqlRefused {
  return new SqlRefused(
    "refused",
    "not_select",
    `只允许只读的 SELECT 查询；${statement} 语句不能在分析控制台执行。`,
    `Only read-only SELECT queries are allowed; ${statement} statements cannot run in the analyst console.`,
  );
}

export function pivotWithoutValues(): SqlRefused {
  return new SqlRefused(
    "refused",
    "pivot_values",
    "PIVOT 须用 IN 写明要展开的值，例如：PIVOT v_facts ON indicator IN ('reemployed', 'new_jobs') USING sum(value)。",
    "PIVOT must list the values to spread with IN, for example: PIVOT v_facts ON indicator IN ('reemployed', 'new_jobs') USING sum(value).",
  );
}

/** A table reference that is neither an analyst view nor a WITH name visible where it stands. */
export function notAView(
  shown: string,
  hint: "qualified_cte" | "cte_out_of_scope" | "recursive_anchor" | null,
): SqlRefused {
  const hints = {
    qualified_cte: [
      `WITH 定义的名称不能加前缀：请直接写 ${shown.split(".").at(-1)}。`,
      `A WITH name takes no prefix: write ${shown.split(".").at(-1)} alone.`,
    ],
    cte_out_of_scope: [
      "WITH 定义的名称只在它所属的那一层查询中、且在定义之后可见；在子查询（包括 EXISTS、IN）里定义的名称在外层不可用。",
      "A WITH name is visible only in the query it belongs to, and only after it is defined; a name defined inside a subquery (EXISTS and IN included) cannot be used outside it.",
    ],
    recursive_anchor: [
      "递归 WITH 只能在 UNION 之后的递归部分引用自己。",
      "A recursive WITH can refer to itself only in its recursive part, after the UNION.",
    ],
  };
  const [zhHint, enHint] = hint ? hints[hint] : ["", ""];
  return new SqlRefused(
    "refused",
    "not_a_view",
    `不能读取 ${shown}：只能查询视图 ${VIEWS_ZH}，以及本查询 WITH 中定义、在该处可见的名称。${zhHint}`,
    `${shown} cannot be read: only the views ${VIEWS_EN} can be queried, and the WITH names of this query where they are visible.${enHint ? ` ${enHint}` : ""}`,
  );
}

export function tableFunction(name: string): SqlRefused {
  return new SqlRefused(
    "refused",
    "table_function",
    `不允许使用表函数 ${name}（不能读取文件、网络或系统信息）；可用的表函数只有 ${TABLE_FUNCTIONS}。`,
    `The table function ${name} is not allowed (no files, network or system information); the table functions available are ${TABLE_FUNCTIONS}.`,
  );
}

export function deniedFunction(name: string): SqlRefused {
  return new SqlRefused(
    "refused",
    "function",
    `不允许使用函数 ${name}：它读取设置、变量、序列或系统目录，而不是视图中的数据。`,
    `The function ${name} is not allowed: it reads settings, variables, sequences or the system catalog rather than the views' data.`,
  );
}

export function parameter(): SqlRefused {
  return new SqlRefused(
    "refused",
    "parameter",
    "查询中不能使用参数（$1、? 等）；请把值直接写进查询。",
    "Queries cannot take parameters ($1, ? and the like); write the values into the query itself.",
  );
}

export function showStatement(): SqlRefused {
  return new SqlRefused(
    "refused",
    "show",
    `SHOW 不可用；可查询的视图为 ${VIEWS_ZH}，用 DESCRIBE v_facts 查看一个视图的列。`,
    `SHOW is not available; the views are ${VIEWS_EN}, and DESCRIBE v_facts lists a view's columns.`,
  );
}

export function timeTravel(): SqlRefused {
  return new SqlRefused(
    "refused",
    "at_clause",
    "不支持按版本或时间读取（AT …）；视图只有当前的数据。",
    "Reading as of a version or time (AT …) is not supported; the views hold the current data.",
  );
}

/** Syntax the sandbox does not know how to check, refused rather than guessed at. */
export function uncheckable(): SqlRefused {
  return new SqlRefused(
    "refused",
    "uncheckable",
    "沙箱无法核查此查询的某种写法，为安全起见不予执行；请改用普通的 SELECT、WITH、JOIN 与子查询。",
    "The sandbox cannot check a construct in this query, so it does not run it; write it with plain SELECT, WITH, JOIN and subqueries.",
  );
}

export function unsupportedResultType(type: string): SqlRefused {
  return new SqlRefused(
    "refused",
    "result_type",
    `结果中有 ${type} 类型的列，无法返回；请用 CAST(… AS VARCHAR) 转换后再查询。`,
    `A result column has the type ${type}, which cannot be returned; CAST it to VARCHAR and query again.`,
  );
}

export function busy(timeoutMs: number): SqlRefused {
  const seconds = (timeoutMs / 1000).toLocaleString("en");
  return new SqlRefused(
    "busy",
    "busy",
    `其他分析查询正在运行，本查询等候 ${seconds} 秒仍未开始；请稍后再试。`,
    `Other analyst queries kept the database busy; this one waited ${seconds} s without starting. Try again shortly.`,
  );
}

export function timedOut(timeoutMs: number): SqlRefused {
  const seconds = (timeoutMs / 1000).toLocaleString("en");
  return new SqlRefused(
    "limit",
    "timeout",
    `查询超过时间上限（${seconds} 秒）已被中止。请缩小范围（加 WHERE 条件、先汇总）后再试。`,
    `The query ran past the time limit (${seconds} s) and was stopped. Narrow it (a WHERE condition, aggregate first) and try again.`,
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30 && bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30} GB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

export function resultTooLarge(maxBytes: number): SqlRefused {
  const size = formatBytes(maxBytes);
  return new SqlRefused(
    "limit",
    "result_too_large",
    `查询结果超过 ${size} 的上限，已停止读取，没有返回任何行。请只选需要的列、加 WHERE 或 LIMIT，或先汇总（GROUP BY）。`,
    `The query's result is over the ${size} limit; reading stopped and no rows are returned. Select only the columns you need, add WHERE or LIMIT, or aggregate first (GROUP BY).`,
  );
}

export function valueTooLarge(fn: string, maxBytes: number): SqlRefused {
  const size = formatBytes(maxBytes);
  return new SqlRefused(
    "limit",
    "value_too_large",
    `函数 ${fn} 会生成大于 ${size} 的值，超过查询结果的上限，因此不予执行。`,
    `The function ${fn} would build a value larger than ${size}, over the limit of a query's result, so the query does not run.`,
  );
}

export function outOfMemory(memoryLimitBytes: number, original: string): SqlRefused {
  const size = formatBytes(memoryLimitBytes);
  return new SqlRefused(
    "limit",
    "out_of_memory",
    `查询所需内存超过数据库的上限（${size}），已被中止。请缩小范围：加 WHERE 条件、减少连接，或先汇总再排序。\nDuckDB 原始信息：${original}`,
    `The query needed more memory than the database allows (${size}) and was stopped. Narrow it: a WHERE condition, fewer joins, or aggregate before sorting.\nDuckDB said: ${original}`,
  );
}

/** DuckDB could not run the query; the explanation first, DuckDB's own words below it. */
export function failed(code: string, zh: string, en: string, original: string): SqlRefused {
  return new SqlRefused(
    "failed",
    code,
    `${zh}\nDuckDB 原始信息：${original}`,
    `${en}\nDuckDB said: ${original}`,
  );
}
