// The SQL console: an editor (Ctrl+Enter or ⌘+Enter runs), the schema browser (GET /api/schema:
// each view and column with what it means, and each reported item of v_facts with its names,
// unit of count, 本月数 or 期末数 and who reports it), the result table with the truncation notice
// and elapsed time, errors as the server explains them in the page's language (DuckDB's own words
// below, kept as written), downloads as CSV, Arrow or Parquet (POST /api/sql with the matching
// Accept header, saved from a blob), and the caller's own query history, each entry reloadable
// into the editor. Times are Beijing time and say so.
import {
  el,
  errorOf,
  expiredNotice,
  fetchJson,
  formatNumber,
  formatTime,
  show,
  t,
  withLang,
} from "./portal.js";

const SHOWN_ROWS = 1000;
const FORMATS = {
  csv: "text/csv",
  arrow: "application/vnd.apache.arrow.stream",
  parquet: "application/vnd.apache.parquet",
};

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const runButton = $("run");
const statusBox = $("status");
const resultBox = $("result");
const schemaBox = $("schema");
const historyBox = $("history");

/** Where the server's explanation ends and DuckDB's own message begins (warehouse/sqlRefused.ts). */
const ORIGINAL = /\n(?:DuckDB 原始信息：|DuckDB said: )/;

function errorNotice(error) {
  if (error?.status === 401) return expiredNotice();
  const message = error?.message ?? String(error);
  const split = ORIGINAL.exec(message);
  const explained = split ? message.slice(0, split.index) : message;
  const original = split ? message.slice(split.index + split[0].length) : null;
  return el(
    "div",
    { class: "notice bad", role: "alert" },
    el("p", {}, el("strong", {}, t("查询未执行：", "The query did not run: ")), explained),
    original
      ? el(
          "div",
          {},
          el("p", { class: "hint" }, t("DuckDB 原始信息：", "DuckDB's own words:")),
          el("pre", { class: "detail", lang: "en" }, original),
        )
      : null,
  );
}

/** Whether a result column holds instants (written in Beijing time, +08:00). */
function isInstant(type) {
  return /^TIMESTAMP( WITH TIME ZONE|TZ)/.test(type ?? "");
}

function cell(value, type) {
  if (value === null || value === undefined) return el("td", { class: "null" }, "NULL");
  const numeric =
    typeof value === "number" ||
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|DOUBLE|FLOAT|DECIMAL|REAL)/.test(type ?? "");
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return el("td", { class: numeric ? "num" : null }, text);
}

function renderResult(result) {
  const shown = result.rows.slice(0, SHOWN_ROWS);
  const notes = [
    t(`${formatNumber(result.rows.length)} 行`, `${formatNumber(result.rows.length)} rows`),
    t(`用时 ${formatNumber(result.elapsed_ms)} 毫秒`, `${formatNumber(result.elapsed_ms)} ms`),
  ];
  show(
    statusBox,
    el("p", {}, notes.join(" · ")),
    result.truncated
      ? el(
          "div",
          { class: "notice warn" },
          t(
            `结果已截断：只返回了前 ${formatNumber(result.rows.length)} 行。请缩小查询范围，或加上 LIMIT/聚合。`,
            `The result was truncated: only the first ${formatNumber(result.rows.length)} rows came back. Narrow the query, or add LIMIT or aggregation.`,
          ),
        )
      : null,
    result.rows.length > SHOWN_ROWS
      ? el(
          "p",
          { class: "hint" },
          t(
            `页面只显示前 ${formatNumber(SHOWN_ROWS)} 行；完整结果请下载。`,
            `The page shows the first ${formatNumber(SHOWN_ROWS)} rows; download for all of them.`,
          ),
        )
      : null,
  );
  show(
    resultBox,
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        {},
        el("caption", { class: "sr" }, t("查询结果", "Query result")),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            result.columns.map((c) =>
              el(
                "th",
                { scope: "col", title: c.type },
                c.name,
                isInstant(c.type)
                  ? el("span", { class: "hint" }, t("（北京时间）", " (Beijing time)"))
                  : null,
              ),
            ),
          ),
        ),
        el(
          "tbody",
          {},
          shown.map((row) =>
            el(
              "tr",
              {},
              row.map((v, i) => cell(v, result.columns[i]?.type)),
            ),
          ),
        ),
      ),
    ),
  );
}

