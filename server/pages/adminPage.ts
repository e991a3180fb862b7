/**
 * The administrator's page (`GET /admin`): access tokens (create, shown once with a copy
 * button; list; revoke) and the machinery: each scheduled job's and each source's last run, what
 * it did and its next run, the recent runs, the backups with their size and date, and where the
 * inbox, outbox and backups folders are. The scheduler's part is rendered here and needs no
 * script; the tokens are managed by /assets/portal/admin.js against /api/tokens.
 * Jobs, results and roles are shown in words, never their code names.
 */

import { escapeHtml } from "../../core/html.ts";
import { type Lang, type LocalText, sayIn, sayText } from "../../core/lang.ts";
import type { Unit } from "../../warehouse/registry.ts";
import { portalAssetUrl } from "../routes/assets.ts";
import type { JobRun } from "../schedule/jobRuns.ts";
import type { JobStatus } from "../schedule/jobStatus.ts";
import { districtClock, JOB_WORDS, RESULT_WORDS, runSummary, sizeWords } from "../schedule/jobWords.ts";
import type { BackupFolder } from "../schedule/nightlyBackup.ts";
import type { ScheduleConfig } from "../schedule/scheduleConfig.ts";
import type { SchedulerFolders } from "../schedule/schedulerFolders.ts";
import { type Principal, ROLE_NAMES, ROLES, type TokenInfo } from "../tokens.ts";
import { portalPage } from "./portalLayout.ts";

interface AdminPageOptions {
  lang: Lang;
  who: Principal;
  units: readonly Unit[];
  tokens: TokenInfo[];
  /** Null when the server runs without a scheduler. */
  scheduler: {
    config: ScheduleConfig;
    jobs: JobStatus[];
    latest: JobRun[];
    recent: JobRun[];
    backups: BackupFolder[];
    folders: Omit<SchedulerFolders, "created">;
  } | null;
}

export function adminPage(o: AdminPageOptions): string {
  const zh = o.lang === "zh";
  const t = sayIn(o.lang);
  const w = (words: LocalText) => escapeHtml(sayText(o.lang, words));
  const unitName = (code: string): LocalText => {
    const unit = o.units.find((u) => u.code === code);
    return unit ? { zh: unit.name_zh, en: unit.name_en } : { zh: code, en: code };
  };
  const roleOptions = ROLES.map((role) => `<option value="${role}">${w(ROLE_NAMES[role])}</option>`).join("");
  const unitOptions = o.units
    .map((u) => `<option value="${escapeHtml(u.code)}">${escapeHtml(zh ? u.name_zh : u.name_en)}</option>`)
    .join("");
  const tokens = `<section class="card" aria-labelledby="tokens-h">
<h2 id="tokens-h">${t("访问令牌", "Access tokens")}</h2>
<p class="hint">${t(
    "每位使用者一个令牌。新令牌只在创建时显示一次，系统只保存其摘要；撤销后立即失效，其登录会话随之结束。",
    "One token per person. A new token is shown once, when it is created (only its hash is kept); a revoked token stops working at once and its sign-ins end.",
  )}</p>
<form id="token-form" class="token-form">
<div class="row"><label for="role">${t("角色", "Role")}</label>
<select id="role" name="role">${roleOptions}</select></div>
<div class="row" id="unit-row"><label for="unit">${t("单位（街镇报送令牌须选）", "Unit (for a town token)")}</label>
<select id="unit" name="unit">${unitOptions}</select></div>
<div class="row"><label for="label">${t("说明（如：盈浦经办人）", "Label (e.g. Yingpu clerk)")}</label>
<input type="text" id="label" name="label" maxlength="100" autocomplete="off"></div>
<div class="row"><button type="submit" id="create">${t("创建令牌", "Create token")}</button></div>
</form>
<div id="created" aria-live="polite"></div>
<div id="tokens"><p class="hint">${t("正在加载…", "Loading…")}</p></div>
<noscript><p class="notice bad">${t("管理令牌需要启用 JavaScript；也可在命令行运行 jobtrack token。", "Managing tokens needs JavaScript; the command line has jobtrack token too.")}</p></noscript>
</section>`;
  return portalPage({
    lang: o.lang,
    path: "/admin",
    who: o.who,
    title: { zh: "系统管理", en: "Administration" },
    body: `<p class="lead">${t(
      "访问令牌、计划任务的运行情况与备份。时间均为北京时间。",
      "Access tokens, how the scheduled jobs ran, and the backups. Times are Beijing time.",
    )}</p>
${tokens}
${o.scheduler ? schedulerSections(o.scheduler, zh, w, unitName) : `<section class="card"><h2>${t("计划任务", "Scheduled jobs")}</h2><p>${t("本服务未启用计划任务（内存数据库且无配置文件）。", "This server runs without the scheduler (an in-memory database and no config file).")}</p></section>`}`,
    module: portalAssetUrl("admin.js"),
    data: {
      roles: ROLE_NAMES,
      units: Object.fromEntries(o.units.map((u) => [u.code, { zh: u.name_zh, en: u.name_en }])),
      tokens: o.tokens,
      self: o.who.tokenId,
    },
    wide: true,
  });
}

