/**
 * Missing-submission reminders. After the due day (the plan's, by default the 5th) every town
 * with no current submission for last month gets one reminder for that month: a line in Chinese
 * and English appended to `outbox/<unit>.txt` (UTF-8 with BOM, CRLF, so Notepad on Windows shows
 * it right), and an entry in `outbox/reminders.json`, the list the dashboard and alerts read.
 * A unit-month is reminded once; months no plan covers are never asked for.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { districtTimestamp, districtToday } from "../../core/districtTime.ts";
import { previousMonth } from "../../core/month.ts";
import { planCovers } from "../../metrics/plan.ts";
import { recordAudit } from "../audit.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";
import { writeFileAtomic } from "./scheduleState.ts";

interface Reminder {
  unit: string;
  name_zh: string;
  name_en: string;
  /** The month whose report is missing, YYYY-MM. */
  month: string;
  /** The day it was due, YYYY-MM-DD. */
  due_on: string;
  /** When the reminder was written (ISO, +08:00). */
  sent_at: string;
  zh: string;
  en: string;
}

interface ReminderOptions {
  outbox: string;
  /** A month's report is due on this day of the next month. */
  dueDay: number;
  /** The unit kinds reminded. */
  kinds: string[];
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthZh(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

function monthEn(month: string): string {
  return `${EN_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export function readReminders(outbox: string): Reminder[] {
  const file = join(outbox, "reminders.json");
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as { reminders?: Reminder[] };
    return Array.isArray(data.reminders) ? data.reminders : [];
  } catch {
    return [];
  }
}

/** Writes the reminders due now; returns the new ones (none before or on the due day). */
export async function sendReminders(env: SchedulerEnv, options: ReminderOptions): Promise<Reminder[]> {
  const now = env.clock();
  const today = districtToday(now);
  if (Number(today.slice(8, 10)) <= options.dueDay) return [];
  const month = previousMonth(today.slice(0, 7));
  if (!planCovers(env.plans, month)) return [];
  const dueOn = `${today.slice(0, 7)}-${String(options.dueDay).padStart(2, "0")}`;
  const units = env.units.filter((u) => options.kinds.includes(u.kind));
  const reported = new Set(
    (
      await env.db.query<{ unit: string }>(
        "SELECT DISTINCT unit FROM submission_unit_months WHERE month = $month AND current",
        { month },
      )
    ).map((r) => r.unit),
  );
  const earlier = readReminders(options.outbox);
  const done = new Set(earlier.map((r) => `${r.unit}|${r.month}`));
  const sentAt = districtTimestamp(now);
  const dueZh = `${monthZh(dueOn.slice(0, 7))}${options.dueDay}日`;
  const dueEn = `${options.dueDay} ${monthEn(dueOn.slice(0, 7))}`;
  const fresh: Reminder[] = units
    .filter((u) => !reported.has(u.code) && !done.has(`${u.code}|${month}`))
    .map((u) => ({
      unit: u.code,
      name_zh: u.name_zh,
      name_en: u.name_en,
      month,
      due_on: dueOn,
      sent_at: sentAt,
      zh: `【提醒】${u.name_zh}：${monthZh(month)}月报尚未报送（截止日期 ${dueZh}），请尽快上传。`,
      en: `[Reminder] ${u.name_en}: the monthly report for ${monthEn(month)} has not been received (due ${dueEn}); please upload it as soon as possible.`,
    }));
  if (fresh.length === 0) return [];
  mkdirSync(options.outbox, { recursive: true });
  for (const r of fresh) {
    const file = join(options.outbox, `${r.unit}.txt`);
    const bom = existsSync(file) ? "" : "\uFEFF";
    appendFileSync(file, `${bom}${r.sent_at}  ${r.zh}  ${r.en}\r\n`, "utf8");
  }
  const all = [...earlier, ...fresh];
  writeFileAtomic(join(options.outbox, "reminders.json"), `${JSON.stringify({ reminders: all }, null, 2)}\n`);
  await recordAudit(env.db, {
    at: now,
    actor: "scheduler",
    tokenId: null,
    role: null,
    action: "job:reminders",
    target: month,
    result: "ok",
    detail: { month, units: fresh.map((r) => r.unit) },
  });
  return fresh;
}
