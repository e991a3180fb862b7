/**
 * The words for statuses, alert types and severities in both languages, as the glossary spells
 * them. The report's table and messages, the alerts and the dashboard all take them from here.
 */
import type { AlertType, Severity, Status } from "./reportTypes.ts";

export interface Words {
  zh: string;
  en: string;
}

export const STATUS_WORDS: Record<Status, Words> = {
  green: { zh: "绿灯 · 进度正常", en: "on track" },
  yellow: { zh: "黄灯 · 略有滞后", en: "slightly behind" },
  red: { zh: "红灯 · 明显滞后", en: "behind" },
  no_data: { zh: "暂无数据", en: "no data" },
  no_target: { zh: "无目标", en: "no target" },
};

export const ALERT_WORDS: Record<AlertType, Words> = {
  behind_pace: { zh: "进度滞后", en: "behind pace" },
  missing_submission: { zh: "未按时报送", en: "missing submission" },
  anomaly: { zh: "数据异常", en: "anomaly" },
  overdue_case: { zh: "超期未就业", en: "overdue case" },
};

export const SEVERITY_WORDS: Record<Severity, Words> = {
  high: { zh: "高", en: "high" },
  medium: { zh: "中", en: "medium" },
  low: { zh: "低", en: "low" },
};
