/**
 * What a unit may write as its explanation (情况说明) of a metric's status, checked before it is
 * stored: who (a town for its own unit only; an administrator names the unit), which metric and
 * month (a metric of the plan covering the month, a month of that plan's period and not after
 * the current month, a unit that reports the metric), and the text (1 to 2000 characters after
 * trimming, no control characters — the rules of etl/validate/noteText.ts, which the 备注 column of
 * a monthly report keeps too — and never a resident ID or mobile number: the system stores none,
 * whatever the field). Each refusal says what is wrong in Chinese and English.
 */
import { toHalfWidth } from "../etl/normalize/halfWidth.ts";
import { cleanNoteText, NOTE_MAX_CHARS, noteLength } from "../etl/validate/noteText.ts";
import { looksLikePii } from "../etl/validate/pii.ts";
import { type Plan, planFor } from "../metrics/plan.ts";
import type { Unit } from "../warehouse/registry.ts";
import { badRequest, forbidden, HttpError } from "./errors.ts";
import type { Principal } from "./tokens.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface NoteSpec {
  unit: string;
  metric: string;
  month: string;
  text: string;
}

function unprocessable(code: string, zh: string, en: string): HttpError {
  return new HttpError(422, code, zh, en);
}

export function checkNote(
  body: unknown,
  ctx: { who: Principal; plans: readonly Plan[]; units: readonly Unit[]; currentMonth: string },
): NoteSpec {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(
      "bad_note",
      "请求体须为包含指标、月份与说明文字的 JSON 对象。",
      "The body must be a JSON object with the metric, the month and the text.",
    );
  }
  const { metric, month, text, unit } = body as Record<string, unknown>;
  if (typeof metric !== "string" || typeof month !== "string" || typeof text !== "string") {
    throw badRequest(
      "bad_note",
      "须给出指标、月份和说明文字（均为文本）。",
      "Give the metric, the month and the text, each as text.",
    );
  }
  if (unit !== undefined && unit !== null && typeof unit !== "string") {
    throw badRequest("bad_note", "单位须为单位代码文本。", "The unit must be a unit code as text.");
  }
  if (!MONTH.test(month)) {
    throw badRequest(
      "bad_month",
      `月份须写作“2022-08”这样的年-月（收到“${month.slice(0, 20)}”）。`,
      `The month must be written as year-month, e.g. 2022-08 (got "${month.slice(0, 20)}").`,
    );
  }
  const { who } = ctx;
  let code: string;
  if (who.role === "town") {
    if (unit && unit !== who.unit) {
      throw forbidden("只能为本单位填写情况说明。", "You may write explanations for your own unit only.");
    }
    code = who.unit ?? "";
  } else {
    if (!unit) {
      throw badRequest(
        "unit_required",
        "管理员填写情况说明时须指明单位。",
        "An administrator writing an explanation names the unit.",
      );
    }
    code = unit;
  }
  const found = ctx.units.find((u) => u.code === code);
  if (!found) {
    throw unprocessable(
      "unknown_unit",
      `单位名录中没有单位 ${code}。`,
      `The unit registry has no unit ${code}.`,
    );
  }
  const plan = planFor(ctx.plans, month);
  if (!plan) {
    throw unprocessable(
      "month_outside_plan",
      `${month} 不在任何目标计划的考核期内，无法填写情况说明。`,
      `${month} is outside every plan's period; no explanation can be written for it.`,
    );
  }
  if (month > ctx.currentMonth) {
    throw unprocessable(
      "future_month",
      `${month} 尚未到来，不能为其填写情况说明。`,
      `${month} has not come yet; no explanation can be written for it.`,
    );
  }
  const target = plan.metrics.find((m) => m.id === metric);
  if (!target) {
    throw unprocessable(
      "unknown_metric",
      `目标计划“${plan.name.zh}”中没有这一指标（${metric.slice(0, 60)}）。`,
      `The plan "${plan.name.en}" has no such target (${metric.slice(0, 60)}).`,
    );
  }
  if (!target.reporters.includes(found.kind) && !target.reporters.includes(found.code)) {
    throw unprocessable(
      "unit_not_reporting",
      `${found.name_zh}不承担“${target.name.zh}”的报送，无需为其填写情况说明。`,
      `${found.name_en} does not report for "${target.name.en}"; it has nothing to explain there.`,
    );
  }
  const clean = cleanNoteText(text);
  const chars = noteLength(clean);
  if (chars === 0 || chars > NOTE_MAX_CHARS) {
    throw unprocessable(
      chars === 0 ? "empty_note" : "note_too_long",
      `情况说明须为 1 至 ${NOTE_MAX_CHARS} 个字（现为 ${chars} 个字）。`,
      `An explanation has 1 to ${NOTE_MAX_CHARS} characters (this one has ${chars}).`,
    );
  }
  const pii = looksLikePii(toHalfWidth(clean));
  if (pii) {
    throw unprocessable(
      "personal_number",
      pii === "resident_id"
        ? "说明中含有身份证号码，系统不保存个人证件号码，请删去后再提交。"
        : "说明中含有手机号码，系统不保存个人电话号码，请删去后再提交。",
      pii === "resident_id"
        ? "The text holds a resident ID number; the system keeps no personal numbers. Remove it and send again."
        : "The text holds a mobile phone number; the system keeps no personal numbers. Remove it and send again.",
    );
  }
  return { unit: found.code, metric: target.id, month, text: clean };
}
