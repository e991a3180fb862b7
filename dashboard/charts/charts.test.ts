import { describe, expect, it } from "vitest";
import type { FlowRow, TrendRow } from "../trend.ts";
import { monthlyBars } from "./monthlyBars.ts";
import { monthTicks } from "./monthTicks.ts";
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

/** The text labels of a chart's marks (not its axes), where they are drawn: the mark's offset plus the text's place. */
function labels(svg: string): { text: string; x: number; y: number; anchor: string | null }[] {
  return [
    ...svg.matchAll(
      /<g transform="translate\(([-\d.]+),([-\d.]+)\)"([^>]*)aria-label="text"[^>]*>(.*?)<\/g>/g,
    ),
  ].flatMap((g) =>
    [...g[4].matchAll(/<text transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map(
      (t) => ({
        text: t[3],
        x: Number(g[1]) + Number(t[1]),
        y: Number(g[2]) + Number(t[2]),
        anchor: /text-anchor="(\w+)"/.exec(g[3])?.[1] ?? null,
      }),
    ),
  );
}

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

describe("progressLine, labels and size", () => {
  const year = (actual: (number | null)[]): TrendRow[] =>
    actual.map((a, i) => ({
      month: `2022-${String(i + 1).padStart(2, "0")}`,
      actual: a,
      expected: Math.round((1580 * (i + 1)) / 12),
      target: 1580,
    }));
  const options = {
    id: "end",
    lang: "zh" as const,
    kind: "cumulative" as const,
    unitOfCount: "persons",
    target: 1580,
    label: "示例",
  };

  it("keeps a right margin wide enough for the actual's label at the last month (实际 1,580人 whole)", () => {
    const svg = progressLine(year([130, 260, 390, 520, 650, 790, 920, 1050, 1180, 1320, 1450, 1580]), {
      ...options,
      width: 640,
    });
    const actual = labels(svg).find((l) => l.text === "实际 1,580人");
    // at 12 px: 实际 24, a space 7.2, 1,580 36, 人 12 — 80 px from where it starts, within the 640
    expect(actual?.anchor).toBe("start");
    expect((actual?.x ?? 640) + 80).toBeLessThanOrEqual(640);
  });

  it("moves the pace's label a line away from the actual's when both end at the same height", () => {
    const svg = progressLine(
      year([132, 263, 395, 527, 658, 790, 922, 1053, 1185, 1317, 1448, 1580]),
      options,
    );
    const actual = labels(svg).find((l) => l.text === "实际 1,580人");
    const pace = labels(svg).find((l) => l.text === "序时进度");
    expect(actual && pace && Math.abs(pace.y - actual.y)).toBe(16); // 12 px text and 4 px between
  });

  it("a compact chart draws no labels in the plot and labels every second month (284 px for 12: 23.7 each)", () => {
    const svg = progressLine(year([130, 260, 390, 520, 650, 790, 920, 1050, null, null, null, null]), {
      ...options,
      compact: true,
    });
    expect(svg).toContain('viewBox="0 0 340 220"');
    expect(labels(svg)).toEqual([]);
    const ticks = [...svg.matchAll(/>(\d+)月</g)].map((m) => m[1]);
    expect(ticks).toEqual(["1", "3", "5", "7", "9", "11"]);
  });
});

describe("monthTicks", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);
  it("labels every month where each has 35 px (10月 is 27 px wide at 12 px, and 8 px apart)", () => {
    expect(monthTicks(months, 12 * 35, "zh")).toHaveLength(12);
    expect(monthTicks(months, 12 * 34, "zh")).toHaveLength(6);
  });
  it("every second month at 20 px a month, every third at 12 px", () => {
    expect(monthTicks(months, 12 * 20, "zh")).toEqual([
      "2022-01",
      "2022-03",
      "2022-05",
      "2022-07",
      "2022-09",
      "2022-11",
    ]);
    expect(monthTicks(months, 12 * 12, "zh")).toEqual(["2022-01", "2022-04", "2022-07", "2022-10"]);
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

describe("compact monthly bars and ranking", () => {
  it("lays the months out as rows, each number at its bar's end", () => {
    const svg = monthlyBars(FLOWS, {
      id: "c",
      lang: "zh",
      unitOfCount: "persons",
      label: "示例",
      compact: true,
    });
    expect(svg).toContain('viewBox="0 0 340 132"'); // 5 rows of 24 px and 12 px of margins
    expect(svg.match(/<rect /g)).toHaveLength(4);
    for (const n of ["90", "110", "20"]) expect(svg).toContain(`>${n}<`);
    expect(svg).toContain(">未报<");
  });

  it("writes each unit's name and words on a line above its bar", () => {
    const svg = unitRanking(RANKING, { id: "c", lang: "zh", pace: 4 / 6, label: "示例", compact: true });
    expect(svg).toContain('viewBox="0 0 340 216"'); // 4 rows of 40 px and 56 px of margins
    expect(svg).toContain("徐泾镇  71.2% · 绿灯 · 进度正常");
    expect(svg).toContain("金泽镇  暂无数据");
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
