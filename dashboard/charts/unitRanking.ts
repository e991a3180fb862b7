/**
 * Units ranked by progress against their own allocation: one bar per unit, coloured by status and
 * labelled with the percentage and the status word, with the pace (序时进度) as a dashed rule.
 */
import * as Plot from "@observablehq/plot";
import type { Status } from "../../metrics/reportTypes.ts";
import { formatPercent, type Lang } from "../format.ts";
import { MUTED, PACE_COLOUR, STATUS_COLOUR } from "../palette.ts";
import { renderPlot, textWidth } from "./renderPlot.ts";

export interface RankingRow {
  name: string;
  progress: number | null;
  status: Status;
}

export interface UnitRankingOptions {
  id: string;
  lang: Lang;
  /** Pace as a fraction of the target (dashed rule), or null where no pace applies. */
  pace: number | null;
  /** Accessible name of the chart. */
  label: string;
  width?: number; // defaults to 640
}

const SHORT_STATUS: Record<Status, { zh: string; en: string }> = {
  green: { zh: "绿灯", en: "on track" },
  yellow: { zh: "黄灯", en: "slightly behind" },
  red: { zh: "红灯", en: "behind" },
  not_started: { zh: "未开始", en: "not started" },
  no_data: { zh: "暂无数据", en: "no data" },
  no_target: { zh: "无目标", en: "no target" },
};

const ROW_HEIGHT = 26;

/** Rows are drawn in the order given (rank them first). */
export function unitRanking(rows: RankingRow[], options: UnitRankingOptions): string {
  const { lang, pace } = options;
  const withProgress = rows.filter((r): r is RankingRow & { progress: number } => r.progress !== null);
  const without = rows.filter((r) => r.progress === null);
  const top = Math.max(1, pace ?? 0, ...withProgress.map((r) => r.progress));
  const paceWord = lang === "zh" ? "序时进度" : "pace";
  const marks: Plot.Markish[] = [
    Plot.barX(withProgress, {
      x: "progress",
      y: "name",
      fill: (d: RankingRow) => STATUS_COLOUR[d.status],
      title: (d: RankingRow & { progress: number }) =>
        `${d.name} ${formatPercent(d.progress)} ${SHORT_STATUS[d.status][lang]}`,
    }),
    Plot.text(withProgress, {
      x: "progress",
      y: "name",
      text: (d: RankingRow & { progress: number }) =>
        `${formatPercent(d.progress)} · ${SHORT_STATUS[d.status][lang]}`,
      textAnchor: "start",
      dx: 6,
      fill: "currentColor",
      stroke: "white",
      strokeWidth: 3,
    }),
    Plot.ruleX([0], { stroke: MUTED }),
  ];
  if (without.length > 0) {
    marks.push(
      Plot.text(without, {
        x: 0,
        y: "name",
        text: (d: RankingRow) => SHORT_STATUS[d.status][lang],
        textAnchor: "start",
        dx: 6,
        fill: MUTED,
      }),
    );
  }
  if (pace !== null) {
    marks.push(
      Plot.ruleX([pace], { stroke: PACE_COLOUR, strokeDasharray: "4,3", strokeWidth: 1.5 }),
      Plot.text([pace], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => paceWord,
        dy: -14,
        fill: PACE_COLOUR,
      }),
    );
  }
  const marginLeft = Math.max(40, ...rows.map((r) => textWidth(r.name))) + 12;
  return renderPlot(
    {
      width: options.width ?? 640,
      height: Math.max(1, rows.length) * ROW_HEIGHT + 48,
      marginLeft,
      marginRight: lang === "zh" ? 96 : 140,
      marginTop: 28,
      x: {
        label: null,
        domain: [0, top],
        grid: true,
        nice: true,
        tickFormat: (v: number) => formatPercent(v),
      },
      y: { label: null, domain: rows.map((r) => r.name), padding: 0.2 },
      color: { type: "identity" },
      marks,
    },
    { id: options.id, label: options.label },
  );
}
