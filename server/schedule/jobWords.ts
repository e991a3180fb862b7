/**
 * The scheduler's jobs and results in words, for the administrator's page and `jobtrack jobs`:
 * never the code names (ingest, done) a script reads from the JSON.
 */
import type { LocalText } from "../../core/lang.ts";
import { formatMonth } from "../../metrics/formatValue.ts";
import type { RunResult } from "./jobRuns.ts";
import type { JobName } from "./jobStatus.ts";

export const JOB_WORDS: Record<JobName, LocalText> = {
  ingest: { zh: "收取文件", en: "Pull files" },
  rebuild: { zh: "重建看板", en: "Rebuild the dashboard" },
  reminders: { zh: "催报提醒", en: "Reminders" },
  backup: { zh: "夜间备份", en: "Nightly backup" },
};

export const RESULT_WORDS: Record<RunResult, LocalText> = {
  done: { zh: "成功", en: "Succeeded" },
  skipped: { zh: "跳过", en: "Skipped" },
  failed: { zh: "失败", en: "Failed" },
};

/** `2022-09-15T10:05:00+08:00` as `2022-09-15 10:05:00` (the caller labels it as district time). */
export function districtClock(iso: string | null): string {
  return iso ? iso.slice(0, 19).replace("T", " ") : "—";
}

function monthWords(month: string): LocalText {
  return { zh: formatMonth(month, "zh"), en: formatMonth(month, "en") };
}

/** 12.3 MB, 456 KB: a size for people. */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const num = (value: unknown): number => (typeof value === "number" ? value : 0);

/**
 * What a recorded run did, in a sentence: files pulled, accepted and refused for a source; the
 * month the dashboard now shows; the units reminded; the backup folder and its size; or why it
 * failed or was skipped.
 */
export function runSummary(
  run: { job: string; result: RunResult; detail: Record<string, unknown> },
  unitName: (code: string) => LocalText,
): LocalText {
  const d = run.detail;
  if (run.result === "skipped") {
    return {
      zh: "上一次运行尚未结束，本次跳过。",
      en: "The previous run had not finished; this one was skipped.",
    };
  }
  if (run.result === "failed") {
    const en = typeof d.message === "string" ? d.message : "unknown error";
    const zh = typeof d.zh === "string" ? d.zh : en;
    return { zh: `失败：${zh}`, en: `Failed: ${en}` };
  }
  if (run.job === "ingest") {
    const files = num(d.files);
    const waiting = num(d.waiting);
    const wait = waiting
      ? {
          zh: `；${waiting} 个文件正在写入，下次收取`,
          en: `; ${waiting} file(s) still being copied, taken next time`,
        }
      : { zh: "", en: "" };
    if (files === 0) return { zh: `没有新文件${wait.zh}。`, en: `No new files${wait.en}.` };
    return {
      zh: `收到 ${files} 个文件：接收 ${num(d.accepted)}，未变化 ${num(d.unchanged)}，退回 ${num(d.rejected)}${wait.zh}。`,
      en: `${files} file(s): ${num(d.accepted)} accepted, ${num(d.unchanged)} unchanged, ${num(d.rejected)} refused${wait.en}.`,
    };
  }
  if (run.job === "rebuild") {
    if (typeof d.as_of !== "string") return { zh: "看板已重建。", en: "The dashboard was rebuilt." };
    const month = monthWords(d.as_of);
    return { zh: `看板已更新，截至${month.zh}。`, en: `The dashboard now shows figures as of ${month.en}.` };
  }
  if (run.job === "reminders") {
    const units = Array.isArray(d.units) ? (d.units as string[]) : [];
    if (!units.length || typeof d.month !== "string")
      return { zh: "无需提醒。", en: "Nobody needed a reminder." };
    const month = monthWords(d.month);
    const names = units.map(unitName);
    return {
      zh: `已提醒 ${units.length} 个单位报送${month.zh}月报：${names.map((n) => n.zh).join("、")}。`,
      en: `${units.length} unit(s) reminded of the ${month.en} report: ${names.map((n) => n.en).join(", ")}.`,
    };
  }
  if (run.job === "backup") {
    const removed = Array.isArray(d.removed) ? d.removed.length : 0;
    const size = sizeWords(num(d.bytes));
    const path = typeof d.path === "string" ? d.path : "";
    return {
      zh: `已备份到 ${path}（${size}，${num(d.tables)} 张表）${removed ? `，按保留份数删除旧备份 ${removed} 份` : ""}。`,
      en: `Backed up to ${path} (${size}, ${num(d.tables)} tables)${removed ? `; ${removed} older backup(s) removed by retention` : ""}.`,
    };
  }
  return { zh: "已完成。", en: "Done." };
}
