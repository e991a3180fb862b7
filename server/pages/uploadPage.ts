/**
 * The upload page (`GET /upload`, town and admin): the months the unit owes (each marked 未报送 or
 * 已报送 第N版, the missing ones first, never a month outside a plan) with the template of the
 * chosen month, a file chooser and drop zone, the browser's preview and checks (the ingest's own
 * unit, month and cell rules, bundled), the server's verdict with its findings, the unit's
 * explanations (情况说明) of its yellow and red targets, and its submission history. A town works
 * for its own unit; an admin chooses one. The work happens in /assets/portal/upload.js, which
 * lists the months again, with the same function, whenever the history changes.
 */
import type { Catalogue } from "../../core/catalogue.ts";
import { escapeHtml } from "../../core/html.ts";
import { type Lang, sayIn } from "../../core/lang.ts";
import { headerNames } from "../../etl/catalogue/catalogueOf.ts";
import type { MonthOwed, PlanMonths } from "../../etl/catalogue/monthsOwed.ts";
import { LEDGER_HEADER_NAMES } from "../../etl/ledger/ledgerHeader.ts";
import { HEADER_ROLE_NAMES } from "../../etl/normalize/header.ts";
import { headerKey } from "../../etl/normalize/indicatorName.ts";
import { formatMonth } from "../../metrics/formatValue.ts";
import type { Unit } from "../../warehouse/registry.ts";
import { owedLabel } from "../precheck/owedLabel.ts";
import { portalAssetUrl, vendorUrl } from "../routes/assets.ts";
import type { Principal } from "../tokens.ts";
import { portalPage } from "./portalLayout.ts";

interface UploadPageOptions {
  lang: Lang;
  who: Principal;
  units: Unit[];
  /** The plans' catalogues: the item headers the browser's precheck knows. */
  catalogues: readonly Catalogue[];
  /** Each plan's months and who reports to it: the months a unit owes. */
  plans: readonly PlanMonths[];
  /** The months the ingest takes (plans' periods; the baseline month before each is added by the rule). */
  periods: readonly { first: string; last: string }[];
  /** Today's month in district time. */
  currentMonth: string;
  /** A town's months owed, in order (the first is the one pre-selected); an admin's page has none until it picks a unit. */
  owed: readonly MonthOwed[];
  limitBytes: number;
}

/** Header names the browser recognises (as in etl/normalize/header.ts and the ledger's header). */
function checkHints(catalogues: readonly Catalogue[]) {
  const keys = (names: string[]) => [...new Set(names.map(headerKey))];
  return {
    unit: keys([...HEADER_ROLE_NAMES.unit]),
    month: keys([...HEADER_ROLE_NAMES.month]),
    indicator: keys([...HEADER_ROLE_NAMES.indicator_name]),
    value: keys([...HEADER_ROLE_NAMES.value]),
    note: keys([...HEADER_ROLE_NAMES.note]),
    numeric: keys(catalogues.flatMap(headerNames)),
    ledger: keys([...LEDGER_HEADER_NAMES.case_id]),
  };
}

/** The monthly template's address for a month (without one: the current plan's, month left blank). */
function templateHref(format: "csv" | "xlsx", month: string | undefined): string {
  return `/api/template?kind=monthly&amp;format=${format}${month ? `&amp;month=${month}` : ""}`;
}