async function run() {
  const sql = editor.value.trim();
  if (!sql) {
    editor.focus();
    return;
  }
  runButton.disabled = true;
  show(statusBox, el("p", {}, t("正在查询…", "Running…")));
  try {
    const result = await fetchJson("/api/sql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ sql }),
    });
    renderResult(result);
  } catch (error) {
    show(statusBox, errorNotice(error));
    show(resultBox);
  } finally {
    runButton.disabled = false;
  }
  loadHistory();
}

function fileNameOf(response, format) {
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  if (plain) return plain[1];
  return `jobtrack-query.${format}`;
}

async function download(format) {
  const sql = editor.value.trim();
  if (!sql) return;
  const button = $(`dl-${format}`);
  button.disabled = true;
  try {
    const response = await fetch(withLang("/api/sql"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: FORMATS[format] },
      body: JSON.stringify({ sql }),
    });
    if (!response.ok) {
      show(statusBox, errorNotice({ status: response.status, ...(await errorOf(response)) }));
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: fileNameOf(response, format), class: "sr" }, "download");
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const truncated = response.headers.get("x-truncated") === "true";
    show(
      statusBox,
      el(
        "p",
        {},
        t(`已下载 ${format.toUpperCase()} 文件。`, `${format.toUpperCase()} file downloaded.`),
        truncated ? t("（结果已截断）", " (the result was truncated)") : "",
      ),
    );
  } catch (error) {
    show(statusBox, errorNotice({ code: "network", message: String(error) }));
  } finally {
    button.disabled = false;
  }
  loadHistory();
}

function insertAtCursor(text) {
  const start = editor.selectionStart ?? editor.value.length;
  const end = editor.selectionEnd ?? start;
  editor.setRangeText(text, start, end, "end");
  editor.focus();
}

function described(item) {
  return t(item.zh ?? "", item.en ?? "");
}

/** A view: what it holds, a button to query it, and each column with its type and meaning. */
function viewEntry(view) {
  return el(
    "details",
    {},
    el("summary", {}, view.name),
    el("p", { class: "hint" }, described(view)),
    el(
      "p",
      {},
      el(
        "button",
        { type: "button", class: "secondary", "data-view": view.name },
        t("查询此视图", "Query this view"),
      ),
    ),
    el(
      "ul",
      {},
      view.columns.map((c) =>
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              class: "column",
              "data-column": c.name,
              title: t("插入到光标处", "Insert at the cursor"),
            },
            c.name,
          ),
          " ",
          el("span", { class: "hint" }, c.type.toLowerCase()),
          described(c) ? el("div", { class: "hint" }, described(c)) : null,
        ),
      ),
    ),
  );
}

/**
 * A reported item: its key (inserted as a quoted value), names, unit of count, flow or stock, who
 * reports it, and for a "其中" item the total it is part of — its description says "上项", which
 * means the template's column before it, not the entry above it here once the list is filtered.
 */
