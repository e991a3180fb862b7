// The upload page: the months the unit owes (listed by the same function as the server,
// etl/catalogue/monthsOwed.ts, bundled) with the template of the chosen month; choose or drop a
// file, see it decoded and previewed with the first problems marked (the ingest's own unit, month
// and cell rules), send it to POST /api/submissions and show the server's verdict with its
// findings; the unit's explanations of its yellow and red targets (POST /api/notes); and its
// submission history, a refused file with its findings. No internal code is ever shown: every
// message is the server's or the rule's own words, in the page's language.
import {
  el,
  errorOf,
  expiredNotice,
  fetchJson,
  formatMonth,
  formatNumber,
  formatTime,
  lang,
  pageData,
  show,
  t,
  withLang,
} from "./portal.js";
import {
  checkGrid,
  columnLetter,
  decodeText,
  monthsOwed,
  owedLabel,
  receivedByMonth,
  unitMetricName,
} from "./uploadChecks.js";

const data = pageData();
const PREVIEW_ROWS = 20;
const SHOWN_PROBLEMS = 20;

const $ = (id) => document.getElementById(id);
const unitSelect = $("unit");
const fileInput = $("file");
const drop = $("drop");
const checkBox = $("check");
const previewBox = $("preview");
const sendButton = $("send");
const clearButton = $("clear");
const verdictSection = $("verdict-section");
const verdictBox = $("verdict");
const historyBox = $("history");
const monthSelect = $("month");
const monthNone = $("month-none");
const noteMonthSelect = $("note-month");
const notesBox = $("notes");

let chosen = null;
/** The months the chosen unit owes, as last listed. */
let owed = [];
/** Who the months of every plan are listed for when no unit is chosen (as the server lists them). */
const ANY_UNIT = { code: "", kind: "*" };

function unitName(code) {
  const unit = data.units.find((u) => u.code === code);
  if (!unit) return code ?? "";
  return lang === "zh" ? unit.name_zh : unit.name_en;
}

/** The unit the page works for: the town's own, or the admin's choice ("" = every unit). */
function currentUnit() {
  return data.unit ?? unitSelect?.value ?? "";
}

function currentUnitEntry() {
  const code = currentUnit();
  return data.units.find((u) => u.code === code) ?? null;
}

function updateTemplateLinks() {
  const unit = currentUnit();
  const month = monthSelect.value;
  for (const link of document.querySelectorAll("a[data-template]")) {
    const [kind, format] = link.dataset.template.split(":");
    const params = new URLSearchParams({ kind, format });
    if (kind === "monthly" && month) params.set("month", month);
    if (unit) params.set("unit", unit);
    link.href = `/api/template?${params}`;
  }
}

// ---- the months owed -----------------------------------------------------------------------

/** Lists the months owed from the unit's history (or every plan month when no unit is chosen). */
function listMonths(history) {
  const unit = currentUnitEntry();
  const current = data.rules.currentMonth;
  owed = unit
    ? monthsOwed(data.plans, unit, current, receivedByMonth(history))
    : monthsOwed(
        data.plans.map((p) => ({ ...p, reporters: [ANY_UNIT.kind] })),
        ANY_UNIT,
        current,
      );
  const kept = monthSelect.value;
  show(
    monthSelect,
    owed.map((m) => el("option", { value: m.month }, unit ? owedLabel(m, lang) : formatMonth(m.month))),
  );
  if (owed.some((m) => m.month === kept)) monthSelect.value = kept;
  monthNone.hidden = owed.length > 0 || !unit;
  updateTemplateLinks();
  listNoteMonths();
}

