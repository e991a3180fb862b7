import { describe, expect, it } from "vitest";
import {
  displayWidth,
  formatReportCsv,
  formatReportJson,
  formatReportTable,
  targetText,
} from "./formatReport.ts";
import { formatValue } from "./formatValue.ts";
import type { MetricProgress, Report, TargetSourceOut } from "./reportTypes.ts";
import { STATUS_WORDS, statusWords } from "./words.ts";

const POLICY: TargetSourceOut = {
  kind: "policy",
  quote: "2022年全区正规就业不少于40万人。",
  note: null,
  note_zh: null,
  note_en: null,
  document: null,
};
const ASSIGNED: TargetSourceOut = {
  kind: "assigned",
  quote: null,
  note: "市下达目标",
  note_zh: "市下达目标",
  note_en: "the city's assignment",
  document: null,
};

function metric(over: Partial<MetricProgress>): MetricProgress {
  const m: MetricProgress = {
    id: "formal_employment",
    name: "全区正规就业人数",
    name_zh: "全区正规就业人数",
    name_en: "Formal employment",
    kind: "level",
    direction: "at_least",
    target: 400000,
    actual: 393848,
    expected: 396000,
    progress: 0.231,
    projected: 398000,
    projection_method: null,
    required_monthly: 1538,
    trailing_monthly: null,
    met: false,
    status: "yellow",
    status_words: STATUS_WORDS.yellow,
    judged: "pace",
    starts: "2022-01",
    due: "2022-12",
    final: false,
    tolerance: 0,
    target_source: POLICY,
    gap: 2152,
    coverage: { reported: 88, expected: 88, missing: [] },
    units: [
      {
        unit: "310118002",
        name: "盈浦街道",
        actual: 47000,
        target: 48000,
        expected: 47500,
        progress: 0.2,
        status: "red",
        target_source: ASSIGNED,
        gap: 500,
        baseline: 46500,
        increase: 500,
        increase_needed: 1500,
        share_of_target: 0.979167,
        note: null,
      },
    ],
    unit_of_count: "persons",
    baseline: 392000,
    increase: 1848,
    increase_needed: 8000,
    share_of_target: 0.98462,
    ...over,
  };
  m.status_words = statusWords(m.status, { kind: m.kind, judged: m.judged, final: m.final });
  return m;
}

const report: Report = {
  plan: "qingpu-2022",
  asOf: "2022-08",
  asReported: null,
  monthsElapsed: 8,
  monthsInPlan: 12,
  metrics: [
    metric({}),
    metric({
      id: "grads_employment_rate",
      name: "离校未就业高校毕业生就业比例",
      kind: "ratio",
      direction: "above",
      target: 0.8,
      actual: 0.623,
      expected: null,
      progress: 0.77875,
      projected: null,
      status: "yellow",
      judged: "by_due",
      gap: 0.177,
      unit_of_count: "share",
      units: [],
    }),
    metric({
      id: "relief_financing",
      name: "=纾困融资, 落地",
      kind: "cumulative",
      target: 80,
      actual: 56.25,
      expected: 53.333333,
      progress: 0.703125,
      projected: 84.4,
      status: "green",
      unit_of_count: "100m_cny",
      units: [],
    }),
    metric({
      id: "new_jobs",
      name: "新增就业人数",
      kind: "cumulative",
      target: 36000,
      actual: 24350,
      expected: 24000,
      progress: 0.676389,
      projected: 36525,
      status: "green",
      target_source: ASSIGNED,
      units: [],
    }),
  ],
  alerts: [
    {
      type: "missing_submission",
      severity: "high",
      metric: null,
      unit: "310118002",
      month: "2022-07",
      message: "盈浦街道未报送",
      zh: "盈浦街道未报送",
      en: "Yingpu missing",
    },
  ],
};