function itemEntry(item, all) {
  const name = t(item.zh, item.en);
  const total = item.subset_of === null ? undefined : all.find((i) => i.key === item.subset_of);
  const facts = [
    t(`单位：${item.unit_of_count.zh}`, `unit: ${item.unit_of_count.en}`),
    t(item.flow_words.zh, item.flow_words.en),
    t(`报送：${item.reported_by.zh}`, `reported by ${item.reported_by.en}`),
    total ? t(`上项：${total.zh}（${total.key}）`, `part of: ${total.en} (${total.key})`) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return el(
    "li",
    { "data-item": `${item.key} ${item.zh} ${item.en}`.toLowerCase() },
    el(
      "button",
      {
        type: "button",
        class: "column",
        "data-column": `'${item.key}'`,
        title: t("把统计项代码插入到光标处", "Insert the item's key at the cursor"),
      },
      item.key,
    ),
    " ",
    name,
    el("div", { class: "hint" }, facts),
    item.description ? el("div", { class: "hint" }, described(item.description)) : null,
  );
}

async function loadSchema() {
  try {
    const body = await fetchJson("/api/schema");
    const filter = el("input", {
      type: "text",
      id: "item-filter",
      placeholder: t("按代码或名称筛选", "Filter by key or name"),
      "aria-label": t("筛选统计项", "Filter the reported items"),
    });
    const items = el(
      "ul",
      { id: "items" },
      body.indicators.map((item) => itemEntry(item, body.indicators)),
    );
    filter.addEventListener("input", () => {
      const q = filter.value.trim().toLowerCase();
      for (const li of items.children) li.hidden = q !== "" && !li.dataset.item.includes(q);
    });
    show(
      schemaBox,
      body.views.map(viewEntry),
      el(
        "details",
        {},
        el(
          "summary",
          {},
          t(`统计项说明（${body.indicators.length} 项）`, `Reported items (${body.indicators.length})`),
        ),
        el(
          "p",
          { class: "hint" },
          t(
            "v_facts.indicator 的取值及其含义；也可查询视图 v_indicators。",
            "The values of v_facts.indicator and what they mean; the view v_indicators holds them too.",
          ),
        ),
        filter,
        items,
      ),
    );
  } catch (error) {
    show(schemaBox, errorNotice(error));
  }
}

async function loadHistory() {
  try {
    const body = await fetchJson("/api/sql/history?limit=100");
    // each statement once, at its latest run
    const seen = new Set();
    const entries = body.history.filter((h) => !seen.has(h.sql) && seen.add(h.sql)).slice(0, 30);
    if (!entries.length) {
      show(historyBox, el("li", { class: "hint" }, t("还没有查询记录。", "No queries yet.")));
      return;
    }
    show(
      historyBox,
      entries.map((h) =>
        el(
          "li",
          {},
          el(
            "button",
            { type: "button", "data-sql": h.sql, title: t("载入编辑器", "Load into the editor") },
            h.sql.length > 200 ? `${h.sql.slice(0, 200)}…` : h.sql,
          ),
          el(
            "span",
            { class: "meta" },
            [
              t(`${formatTime(h.at)}（北京时间）`, `${formatTime(h.at)} (Beijing time)`),
              h.result === "ok" ? t(`${h.rows} 行`, `${h.rows} rows`) : t("未执行", "did not run"),
              h.elapsed_ms === null ? null : `${h.elapsed_ms} ms`,
            ]
              .filter(Boolean)
              .join(" · "),
          ),
        ),
      ),
    );
  } catch (error) {
    show(historyBox, el("li", {}, errorNotice(error)));
  }
}

runButton.addEventListener("click", run);
for (const format of Object.keys(FORMATS))
  $(`dl-${format}`).addEventListener("click", () => download(format));
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
schemaBox.addEventListener("click", (event) => {
  const column = event.target.closest?.("button[data-column]")?.dataset.column;
  if (column) {
    insertAtCursor(column);
    return;
  }
  const view = event.target.closest?.("button[data-view]")?.dataset.view;
  if (!view) return;
  editor.value = `SELECT * FROM ${view} LIMIT 100`;
  editor.focus();
});
historyBox.addEventListener("click", (event) => {
  const sql = event.target.closest?.("button[data-sql]")?.dataset.sql;
  if (sql === undefined) return;
  editor.value = sql;
  editor.focus();
});

loadSchema();
loadHistory();