export function uploadPage(o: UploadPageOptions): string {
  const zh = o.lang === "zh";
  const t = sayIn(o.lang);
  const own = o.who.role === "town" ? (o.units.find((u) => u.code === o.who.unit) ?? null) : null;
  const unitName = own ? { zh: own.name_zh, en: own.name_en } : null;
  const mb = Math.round((o.limitBytes / 1024 / 1024) * 10) / 10;
  const chooser = own
    ? `<p>${t("报送单位：", "Reporting unit: ")}<strong>${escapeHtml(zh ? own.name_zh : own.name_en)}</strong>（${escapeHtml(own.code)}）</p>`
    : `<div class="row"><label for="unit">${t("报送单位", "Reporting unit")}</label>
<select id="unit">
<option value="">${t("全部单位", "All units")}</option>
${o.units.map((u) => `<option value="${escapeHtml(u.code)}">${escapeHtml(zh ? u.name_zh : u.name_en)}（${escapeHtml(u.code)}）</option>`).join("\n")}
</select></div>
<p class="hint">${t("管理员可为任一单位上传；选择单位后，模板与报送记录随之切换。", "Admins may upload for any unit; choosing one switches the templates and the history to it.")}</p>`;
  const body = `<p class="lead">${t(
    "每月报送月报（或对象台账）：下载模板，在 Excel 中填好，保存后上传。上传前浏览器会先预览并做简单检查，最终以服务器审核结果为准。",
    "Each month, submit the monthly report (or the case ledger): download the template, fill it in Excel, save it and upload it. The browser previews and checks the file first; the server's verdict is what counts.",
  )}</p>

<section class="card" aria-labelledby="unit-h">
<h2 id="unit-h">${t("单位与模板", "Unit and templates")}</h2>
${chooser}
<div class="row"><label for="month">${t("报告月份", "Report month")}</label>
<select id="month" aria-describedby="month-hint">
${o.owed.map((m, i) => `<option value="${m.month}"${i === 0 ? " selected" : ""}>${escapeHtml(own ? owedLabel(m, o.lang) : formatMonth(m.month, o.lang))}</option>`).join("\n")}
</select></div>
<p class="hint" id="month-hint">${t(
    "列出目标计划中截至本月应报送的月份，未报送的排在前面。模板按所选月份填好单位和月份；月报中的“备注”列可填写黄灯、红灯指标的原因与整改措施。",
    "The plan's months up to this one that your unit reports, those not yet received first. The template comes with your unit and the chosen month filled in; its 备注 (note) column takes your explanation of a yellow or red target: cause and remedy.",
  )}</p>
<p id="month-none" class="notice warn"${o.owed.length || !own ? " hidden" : ""}>${t(
    "目前没有需要报送的月份：本单位不承担现行目标计划的报送，或计划尚未开始。",
    "There is no month to report: your unit reports nothing to the plans in force, or none has started.",
  )}</p>
<ul class="links">
<li>${t("月报模板", "Monthly report template")}：<a data-template="monthly:csv" href="${templateHref("csv", o.owed[0]?.month)}" download>CSV（UTF-8，Excel ${t("可直接打开", "opens it directly")}）</a> · <a data-template="monthly:xlsx" href="${templateHref("xlsx", o.owed[0]?.month)}" download>Excel .xlsx</a></li>
<li>${t("对象台账模板", "Case ledger template")}：<a data-template="cases:csv" href="/api/template?kind=cases&amp;format=csv" download>CSV</a> · <a data-template="cases:xlsx" href="/api/template?kind=cases&amp;format=xlsx" download>Excel .xlsx</a></li>
</ul>
</section>

<section class="card" aria-labelledby="file-h">
<h2 id="file-h">${t("选择文件", "Choose a file")}</h2>
<div class="drop" id="drop">
<p>${t("把文件拖到这里，或", "Drop the file here, or")}</p>
<p><label for="file">${t("选择文件：", "Choose a file: ")}</label>
<input type="file" id="file" name="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="file-hint"></p>
<p class="hint" id="file-hint">${t(
    `支持 CSV（UTF-8 或 GBK 编码，Excel“另存为 CSV”即可）与 Excel .xlsx（读取第一个工作表），最大 ${mb} MB。`,
    `CSV (UTF-8 or GBK, as Excel's “Save As CSV” writes it) or Excel .xlsx (the first sheet is read), up to ${mb} MB.`,
  )}</p>
</div>
<div id="check" aria-live="polite"></div>
<div id="preview"></div>
<div class="row no-print">
<button type="button" id="send" disabled>${t("上传", "Upload")}</button>
<button type="button" id="clear" class="secondary">${t("重新选择", "Choose another")}</button>
</div>
</section>

<section class="card" id="verdict-section" aria-labelledby="verdict-h" hidden>
<h2 id="verdict-h">${t("服务器审核结果", "The server's verdict")}</h2>
<div id="verdict" role="status" aria-live="polite" tabindex="-1"></div>
</section>

<section class="card" aria-labelledby="notes-h">
<h2 id="notes-h">${t("情况说明（黄灯、红灯指标）", "Explanations of yellow and red targets")}</h2>
<p class="hint">${t(
    "本单位某月指标为黄灯或红灯时，请说明原因与整改措施。说明与填写人、时间一并保存，显示在看板的单位页、指标页和简报中；再次提交即更新，旧的说明保留在记录中。请勿填写身份证号、手机号等个人信息。",
    "When a target of your unit is yellow or red in a month, say why and what is being done. The explanation is kept with your name and the time and shown on the dashboard's unit and target pages and in the brief; sending again replaces it, and the earlier one stays in the history. Do not write personal numbers such as ID or phone numbers.",
  )}</p>
<div class="row"><label for="note-month">${t("月份", "Month")}</label><select id="note-month"></select></div>
<div id="notes" aria-live="polite"><p class="hint">${t("正在加载…", "Loading…")}</p></div>
</section>

<section class="card" aria-labelledby="history-h">
<h2 id="history-h">${t("报送记录", "Submission history")}</h2>
<p class="hint">${t(
    "同一单位同一月份再次上传即为修订（第N版），以最新版本为准，旧版本保留在记录中。",
    "Uploading the same unit and month again is a revision; the newest counts and earlier ones stay in the history.",
  )}</p>
<div id="history"><p class="hint">${t("正在加载…", "Loading…")}</p></div>
</section>
<noscript><p class="notice bad">${t(
    "本页需要启用 JavaScript。也可用命令行 jobtrack ingest 或接口 POST /api/submissions 上传。",
    "This page needs JavaScript. You may also upload with the command line (jobtrack ingest) or POST /api/submissions.",
  )}</p></noscript>`;
  return portalPage({
    lang: o.lang,
    path: "/upload",
    who: o.who,
    unitName,
    title: { zh: "上传报送", en: "Upload a report" },
    body,
    scripts: [vendorUrl("papaparse")],
    module: portalAssetUrl("upload.js"),
    data: {
      role: o.who.role,
      unit: own?.code ?? null,
      units: o.units.map((u) => ({ code: u.code, name_zh: u.name_zh, name_en: u.name_en, kind: u.kind })),
      plans: o.plans,
      rules: { periods: o.periods, currentMonth: o.currentMonth },
      limitBytes: o.limitBytes,
      hints: checkHints(o.catalogues),
      vendor: { exceljs: vendorUrl("exceljs") },
    },
  });
}
