/**
 * The SQL console (`GET /sql`, analyst and admin): an editor over the analyst views (docs/contract.md §8),
 * the views and their columns, the result table, downloads as CSV, Arrow or Parquet, and the
 * caller's own query history. The work happens in /assets/portal/sql.js against /api/sql.
 */
import { type Lang, sayIn } from "../../core/lang.ts";
import { formatBytes } from "../../warehouse/sqlRefused.ts";
import { portalAssetUrl } from "../routes/assets.ts";
import type { Principal } from "../tokens.ts";
import { portalPage } from "./portalLayout.ts";

interface SqlPageOptions {
  lang: Lang;
  who: Principal;
  timeoutMs: number;
  maxRows: number;
  maxResultBytes: number;
}

const DEFAULT_QUERY = `SELECT unit, month, indicator, value
FROM v_facts
ORDER BY month DESC, unit, indicator
LIMIT 100`;

export function sqlPage(o: SqlPageOptions): string {
  const zh = o.lang === "zh";
  const t = sayIn(o.lang);
  const seconds = Math.round(o.timeoutMs / 1000);
  const rows = o.maxRows.toLocaleString(zh ? "zh-CN" : "en-GB");
  const size = formatBytes(o.maxResultBytes);
  const body = `<p class="lead">${t(
    `只读查询：可查询视图 v_units、v_facts、v_submissions、v_cases、v_progress、v_indicators（统计项说明）；每次一条 SELECT 语句，最长 ${seconds} 秒，最多 ${rows} 行、${size}。`,
    `Read-only queries over the views v_units, v_facts, v_submissions, v_cases, v_progress and v_indicators (what each reported item means): one SELECT statement at a time, ${seconds} s, ${rows} rows and ${size} at most.`,
  )}</p>
<div class="sql-layout">
<aside aria-labelledby="schema-h">
<h2 id="schema-h">${t("视图与字段", "Views and columns")}</h2>
<p class="hint">${t("点击字段名插入到光标处。", "Click a column to insert it at the cursor.")}</p>
<div id="schema"><p class="hint">${t("正在加载…", "Loading…")}</p></div>
</aside>
<section aria-labelledby="editor-h">
<h2 id="editor-h">${t("查询", "Query")}</h2>
<label for="editor">${t("SQL 语句（按 Ctrl+Enter 运行）", "SQL statement (Ctrl+Enter runs it)")}</label>
<textarea id="editor" spellcheck="false" autocapitalize="off" autocomplete="off" rows="8" aria-describedby="editor-hint">${DEFAULT_QUERY}</textarea>
<p class="hint" id="editor-hint">${t("Mac 上用 ⌘+Enter。", "On a Mac, ⌘+Enter.")}</p>
<div class="row no-print">
<button type="button" id="run">${t("运行", "Run")}</button>
<span>${t("下载结果：", "Download the result:")}</span>
<button type="button" class="secondary" id="dl-csv">CSV</button>
<button type="button" class="secondary" id="dl-arrow">Arrow</button>
<button type="button" class="secondary" id="dl-parquet">Parquet</button>
</div>
<div id="status" role="status" aria-live="polite"></div>
<div id="result"></div>
</section>
<aside aria-labelledby="history-h">
<h2 id="history-h">${t("我的查询记录", "My recent queries")}</h2>
<p class="hint">${t("点击一条载入编辑器。", "Click one to load it into the editor.")}</p>
<ol class="history" id="history"></ol>
</aside>
</div>
<noscript><p class="notice bad">${t("本页需要启用 JavaScript。", "This page needs JavaScript.")}</p></noscript>`;
  return portalPage({
    lang: o.lang,
    path: "/sql",
    who: o.who,
    title: { zh: "SQL 查询", en: "SQL console" },
    body,
    module: portalAssetUrl("sql.js"),
    data: { role: o.who.role },
    wide: true,
  });
}