// ---- reading the file in the browser -------------------------------------------------------

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[src="${src}"]`);
    if (existing?.dataset.loaded) {
      resolve();
      return;
    }
    const script = existing ?? el("script", { src });
    script.addEventListener("load", () => {
      script.dataset.loaded = "1";
      resolve();
    });
    script.addEventListener("error", () => reject(new Error(`cannot load ${src}`)));
    if (!existing) document.head.append(script);
  });
}

function isZip(bytes) {
  return bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes) {
  return bytes.length > 3 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

async function xlsxGrid(buffer) {
  await loadScript(data.vendor.exceljs);
  const workbook = new globalThis.ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? "");
    grid.push(cells);
  }
  return trimmed(grid);
}

/** Trailing blank rows (Excel leaves them) are dropped; blank rows inside keep Excel's numbering. */
function trimmed(grid) {
  let end = grid.length;
  while (end > 0 && grid[end - 1].every((cell) => String(cell ?? "").trim() === "")) end--;
  return grid.slice(0, end);
}

function csvGrid(text) {
  const parsed = globalThis.Papa.parse(text, { skipEmptyLines: false });
  return trimmed(parsed.data.map((row) => row.map((cell) => String(cell ?? ""))));
}

async function readGrid(file) {
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (isZip(bytes)) return { grid: await xlsxGrid(buffer), format: "xlsx", encoding: null };
  if (isOle(bytes)) return { grid: null, format: "xls", encoding: null };
  const { text, encoding } = decodeText(bytes);
  return { grid: csvGrid(text), format: "csv", encoding };
}

// ---- preview and light checks --------------------------------------------------------------

function placeOf(p) {
  const parts = [];
  if (p.row !== null) parts.push(t(`第 ${p.row} 行`, `row ${p.row}`));
  if (p.column) parts.push(p.column);
  return parts.length ? parts.join(" · ") : t("整个文件", "whole file");
}

function renderCheck(file, read, check) {
  const facts = [
    `${file.name} · ${formatNumber(Math.ceil(file.size / 1024))} KB`,
    read.format === "csv"
      ? t(
          `CSV，编码 ${read.encoding === "utf-8" ? "UTF-8" : "GBK/GB18030"}`,
          `CSV, ${read.encoding === "utf-8" ? "UTF-8" : "GBK/GB18030"} encoded`,
        )
      : "Excel .xlsx",
    check.kind === "cases"
      ? t("台账", "case ledger")
      : check.kind === "monthly"
        ? t("月报", "monthly report")
        : null,
    check.kind ? t(`${check.dataRows} 行数据`, `${check.dataRows} data rows`) : null,
    check.skipped ? t(`${check.skipped} 个合计行不计入`, `${check.skipped} total rows left out`) : null,
  ].filter(Boolean);
  const items = check.problems
    .slice(0, SHOWN_PROBLEMS)
    .map((p) => el("li", {}, `${placeOf(p)}：${t(p.zh, p.en)}`));
  const more = check.problems.length - items.length;
  show(
    checkBox,
    el("p", {}, facts.join(" · ")),
    check.problems.length
      ? el(
          "div",
          { class: "notice warn" },
          el(
            "p",
            {},
            el(
              "strong",
              {},
              t("预检发现以下问题（以服务器审核为准）：", "The browser's check found (the server decides):"),
            ),
          ),
          el("ol", {}, items),
          more > 0 ? el("p", {}, t(`另有 ${more} 个问题未列出。`, `${more} more not listed.`)) : null,
        )
      : el(
          "div",
          { class: "notice good" },
          t(
            "预检未发现明显问题。点击“上传”交服务器审核。",
            "The browser's check found nothing obvious. Press “Upload” for the server's verdict.",
          ),
        ),
  );
}

function renderPreview(grid, check) {
  const bad = new Map();
  for (const p of check.problems) {
    if (p.row !== null && p.col !== null && !bad.has(`${p.row}:${p.col}`)) bad.set(`${p.row}:${p.col}`, p);
  }
  const start = Math.max(0, check.headerRow);
  const end = Math.min(grid.length, start + 1 + PREVIEW_ROWS);
  const width = Math.max(0, ...grid.slice(start, end).map((r) => r.length));
  const rows = [];
  for (let r = start; r < end; r++) {
    const cells = [el("td", { class: "rownum" }, String(r + 1))];
    for (let c = 0; c < width; c++) {
      const problem = bad.get(`${r + 1}:${c}`);
      const text = grid[r][c] ?? "";
      cells.push(
        problem
          ? el(
              "td",
              { class: "bad", title: t(problem.zh, problem.en) },
              text,
              el("span", { class: "sr" }, `（${t(problem.zh, problem.en)}）`),
            )
          : el("td", {}, text),
      );
    }
    rows.push(el("tr", { class: r === check.headerRow ? "header-row" : null }, cells));
  }
  const total = Math.max(0, grid.length - start - 1);
  show(
    previewBox,
    el(
      "h3",
      {},
      t(
        `预览（前 ${Math.min(PREVIEW_ROWS, total)} 行，共 ${total} 行）`,
        `Preview (first ${Math.min(PREVIEW_ROWS, total)} of ${total} rows)`,
      ),
    ),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "compact" },
        el(
          "caption",
          { class: "sr" },
          t("文件预览，左列为 Excel 行号", "File preview; the left column is Excel's row number"),
        ),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { class: "rownum", scope: "col" }, t("行", "Row")),
            ...Array.from({ length: width }, (_, i) => el("th", { scope: "col" }, columnLetter(i))),
          ),
        ),
        el("tbody", {}, rows),
      ),
    ),
  );
}

async function choose(file) {
  chosen = null;
  sendButton.disabled = true;
  verdictSection.hidden = true;
  show(previewBox);
  if (!file) {
    show(checkBox);
    return;
  }
  if (file.size > data.limitBytes) {
    const mb = Math.round((data.limitBytes / 1024 / 1024) * 10) / 10;
    show(
      checkBox,
      el(
        "div",
        { class: "notice bad", role: "alert" },
        t(
          `文件超过大小上限（${mb} MB），请拆分后上传。`,
          `The file is over the size limit (${mb} MB); split it and upload the parts.`,
        ),
      ),
    );
    return;
  }
  show(checkBox, el("p", {}, t("正在读取文件…", "Reading the file…")));
  let read;
  try {
    read = await readGrid(file);
  } catch {
    show(
      checkBox,
      el(
        "div",
        { class: "notice warn" },
        t(
          "浏览器无法读取此文件，可直接上传由服务器审核。",
          "The browser cannot read this file; you may still upload it for the server to check.",
        ),
      ),
    );
    chosen = file;
    sendButton.disabled = false;
    return;
  }
  chosen = file;
  sendButton.disabled = false;
  if (!read.grid) {
    show(
      checkBox,
      el(
        "div",
        { class: "notice warn" },
        t(
          "这是旧版 Excel（.xls）文件，系统只接收 .xlsx 与 CSV：请在 Excel 中“另存为”.xlsx 或 CSV 后再上传。",
          "This is an old Excel (.xls) file; the system takes .xlsx and CSV: use “Save As” in Excel to make an .xlsx or CSV and upload that.",
        ),
      ),
    );
    return;
  }
  const check = checkGrid(read.grid, data.hints, {
    units: data.units,
    own: data.unit,
    periods: data.rules.periods,
    currentMonth: data.rules.currentMonth,
  });
  renderCheck(file, read, check);
  if (check.headerRow >= 0 || read.grid.length) renderPreview(read.grid, check);
}

// ---- sending and the verdict ---------------------------------------------------------------

function findingsTable(findings, caption) {
  return el(
    "div",
    { class: "scroll" },
    el(
      "table",
      { class: "findings" },
      el("caption", {}, caption),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, t("行", "Row")),
          el("th", { scope: "col" }, t("列", "Column")),
          el("th", { scope: "col" }, t("问题", "Problem")),
        ),
      ),
      el(
        "tbody",
        {},
        findings.map((f) =>
          el(
            "tr",
            {},
            el("td", { class: "num nowrap" }, f.row === null ? t("整个文件", "whole file") : String(f.row)),
            el("td", { class: "nowrap" }, f.column ?? "—"),
            el("td", {}, (lang === "zh" ? f.zh : f.en) ?? f.message),
          ),
        ),
      ),
    ),
  );
}

const STATUS = {
  accepted: ["已入库", "Accepted"],
  unchanged: ["未变化", "Unchanged"],
  rejected: ["已退回", "Rejected"],
  superseded: ["已被新版本替代", "Superseded"],
};

function badge(status) {
  const [zh, en] = STATUS[status] ?? STATUS.rejected;
  return el("span", { class: `badge ${status}`, "data-status": status }, t(zh, en));
}

function renderVerdict(result, error) {
  verdictSection.hidden = false;
  const parts = [];
  if (result?.status === "accepted" || result?.status === "unchanged") {
    const units = result.units.map(unitName).join(t("、", ", "));
    const months = result.months.map(formatMonth).join(t("、", ", "));
    parts.push(
      el(
        "div",
        { class: `notice ${result.status === "accepted" ? "good" : "warn"}` },
        badge(result.status),
        " ",
        result.status === "accepted"
          ? t(
              `文件已入库：${result.rows} 行，单位 ${units}，月份 ${months}。`,
              `The file was accepted: ${result.rows} rows, unit ${units}, month ${months}.`,
            )
          : t(
              "与已入库的报送完全相同，未做任何更改。",
              "Identical to a submission already received; nothing was changed.",
            ),
        result.notes > 0
          ? t(
              ` 备注中的情况说明已保存（${result.notes} 条）。`,
              ` The explanation in its 备注 column was kept (${result.notes}).`,
            )
          : "",
      ),
    );
  } else if (result?.status === "rejected") {
    parts.push(
      el(
        "div",
        { class: "notice bad" },
        badge("rejected"),
        " ",
        error?.message ??
          t(
            `文件已退回，共 ${result.errors.length} 个问题，整份文件未入库。`,
            `The file was refused with ${result.errors.length} problems; nothing of it was kept.`,
          ),
        el(
          "p",
          {},
          t(
            "请按下表修改后重新上传（行号与 Excel 中一致，表头为第 1 行）。",
            "Fix the problems below and upload again (rows as Excel numbers them; the header is row 1).",
          ),
        ),
      ),
      findingsTable(result.errors, t("问题清单", "Problems")),
    );
  } else if (error?.status === 401) {
    parts.push(expiredNotice());
  } else {
    parts.push(
      el(
        "div",
        { class: "notice bad" },
        badge("rejected"),
        " ",
        error?.message ?? t("上传失败。", "The upload failed."),
      ),
    );
  }
  if (result?.warnings?.length)
    parts.push(
      findingsTable(result.warnings, t("提示（不影响入库）", "Notes (the file is not refused for these)")),
    );
  show(verdictBox, parts);
  verdictBox.focus();
}

async function send() {
  if (!chosen) return;
  sendButton.disabled = true;
  show(verdictBox, el("p", {}, t("正在上传并审核…", "Uploading and checking…")));
  verdictSection.hidden = false;
  const form = new FormData();
  form.append("file", chosen, chosen.name);
  try {
    const response = await fetch(withLang("/api/submissions"), {
      method: "POST",
      body: form,
      credentials: "same-origin",
    });
    if (response.ok) renderVerdict(await response.json(), null);
    else {
      const error = await errorOf(response);
      renderVerdict(error.body?.status ? error.body : null, { status: response.status, ...error });
    }
  } catch {
    renderVerdict(null, {
      message: t("网络错误，文件未送达，请重试。", "Network error: the file did not arrive; try again."),
    });
  } finally {
    sendButton.disabled = false;
  }
  await loadHistory();
  loadNotes();
}

// ---- history -------------------------------------------------------------------------------

/** A refused file's findings, opened on demand in its history row. */
function findingsOf(s) {
  if (s.status !== "rejected" || !s.findings?.length) return null;
  const more = s.finding_count - s.findings.length;
  return el(
    "details",
    {},
    el("summary", {}, t(`问题（${s.finding_count}）`, `Problems (${s.finding_count})`)),
    el(
      "ul",
      {},
      s.findings.map((f) => el("li", {}, `${placeOf(f)}：${t(f.zh, f.en)}`)),
      more > 0 ? el("li", {}, t(`另有 ${more} 个问题未列出。`, `${more} more not listed.`)) : null,
    ),
  );
}

async function loadHistory() {
  const unit = currentUnit();
  try {
    const query = new URLSearchParams({ limit: "500" });
    if (unit) query.set("unit", unit);
    const body = await fetchJson(`/api/submissions?${query}`);
    const rows = body.submissions;
    listMonths(rows);
    if (!rows.length) {
      show(historyBox, el("p", { class: "hint" }, t("暂无报送记录。", "No submissions yet.")));
      return;
    }
    const head = [
      t("收到时间（北京时间）", "Received (Beijing time)"),
      t("单位", "Unit"),
      t("类型", "Kind"),
      t("报告月份", "Report month"),
      t("文件", "File"),
      t("状态", "Status"),
      t("行数", "Rows"),
      t("版本", "Revision"),
    ];
    const cell = (i, ...content) => el("td", { "data-label": head[i] }, ...content);
    show(
      historyBox,
      el(
        "div",
        { class: "scroll" },
        el(
          "table",
          { class: "compact stack" },
          el("caption", { class: "sr" }, t("报送记录，最新在前", "Submissions, newest first")),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              head.map((h) => el("th", { scope: "col" }, h)),
            ),
          ),
          el(
            "tbody",
            {},
            rows.map((s) =>
              el(
                "tr",
                { "data-status": s.status },
                cell(0, formatTime(s.received_at)),
                cell(1, s.unit ? unitName(s.unit) : "—"),
                cell(2, s.kind === "cases" ? t("台账", "ledger") : t("月报", "monthly")),
                cell(
                  3,
                  s.kind === "monthly" && s.months?.length
                    ? s.months.map(formatMonth).join(t("、", ", "))
                    : "—",
                ),
                cell(4, s.file_name),
                cell(5, badge(s.status), findingsOf(s)),
                cell(6, String(s.rows)),
                cell(7, s.status === "rejected" ? "—" : t(`第 ${s.revision} 版`, `rev. ${s.revision}`)),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    show(
      historyBox,
      error?.status === 401
        ? expiredNotice()
        : el("p", { class: "notice bad" }, error?.message ?? String(error)),
    );
  }
}

// ---- explanations of yellow and red targets ------------------------------------------------

/** The months whose report has come in, newest first: a status to explain needs figures. */
function listNoteMonths() {
  const kept = noteMonthSelect.value;
  const months = owed
    .filter((m) => m.revision > 0)
    .map((m) => m.month)
    .sort()
    .reverse();
  show(
    noteMonthSelect,
    months.map((m) => el("option", { value: m }, formatMonth(m))),
  );
  if (months.includes(kept)) noteMonthSelect.value = kept;
}

function statusWordsOf(metric) {
  return t(metric.status_words?.zh ?? "", metric.status_words?.en ?? "");
}

/**
 * The month and unit whose targets the notes section shows. The section is drawn again after each
 * upload and save; within the same month and unit, what the clerk had opened and typed is kept.
 */
let notesShown = null;

/** By target: whether its form is open and what is typed in it, if the section shows this month and unit. */
function draftsOf(month, unit) {
  const drafts = new Map();
  if (notesShown?.month !== month || notesShown?.unit !== unit) return drafts;
  for (const form of notesBox.querySelectorAll("details[data-metric]")) {
    drafts.set(form.dataset.metric, { open: form.open, text: form.querySelector("textarea")?.value ?? "" });
  }
  return drafts;
}

/** One target to explain: its status, the note shown now, and a form to write a new one. */
function noteForm(metric, month, unit, notes, draft) {
  const unitName = unitMetricName({ zh: metric.name_zh, en: metric.name_en });
  const own = notes.find((n) => n.metric === metric.id);
  const whole = notes.find((n) => n.metric === null);
  const shown = own ?? whole;
  const id = `note-${metric.id}`;
  const text = el("textarea", {
    id,
    rows: "3",
    cols: "60",
    maxlength: "2000",
    placeholder: t("原因：……；整改措施：……", "Cause: …; remedy: …"),
  });
  text.value = draft.text;
  const save = el("button", { type: "button" }, t("保存说明", "Save the explanation"));
  const said = el("p", { role: "status", "aria-live": "polite" });
  save.addEventListener("click", async () => {
    if (!text.value.trim()) {
      show(said, el("span", { class: "notice warn" }, t("请先填写说明。", "Write the explanation first.")));
      text.focus();
      return;
    }
    save.disabled = true;
    try {
      const body = { metric: metric.id, month, text: text.value };
      if (data.role !== "town") body.unit = unit;
      await fetchJson("/api/notes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      await loadNotes(
        t(
          "情况说明已保存，看板更新后即可看到。",
          "The explanation was saved; the dashboard shows it once it is rebuilt.",
        ),
        metric.id,
      );
    } catch (error) {
      show(
        said,
        error?.status === 401
          ? expiredNotice()
          : el("span", { class: "notice bad" }, error?.message ?? t("保存失败。", "Could not save.")),
      );
      save.disabled = false;
    }
  });
  return el(
    "details",
    { class: "note-target", "data-metric": metric.id, open: draft.open || null },
    el(
      "summary",
      {},
      // the unit explains its own figure: 正规就业人数, not the district's 全区正规就业人数
      el("strong", {}, t(unitName.zh, unitName.en)),
      " ",
      el(
        "span",
        { class: `badge ${metric.status === "red" ? "rejected" : "unchanged"}` },
        statusWordsOf(metric),
      ),
      " ",
      el(
        "span",
        { class: "hint" },
        own
          ? t("已说明", "explained")
          : whole
            ? t("已有月报备注", "the report's 备注 stands for it")
            : t("尚未说明", "not yet explained"),
      ),
    ),
    shown
      ? el(
          "p",
          { class: "current-note" },
          el(
            "strong",
            {},
            own
              ? t("现有说明：", "Shown now: ")
              : t(
                  "现有说明（月报备注，适用于本月各项）：",
                  "Shown now (the report's 备注, for the whole month): ",
                ),
          ),
          shown.text,
          el(
            "span",
            { class: "hint" },
            t(`（${shown.author}，${formatTime(shown.at)}）`, ` (${shown.author}, ${formatTime(shown.at)})`),
          ),
        )
      : null,
    el("label", { for: id }, own || whole ? t("更新说明", "A new explanation") : t("说明", "Explanation")),
    el("div", {}, text),
    el("div", { class: "row" }, save),
    said,
  );
}

/**
 * The unit's yellow and red targets of the chosen month, each with its note and a form; `done`
 * says what was just done, and `saved` is the target whose explanation was just saved (its form
 * starts empty again).
 */
async function loadNotes(done, saved) {
  const unit = currentUnit();
  const month = noteMonthSelect.value;
  if (!unit) {
    notesShown = null;
    show(notesBox, el("p", { class: "hint" }, t("请先选择单位。", "Choose a unit first.")));
    return;
  }
  if (!month) {
    notesShown = null;
    show(
      notesBox,
      el(
        "p",
        { class: "hint" },
        t(
          "本单位还没有已入库的月报；月报入库后可在此说明黄灯、红灯指标。",
          "No monthly report of your unit has been accepted yet; once one is, its yellow and red targets can be explained here.",
        ),
      ),
    );
    return;
  }
  try {
    const [report, notes] = await Promise.all([
      fetchJson(`/api/report?${new URLSearchParams({ asOf: month, unit })}`),
      fetchJson(`/api/notes?${new URLSearchParams({ month, unit })}`),
    ]);
    if (noteMonthSelect.value !== month || currentUnit() !== unit) return;
    const behind = report.metrics.filter((m) => m.status === "red" || m.status === "yellow");
    const drafts = draftsOf(month, unit);
    const draftOf = (m) => {
      const draft = drafts.get(m.id) ?? { open: behind.length === 1, text: "" };
      return m.id === saved ? { ...draft, text: "" } : draft;
    };
    notesShown = { month, unit };
    show(
      notesBox,
      done ? el("p", { class: "notice good", role: "status" }, done) : null,
      behind.length
        ? behind.map((m) => noteForm(m, month, unit, notes.notes, draftOf(m)))
        : el(
            "p",
            { class: "notice good" },
            t(
              `${formatMonth(month)}本单位没有黄灯、红灯指标，无需说明。`,
              `In ${formatMonth(month)} your unit has no yellow or red target; nothing to explain.`,
            ),
          ),
    );
  } catch (error) {
    show(
      notesBox,
      error?.status === 401
        ? expiredNotice()
        : el("p", { class: "notice bad" }, error?.message ?? String(error)),
    );
  }
}

// ---- wiring --------------------------------------------------------------------------------

fileInput.addEventListener("change", () => choose(fileInput.files?.[0] ?? null));
sendButton.addEventListener("click", send);
clearButton.addEventListener("click", () => {
  fileInput.value = "";
  choose(null);
  fileInput.focus();
});
unitSelect?.addEventListener("change", () => {
  loadHistory().then(() => loadNotes());
});
monthSelect.addEventListener("change", updateTemplateLinks);
noteMonthSelect.addEventListener("change", () => loadNotes());
for (const type of ["dragenter", "dragover"]) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
}
for (const type of ["dragleave", "drop"]) {
  drop.addEventListener(type, () => drop.classList.remove("over"));
}
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files?.[0];
  if (file) choose(file);
});
// a file dropped next to the zone must not make the browser leave the page
window.addEventListener("dragover", (event) => event.preventDefault());
window.addEventListener("drop", (event) => event.preventDefault());

updateTemplateLinks();
loadHistory().then(() => loadNotes());
