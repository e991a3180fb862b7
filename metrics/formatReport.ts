/**
 * A report for people and programs: a table for the terminal (status words as the metric's kind
 * and judged mode give them, ANSI colours when the caller says the output is a terminal, 万 in
 * Chinese, thousands separators in English), where each target comes from, the level targets'
 * increase, the units behind each target worst first with their gap; CSV with one row per metric
 * and unit (the district's row has an empty unit); and the JSON of docs/contract.md §6. Pure: the caller
 * writes the text.
 */
import type { Lang } from "../core/lang.ts";
import { gapText, unitsBehind } from "./behind.ts";
import { fundsLines, trackedLines } from "./formatFunds.ts";
import { formatMonth, formatPercent, formatValue } from "./formatValue.ts";
import type { MetricProgress, Report, Status } from "./reportTypes.ts";
import { ALERT_WORDS, SEVERITY_WORDS, STATUS_WORDS, statusWords, type Words } from "./words.ts";

interface TableOptions {
  lang: Lang;
  /** Colour the status words with ANSI escapes (only when writing to a terminal). */
  color?: boolean;
}

const STATUS_ANSI: Record<Status, string> = {
  green: "32",
  yellow: "33",
  red: "31",
  not_started: "90",
  no_target: "90",
  no_data: "90",
};

/** A status in words (the metric's own words when given, else the pace words), coloured on a terminal. */
function statusWord(status: Status, lang: Lang, color = false, words?: Words): string {
  const word = (words ?? STATUS_WORDS[status])[lang];
  return color ? `\u001b[${STATUS_ANSI[status]}m${word}\u001b[0m` : word;
}