describe("formatValue", () => {
  it("uses 万 in Chinese and thousands separators in English", () => {
    expect(formatValue(393848, "persons", "zh")).toBe("39.38万人");
    expect(formatValue(3205, "persons", "zh")).toBe("3,205人");
    expect(formatValue(393848, "persons", "en")).toBe("393,848");
    expect(formatValue(0.623, "share", "en")).toBe("62.3%");
    expect(formatValue(56.25, "100m_cny", "zh")).toBe("56.25亿元");
    expect(formatValue(56.25, "100m_cny", "en")).toBe("CNY 5.63bn");
    expect(formatValue(null, "persons", "en")).toBe("—");
  });
});

describe("formatReportTable", () => {
  it("shows each metric with its target, source, figures and status word (zh)", () => {
    const text = formatReportTable(report, { lang: "zh" });
    expect(text).toContain("目标计划 qingpu-2022 · 截至2022年8月（已过 8/12 个月）");
    const line = text.split("\n").find((l) => l.startsWith("全区正规就业人数")) ?? "";
    expect(line).toMatch(
      /≥ 40万人\s+文件明确\s+39\.38万人\s+39\.6万人\s+23\.1%\s+39\.8万人\s+黄灯 · 略有滞后$/,
    );
    expect(text).toMatch(/> 80%\s+文件明确\s+62\.3%.*黄灯 · 尚未达标\n/);
    expect(text).toMatch(/新增就业人数\s+≥ 36,000人\s+上级下达/);
    expect(text).toContain(
      "全区正规就业人数按增量考核：较上年末已增1,848人，全年需增8,000人，增量完成率23.1%（期末数为目标的98.5%）。",
    );
    expect(text).toContain("上级下达的目标（政策文件未写明数值）：\n  新增就业人数 ≥ 36,000人：市下达目标");
    expect(text).toContain("全区正规就业人数：盈浦街道（红灯 · 明显滞后，差500人）");
    expect(text).toContain("[高] 未按时报送 · 盈浦街道未报送");
    expect(text).not.toContain("\u001b[");
  });

  it("lines the columns up by display width (Chinese characters take two)", () => {
    const rows = formatReportTable(report, { lang: "zh" }).split("\n").slice(2, 7);
    const words = report.metrics.map((m) => m.status_words.zh).concat("状态");
    const statusColumn = rows.map(
      (r) => displayWidth(r) - displayWidth(words.find((w) => r.endsWith(w)) ?? r.split(/\s+/).pop() ?? ""),
    );
    expect(new Set(statusColumn).size).toBe(1);
  });

  it("colours the status words only when asked (a terminal)", () => {
    const text = formatReportTable(report, { lang: "en", color: true });
    expect(text).toContain("\u001b[33mslightly behind\u001b[0m");
    expect(text).toContain("\u001b[33mnot yet met\u001b[0m");
    expect(text).toContain("Plan qingpu-2022 · as of Aug 2022 (8 of 12 months)");
    expect(text).toContain("393,848");
    expect(text).toMatch(/≥ 36,000\s+assigned/);
  });

  it("writes targets as conditions", () => {
    expect(targetText({ target: 12000, direction: "at_most", unit_of_count: "persons" }, "en")).toBe(
      "≤ 12,000",
    );
  });
});

describe("formatReportCsv", () => {
  it("has one row per metric (district) and per metric and unit, formulas neutralised", () => {
    const lines = formatReportCsv(report, "zh").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "metric,metric_name,kind,direction,judged,unit,unit_name,target,target_source,actual,expected,progress,gap,status,final,met,projected",
    );
    expect(lines[1]).toBe(
      "formal_employment,全区正规就业人数,level,at_least,pace,,全区,400000,policy,393848,396000,0.231,2152,yellow,false,false,398000",
    );
    expect(lines[2]).toBe(
      "formal_employment,全区正规就业人数,level,at_least,pace,310118002,盈浦街道,48000,assigned,47000,47500,0.2,500,red,false,,",
    );
    expect(lines[4]).toBe(
      `relief_financing,"'=纾困融资, 落地",cumulative,at_least,pace,,全区,80,policy,56.25,53.333333,0.703125,2152,green,false,false,84.4`,
    );
    expect(lines).toHaveLength(6);
  });
});

describe("formatReportJson", () => {
  it("is the Report object itself", () => {
    expect(JSON.parse(formatReportJson(report))).toEqual(report);
  });
});
