/**
 * A report for people and programs: a table for the terminal (status words, ANSI colours when
 * the caller says the output is a terminal, 万 in Chinese, thousands separators in English), CSV
 * with one row per metric and unit (the district's row has an empty unit), and the JSON of
 * CONTRACT §6. Pure: the caller writes the text.
 */
import type { Lang } from "../etl/finding.ts";
import { formatMonth, formatPercent, formatValue } from "./formatValue.ts";
import type { MetricProgress, Report, Status } from "./reportTypes.ts";
import { ALERT_WORDS, SEVERITY_WORDS, STATUS_WORDS } from "./words.ts";

export interface TableOptions {
  lang: Lang;
  /** Colour the status words with ANSI escapes (only when writing to a terminal). */
  color?: boolean;
}

const STATUS_ANSI: Record<Status, string> = {
  green: "32",
  yellow: "33",
  red: "31",
  no_target: "90",
  no_data: "90",
};

export function statusWord(status: Status, lang: Lang, color = false): string {
  const word = STATUS_WORDS[status][lang];
  return color ? `\u001b[${STATUS_ANSI[status]}m${word}\u001b[0m` : word;
}

/** The target as a condition: `≥ 40万人`, `> 80%`, `≤ 12,000`. */
export function targetText(
  m: Pick<MetricProgress, "target" | "direction" | "unit_of_count">,
  lang: Lang,
): string {
  if (m.target === null) return "—";
  const sign = m.direction === "above" ? ">" : m.direction === "at_most" ? "≤" : "≥";
  return `${sign} ${formatValue(m.target, m.unit_of_count, lang)}`;
}

/** Terminal columns a text takes: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\u001b\[[0-9;]*m/g, "")) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function grid(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c], rightAligned.has(c)))
      .join("  ")
      .trimEnd(),
  );
}

export function formatReportTable(report: Report, options: TableOptions): string {
  const { lang } = options;
  const zh = lang === "zh";
  const color = options.color ?? false;
  const asReported = report.asReported
    ? zh
      ? ` · 按报送时点 ${report.asReported}`
      : ` · as reported on ${report.asReported}`
    : "";
  const unitName = report.unit
    ? (report.metrics.find((m) => m.units.length)?.units[0]?.name ?? report.unit)
    : null;
  const scope = unitName ? (zh ? ` · 单位 ${unitName}` : ` · unit ${unitName}`) : "";
  const lines = [
    zh
      ? `目标计划 ${report.plan} · 截至${formatMonth(report.asOf, "zh")}（已过 ${report.monthsElapsed}/${report.monthsInPlan} 个月）${scope}${asReported}`
      : `Plan ${report.plan} · as of ${formatMonth(report.asOf, "en")} (${report.monthsElapsed} of ${report.monthsInPlan} months)${scope}${asReported}`,
    "",
  ];
  const head = zh
    ? ["指标", "目标", "实际", "序时进度", "完成率", "预计全年", "状态"]
    : ["Target", "Goal", "Actual", "Expected", "Progress", "Projected", "Status"];
  const rows = report.metrics.map((m) => [
    m.name,
    targetText(m, lang),
    formatValue(m.actual, m.unit_of_count, lang),
    formatValue(m.expected, m.unit_of_count, lang),
    m.progress === null ? "—" : formatPercent(m.progress),
    formatValue(m.projected, m.unit_of_count, lang),
    statusWord(m.status, lang, color),
  ]);
  lines.push(...grid([head, ...rows], new Set([1, 2, 3, 4, 5])));

  // units behind, metric by metric (a report limited to one unit shows it in the table already)
  const scoped = Boolean(report.unit);
  const behind = report.metrics
    .map((m) => ({ m, units: m.units.filter((u) => u.status === "red" || u.status === "yellow") }))
    .filter((x) => x.units.length > 0 && !scoped);
  if (behind.length) {
    lines.push("", zh ? "进度滞后的单位：" : "Units behind:");
    for (const { m, units } of behind) {
      const list = units.map((u) =>
        zh
          ? `${u.name}（${statusWord(u.status, lang, color)}）`
          : `${u.name} (${statusWord(u.status, lang, color)})`,
      );
      lines.push(zh ? `  ${m.name}：${list.join("、")}` : `  ${m.name}: ${list.join(", ")}`);
    }
  }
  if (report.alerts.length) {
    lines.push("", zh ? `预警（${report.alerts.length} 条）：` : `Alerts (${report.alerts.length}):`);
    for (const a of report.alerts) {
      lines.push(
        `  [${SEVERITY_WORDS[a.severity][lang]}] ${ALERT_WORDS[a.type][lang]} · ${zh ? a.zh : a.en}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

const CSV_COLUMNS = [
  "metric",
  "metric_name",
  "kind",
  "direction",
  "unit",
  "unit_name",
  "target",
  "actual",
  "expected",
  "progress",
  "status",
  "met",
  "projected",
] as const;

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is neutralised. */
function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per metric (the district, unit empty) and per metric and unit. */
export function formatReportCsv(report: Report, lang: Lang): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const m of report.metrics) {
    const base = { metric: m.id, metric_name: m.name, kind: m.kind, direction: m.direction };
    const district = {
      unit: "",
      unit_name: lang === "zh" ? "全区" : "District",
      target: m.target,
      actual: m.actual,
      expected: m.expected,
      progress: m.progress,
      status: m.status,
      met: m.met,
      projected: m.projected,
    };
    const rows = [
      { ...base, ...district },
      ...m.units.map((u) => ({
        ...base,
        unit: u.unit,
        unit_name: u.name,
        target: u.target,
        actual: u.actual,
        expected: u.expected,
        progress: u.progress,
        status: u.status,
        met: null,
        projected: null,
      })),
    ];
    for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The report exactly as CONTRACT §6 gives it. */
export function formatReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function formatReport(
  report: Report,
  format: "table" | "csv" | "json",
  options: TableOptions,
): string {
  if (format === "json") return formatReportJson(report);
  if (format === "csv") return formatReportCsv(report, options.lang);
  return formatReportTable(report, options);
}
