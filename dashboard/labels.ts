/**
 * The dashboard's words in both languages, taken from the glossary: statuses, alert types, data
 * states, kinds. A status is always shown as colour, icon and one of these words together.
 */
import type { Judged, MetricKind } from "../metrics/reportTypes.ts";
import { ALERT_WORDS, SEVERITY_WORDS, STATUS_WORDS, type Words } from "../metrics/words.ts";

export type { Words };
export { ALERT_WORDS, SEVERITY_WORDS, STATUS_WORDS };

export type DataState = "on_time" | "late" | "missing" | "revised" | "not_due";

/** Shown beside the status once a target is reached. */
export const MET_WORDS: Words = { zh: "已完成", en: "achieved" };

export const DATA_STATE_WORDS: Record<DataState, Words> = {
  on_time: { zh: "按时报送", en: "on time" },
  late: { zh: "逾期报送", en: "late" },
  missing: { zh: "未报送", en: "missing" },
  revised: { zh: "已修订", en: "revised" },
  not_due: { zh: "未到报送期", en: "not due" },
};

/** Short cell text of the data status matrix (the legend gives the full words). */
export const DATA_STATE_SHORT: Record<DataState, Words> = {
  on_time: { zh: "按时", en: "on time" },
  late: { zh: "逾期", en: "late" },
  missing: { zh: "未报", en: "missing" },
  revised: { zh: "修订", en: "revised" },
  not_due: { zh: "—", en: "—" },
};

export const KIND_WORDS: Record<MetricKind, Words> = {
  cumulative: { zh: "累计数", en: "cumulative" },
  level: { zh: "期末数", en: "month-end level" },
  cap: { zh: "控制数", en: "cap" },
  ratio: { zh: "比率", en: "ratio" },
  deadline: { zh: "按期率", en: "on-time share" },
};

/** 考核方式 (glossary): how a metric is judged. */
export const JUDGED_WORDS: Record<Judged, Words> = {
  pace: { zh: "按序时进度", en: "judged by pace" },
  by_due: { zh: "期末达标", en: "judged by the due month" },
  always: { zh: "持续达标", en: "judged every month" },
};

/** 目标来源 (glossary): where a target's figure comes from. */
export const SOURCE_WORDS: Record<"policy" | "assigned", Words> = {
  policy: { zh: "文件明确", en: "from the policy" },
  assigned: { zh: "上级下达", en: "assigned" },
};

export const SUBMISSION_STATUS_WORDS: Record<"accepted" | "superseded" | "rejected", Words> = {
  accepted: { zh: "已采用", en: "accepted" },
  superseded: { zh: "已被修订替代", en: "superseded" },
  rejected: { zh: "已退回", en: "rejected" },
};

export const UNIT_KIND_WORDS: Record<string, Words> = {
  subdistrict: { zh: "街道", en: "subdistrict" },
  town: { zh: "镇", en: "town" },
  department: { zh: "区级部门", en: "district department" },
};