/** 文件明确 / 上级下达 (from the policy / assigned), as the glossary names a target's source. */
function sourceWord(m: Pick<MetricProgress, "target_source">, lang: Lang): string {
  if (m.target_source.kind === "policy") return lang === "zh" ? "文件明确" : "policy";
  return lang === "zh" ? "上级下达" : "assigned";
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

/** Rows of cells as aligned text lines, two spaces apart; the columns in `rightAligned` flush right. */
export function grid(rows: string[][], rightAligned: Set<number>): string[] {
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
    ? ["指标", "目标", "目标来源", "实际", "序时进度", "完成率", "预计全年", "状态"]
    : ["Target", "Goal", "Source", "Actual", "Expected", "Progress", "Projected", "Status"];
  const rows = report.metrics.map((m) => {
    const started = m.status !== "not_started";
    const value = (x: number | null) => (started ? formatValue(x, m.unit_of_count, lang) : "—");
    const status =
      m.status === "not_started"
        ? `${statusWord(m.status, lang, color)}${zh ? `（${formatMonth(m.starts, "zh")}起）` : ` (from ${formatMonth(m.starts, "en")})`}`
        : statusWord(m.status, lang, color, m.status_words);
    return [
      m.name,
      targetText(m, lang),
      sourceWord(m, lang),
      value(m.actual),
      value(m.expected),
      m.progress === null || !started ? "—" : formatPercent(m.progress),
      value(m.projected),
      status,
    ];
  });
  lines.push(...grid([head, ...rows], new Set([1, 3, 4, 5, 6])));

  const notes = [...levelNotes(report, lang), ...sourceNotes(report, lang)];
  if (notes.length) lines.push("", ...notes);

  // units behind, metric by metric (a report limited to one unit shows it in the table already)
  const behind = report.unit
    ? []
    : report.metrics.map((m) => ({ m, units: unitsBehind(m) })).filter((x) => x.units.length > 0);
  if (behind.length) {
    lines.push("", zh ? "落后的单位（按落后程度排列）：" : "Units behind (worst first):");
    for (const { m, units } of behind) {
      const how = { kind: m.kind, judged: m.judged, final: m.final };
      const list = units.map((u) => {
        const word = statusWord(u.status, lang, color, statusWords(u.status, how));
        const gap = gapText(m, u.gap, lang);
        return zh ? `${u.name}（${word}，${gap}）` : `${u.name} (${word}, ${gap})`;
      });
      lines.push(zh ? `  ${m.name}：${list.join("、")}` : `  ${m.name}: ${list.join("; ")}`);
    }
  }
  lines.push(...trackedLines(report, lang), ...fundsLines(report, lang));
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

/** Level targets are judged on the increase: how much of the required increase is done. */
function levelNotes(report: Report, lang: Lang): string[] {
  const out: string[] = [];
  for (const m of report.metrics) {
    if (m.kind !== "level" || m.increase == null || m.increase_needed == null) continue;
    const v = (x: number | null | undefined) => formatValue(x ?? null, m.unit_of_count, lang);
    const progress = m.progress === null ? "—" : formatPercent(m.progress);
    const share = m.share_of_target == null ? "—" : formatPercent(m.share_of_target);
    out.push(
      lang === "zh"
        ? `${m.name}按增量考核：较上年末已增${v(m.increase)}，全年需增${v(m.increase_needed)}，增量完成率${progress}（期末数为目标的${share}）。`
        : `${m.name} is judged on the increase: up ${v(m.increase)} on the baseline of ${v(m.baseline)}, ${v(m.increase_needed)} needed for the year, ${progress} of the increase done (the level is ${share} of the target).`,
    );
  }
  return out;
}

/** Every target not stated by the policy, with where it comes from. */
function sourceNotes(report: Report, lang: Lang): string[] {
  const assigned = report.metrics.filter((m) => m.target_source.kind === "assigned");
  if (!assigned.length) return [];
  const head =
    lang === "zh" ? "上级下达的目标（政策文件未写明数值）：" : "Targets not stated in the policy (assigned):";
  return [
    head,
    ...assigned.map((m) => {
      const note = (lang === "zh" ? m.target_source.note_zh : m.target_source.note_en) ?? "";
      return `  ${m.name} ${targetText(m, lang)}${note ? (lang === "zh" ? `：${note}` : `: ${note}`) : ""}`;
    }),
  ];
}

const CSV_COLUMNS = [
  "metric",
  "metric_name",
  "kind",
  "direction",
  "judged",
  "unit",
  "unit_name",
  "target",
  "target_source",
  "actual",
  "expected",
  "progress",
  "gap",
  "status",
  "final",
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

/** One row per metric (the district, unit empty) and per metric and unit; then the tracked items the same way. */
export function formatReportCsv(report: Report, lang: Lang): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const m of report.metrics) {
    const base = {
      metric: m.id,
      metric_name: m.name,
      kind: m.kind,
      direction: m.direction,
      judged: m.judged,
      final: m.final,
    };
    const district = {
      unit: "",
      unit_name: lang === "zh" ? "全区" : "District",
      target: m.target,
      target_source: m.target_source.kind,
      actual: m.actual,
      expected: m.expected,
      progress: m.progress,
      gap: m.gap,
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
        target_source: u.target_source?.kind ?? null,
        actual: u.actual,
        expected: u.expected,
        progress: u.progress,
        gap: u.gap,
        status: u.status,
        met: null,
        projected: null,
      })),
    ];
    for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  // the items tracked without a target: their figures, no target and nothing judged
  for (const t of report.tracked ?? []) {
    const rows = [
      { unit: "", unit_name: lang === "zh" ? "全区" : "District", actual: t.actual, status: t.status },
      ...t.units.map((u) => ({ unit: u.unit, unit_name: u.name, actual: u.actual, status: u.status })),
    ];
    for (const row of rows) {
      const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
        metric: t.id,
        metric_name: t.name,
        kind: t.kind,
        direction: null,
        judged: null,
        target: null,
        target_source: null,
        expected: null,
        progress: null,
        gap: null,
        final: null,
        met: null,
        projected: null,
        ...row,
      };
      lines.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(","));
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The report exactly as docs/contract.md §6 gives it. */
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
