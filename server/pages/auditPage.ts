/**
 * The audit log page (`GET /audit`, admin): every write and refusal, newest first, a page at a
 * time, optionally one kind of action. The work happens in /assets/portal/audit.js against
 * /api/audit.
 */

import { escapeHtml } from "../../core/html.ts";
import { type Lang, sayIn } from "../../core/lang.ts";
import { portalAssetUrl } from "../routes/assets.ts";
import type { Principal } from "../tokens.ts";
import { portalPage } from "./portalLayout.ts";

interface AuditPageOptions {
  lang: Lang;
  who: Principal;
  /** Entries per page; defaults to 50. */
  pageSize?: number;
}

/** The actions the filter offers (the audit trail may hold others; "all" shows them). */
const ACTIONS: [string, string, string][] = [
  ["upload", "上传报送", "uploads"],
  ["login", "登录", "sign-ins"],
  ["logout", "退出登录", "sign-outs"],
  ["request", "被拒绝的请求", "refused requests"],
  ["sql", "SQL 查询", "SQL queries"],
  ["token.create", "创建令牌", "tokens created"],
  ["token.revoke", "撤销令牌", "tokens revoked"],
  ["cli", "本机命令行", "local command line"],
  ["job:ingest", "计划任务：收取文件", "job: ingest sources"],
  ["job:rebuild", "计划任务：重建看板", "job: rebuild dashboard"],
  ["job:reminders", "计划任务：催报提醒", "job: reminders"],
  ["job:backup", "计划任务：夜间备份", "job: nightly backup"],
];

export function auditPage(o: AuditPageOptions): string {
  const t = sayIn(o.lang);
  const options = ACTIONS.map(
    ([value, a, b]) => `<option value="${escapeHtml(value)}">${escapeHtml(t(a, b))}</option>`,
  ).join("\n");
  const body = `<p class="lead">${t(
    "所有写操作（上传、令牌、登录）、被拒绝的请求与计划任务的失败，最新在前。日志不含令牌、文件内容或单元格数值。",
    "Every write (uploads, tokens, sign-ins), every refused request and every failed scheduled job, newest first. The log holds no tokens, file contents or cell values.",
  )}</p>
<section class="card" aria-labelledby="filter-h">
<h2 id="filter-h" class="sr">${t("筛选", "Filter")}</h2>
<div class="row"><label for="action">${t("操作类型", "Action")}</label>
<select id="action">
<option value="">${t("全部", "All")}</option>
${options}
</select></div>
<nav class="pager" aria-label="${t("分页", "Pages")}">
<button type="button" class="secondary" id="prev" disabled>${t("上一页（较新）", "Previous (newer)")}</button>
<span id="range" role="status" aria-live="polite"></span>
<button type="button" class="secondary" id="next" disabled>${t("下一页（较早）", "Next (older)")}</button>
</nav>
<div id="audit"><p class="hint">${t("正在加载…", "Loading…")}</p></div>
</section>
<noscript><p class="notice bad">${t("本页需要启用 JavaScript；也可直接访问 /api/audit。", "This page needs JavaScript; /api/audit gives the same entries as JSON.")}</p></noscript>`;
  return portalPage({
    lang: o.lang,
    path: "/audit",
    who: o.who,
    title: { zh: "审计日志", en: "Audit log" },
    body,
    module: portalAssetUrl("audit.js"),
    data: { pageSize: o.pageSize ?? 50 },
    wide: true,
  });
}
