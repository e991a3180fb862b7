import { describe, expect, it } from "vitest";
import type { FlowRow, TrendRow } from "../trend.ts";
import { monthlyBars } from "./monthlyBars.ts";
import { progressLine } from "./progressLine.ts";
import { deterministic } from "./renderPlot.ts";
import { type RankingRow, unitRanking } from "./unitRanking.ts";

/** Year to date of a small plan (target 600 over six months) as of April, with the pace carried on. */
const TREND: TrendRow[] = [
  { month: "2022-01", actual: 90, expected: 100, target: 600 },
  { month: "2022-02", actual: 200, expected: 200, target: 600 },
  { month: "2022-03", actual: 310, expected: 300, target: 600 },
  { month: "2022-04", actual: 330, expected: 400, target: 600 },
  { month: "2022-05", actual: null, expected: 500, target: 600 },
  { month: "2022-06", actual: null, expected: 600, target: 600 },
];

const FLOWS: FlowRow[] = [
  { month: "2022-01", value: 90 },
  { month: "2022-02", value: 110 },
  { month: "2022-03", value: 110 },
  { month: "2022-04", value: 20 },
  { month: "2022-05", value: null },
];

const RANKING: RankingRow[] = [
  { name: "徐泾镇", progress: 0.712, status: "green", word: "绿灯 · 进度正常" },
  { name: "夏阳街道", progress: 0.64, status: "yellow", word: "黄灯 · 略有滞后" },
  { name: "练塘镇", progress: 0.5333, status: "red", word: "红灯 · 明显滞后" },
  { name: "金泽镇", progress: null, status: "no_data", word: "暂无数据" },
];

function checkAccessible(svg: string, label: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')).toBe(true);
  expect(svg).toContain(`aria-label="${label}"`);
  expect(svg).toContain(`<title>${label}</title>`);
  expect(svg).not.toMatch(/\d\.\d{3,}/);
  expect(svg).not.toContain("plot-clip");
  expect(svg).not.toMatch(/plot-[0-9a-f]{6}/);
}

describe("progressLine", () => {
  const options = {
    id: "demo-trend",
    lang: "zh" as const,
    kind: "cumulative" as const,
    unitOfCount: "persons",
    target: 600,
    label: "示例：累计完成与序时进度",
  };
  it("renders actual, pace and target as a labelled, deterministic SVG", async () => {
    const svg = progressLine(TREND, options);
    checkAccessible(svg, options.label);
    expect(svg).toContain("实际 330人");
    expect(svg).toContain("序时进度");
    expect(svg).toContain("目标 600人");
    expect(progressLine(TREND, options)).toBe(svg);
    await expect(svg).toMatchFileSnapshot("__snapshots__/progressLine.svg");
  });
  it("draws a ratio against its target without a pace line, in English", async () => {
    const rows = TREND.map((r, i) => ({
      ...r,
      actual: r.actual === null ? null : 0.42 + i * 0.03,
      expected: null,
      target: 0.5,
    }));
    const svg = progressLine(rows, {
      ...options,
      id: "demo-ratio",
      lang: "en",
      kind: "ratio",
      unitOfCount: "share",
      target: 0.5,
      label: "Share against the target",
    });
    checkAccessible(svg, "Share against the target");
    expect(svg).toContain("target 50%");
    expect(svg).not.toContain(">pace<");
    await expect(svg).toMatchFileSnapshot("__snapshots__/progressLine-ratio-en.svg");
  });
});

describe("monthlyBars", () => {
  it("renders a bar and its number per month and marks the month without a report", async () => {
    const label = "示例：各月本月数";
    const svg = monthlyBars(FLOWS, { id: "demo-monthly", lang: "zh", unitOfCount: "persons", label });
    checkAccessible(svg, label);
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toContain(">未报<");
    expect(svg).toContain("2022年4月 20人");
    await expect(svg).toMatchFileSnapshot("__snapshots__/monthlyBars.svg");
  });
});

describe("monthlyBars of changes", () => {
  it("signs the changes of a month-end level and draws falls below zero", () => {
    const rows = [
      { month: "2022-01", value: 380 },
      { month: "2022-02", value: -330 },
      { month: "2022-03", value: null },
    ];
    const svg = monthlyBars(rows, {
      id: "demo-change",
      lang: "zh",
      unitOfCount: "persons",
      label: "示例：各月较上月增减",
      changes: true,
    });
    expect(svg).toContain(">+380<");
    expect(svg).toContain(">−330<");
    expect(svg).toContain("2022年2月 −330人");
    expect(svg).toContain(">未报<");
  });
});

describe("unitRanking", () => {
  it("renders units in the given order with percentage and status word", async () => {
    const label = "示例：各单位完成情况";
    const svg = unitRanking(RANKING, { id: "demo-units", lang: "zh", pace: 4 / 6, label });
    checkAccessible(svg, label);
    expect(svg).toContain("71.2% · 绿灯 · 进度正常");
    expect(svg).toContain("53.3% · 红灯 · 明显滞后");
    expect(svg).toContain(">暂无数据<");
    expect(svg.indexOf("徐泾镇")).toBeLessThan(svg.indexOf("练塘镇"));
    await expect(svg).toMatchFileSnapshot("__snapshots__/unitRanking.svg");
  });
});

describe("deterministic", () => {
  it("rounds attribute numbers and renumbers ids under the chart's prefix", () => {
    const svg =
      '<svg><clipPath id="plot-clip-17"><rect x="1.23456"/></clipPath><g clip-path="url(#plot-clip-17)"><text>1.23456</text></g></svg>';
    expect(deterministic(svg, "c")).toBe(
      '<svg><clipPath id="c-1"><rect x="1.23"/></clipPath><g clip-path="url(#c-1)"><text>1.23456</text></g></svg>',
    );
  });
});