function schedulerSections(
  s: NonNullable<AdminPageOptions["scheduler"]>,
  zh: boolean,
  w: (words: LocalText) => string,
  unitName: (code: string) => LocalText,
): string {
  const t = sayIn(zh ? "zh" : "en");
  const sources = new Map(s.config.ingest.sources.map((src) => [src.name, src]));
  const where = (source: string | null) => {
    if (!source) return "—";
    const src = sources.get(source);
    if (!src) return escapeHtml(source);
    // the default inboxes are listed under Folders; a configured folder or address is shown here
    if (src.kind === "folder" && src.optional) return w(unitName(src.unit.code));
    const place = src.kind === "folder" ? src.folder : src.url;
    return `${w(unitName(src.unit.code))}<br><span class="hint">${escapeHtml(place)}</span>`;
  };
  const result = (r: JobRun["result"] | null) =>
    r
      ? `<span class="badge ${r === "done" ? "ok" : r === "failed" ? "failure" : "superseded"}">${w(RESULT_WORDS[r])}</span>`
      : t("尚未运行", "Not run yet");
  const last = (job: string, source: string | null) =>
    s.latest.find((run) => run.job === job && run.source === source) ?? null;
  const jobRows = s.jobs
    .map((j) => {
      const run = last(j.job, j.source);
      return `<tr><td class="nowrap">${w(JOB_WORDS[j.job])}</td><td>${where(j.source)}</td>
<td class="nowrap">${escapeHtml(districtClock(j.last_started))}${j.last_finished ? `<br><span class="hint">${t("至", "to")} ${escapeHtml(districtClock(j.last_finished).slice(11))}</span>` : ""}</td>
<td>${result(j.last_result)}</td><td>${run ? w(runSummary(run, unitName)) : ""}</td>
<td class="nowrap">${j.next_run ? escapeHtml(districtClock(j.next_run)) : j.job === "rebuild" ? t("有新数据时", "when data arrives") : t("未安排", "not scheduled")}</td></tr>`;
    })
    .join("\n");
  const recentRows = s.recent
    .map(
      (
        run,
      ) => `<tr><td class="nowrap">${escapeHtml(districtClock(run.started_at))}</td><td class="nowrap">${w(JOB_WORDS[run.job as JobStatus["job"]] ?? { zh: run.job, en: run.job })}</td>
<td>${run.source ? w(sources.has(run.source) ? unitName(sources.get(run.source)!.unit.code) : { zh: run.source, en: run.source }) : "—"}</td><td>${result(run.result)}</td><td>${w(runSummary(run, unitName))}</td></tr>`,
    )
    .join("\n");
  const backupRows = s.backups
    .map(
      (b) =>
        `<tr><td class="nowrap">${escapeHtml(b.day)}</td><td class="num">${escapeHtml(sizeWords(b.bytes))}</td><td class="nowrap">${escapeHtml(districtClock(b.created_at))}</td><td>${escapeHtml(b.path)}</td></tr>`,
    )
    .join("\n");
  // on a phone each row becomes a small card whose cells carry their column's name (data-label)
  const table = (caption: string, head: string[], rows: string, empty: string) =>
    rows
      ? `<div class="scroll"><table class="stack"><caption class="sr">${caption}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${labelCells(rows, head)}</tbody></table></div>`
      : `<p class="hint">${empty}</p>`;
  const f = s.folders;
  const inbox = f.inbox
    ? `${escapeHtml(f.inbox)}<br><span class="hint">${t("每个单位一个子文件夹，以单位代码命名；放入的月报每次收取时自动导入。", "One folder per unit, named by its code; reports put there are loaded at the next pull.")}</span>`
    : f.sources.length
      ? f.sources.map(escapeHtml).join("<br>")
      : t("未配置文件夹来源", "No folder sources");
  return `<section class="card" aria-labelledby="jobs-h">
<h2 id="jobs-h">${t("计划任务", "Scheduled jobs")}</h2>
<p class="hint">${s.config.file ? `${t("配置文件：", "Config file: ")}${escapeHtml(s.config.file)}` : t("使用默认设置（没有配置文件）。", "Default settings (no config file).")}</p>
${table(t("各任务的上次与下次运行", "Each job's last and next run"), [t("任务", "Job"), t("来源", "Source"), t("上次运行", "Last run"), t("结果", "Result"), t("情况", "What it did"), t("下次运行", "Next run")], jobRows, t("没有计划任务。", "No scheduled jobs."))}
</section>
<section class="card" aria-labelledby="runs-h">
<h2 id="runs-h">${t("最近运行", "Recent runs")}</h2>
<p class="hint">${t("最新在前；未收到新文件的收件检查不列出。", "Newest first; pulls that found nothing new are left out.")}</p>
${table(t("最近运行，最新在前", "Recent runs, newest first"), [t("开始时间", "Started"), t("任务", "Job"), t("来源", "Source"), t("结果", "Result"), t("情况", "What it did")], recentRows, t("还没有运行记录。", "No runs recorded yet."))}
</section>
<section class="card" aria-labelledby="backups-h">
<h2 id="backups-h">${t("备份", "Backups")}</h2>
<p class="hint">${t(`保留最近 ${s.config.backup.keep} 份。恢复：jobtrack restore <备份文件夹>。`, `The newest ${s.config.backup.keep} are kept. To restore: jobtrack restore <backup folder>.`)}</p>
${table(t("备份，最新在前", "Backups, newest first"), [t("日期", "Date"), t("大小", "Size"), t("写入时间", "Written at"), t("位置", "Where")], backupRows, t("还没有备份。", "No backups yet."))}
</section>
<section class="card" aria-labelledby="folders-h">
<h2 id="folders-h">${t("文件夹", "Folders")}</h2>
<dl class="paths">
<dt>${t("收件夹", "Inbox")}</dt><dd>${inbox}</dd>
<dt>${t("催报发件夹", "Reminders outbox")}</dt><dd>${escapeHtml(f.outbox)}</dd>
<dt>${t("备份文件夹", "Backups")}</dt><dd>${escapeHtml(f.backups)}</dd>
</dl>
</section>`;
}

/** Gives each cell of the rows the name of its column, for the phone layout. */
function labelCells(rows: string, head: string[]): string {
  return rows
    .split("<tr>")
    .map((row) => {
      let i = 0;
      return row.replace(/<td(?=[ >])/g, () => `<td data-label="${head[i++] ?? ""}"`);
    })
    .join("<tr>");
}
