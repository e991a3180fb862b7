/**
 * Units ranked by the figure they are judged by (judgedFigure.ts): one bar per unit, coloured by
 * its status and labelled with the percentage and a short status word, with what the figure is
 * judged against — the pace (序时进度), the target share or the cap — as a dashed rule, so a bar's
 * length, colour and words always agree. A compact chart (a phone) writes each unit's name and
 * words on a line of their own above its bar, so the bars keep the whole width.
 */
import * as Plot from "@observablehq/plot";
import type { Status } from "../../metrics/reportTypes.ts";
import { formatPercent, type Lang } from "../format.ts";
import { MUTED, PACE_COLOUR, STATUS_COLOUR } from "../palette.ts";
import { CHART_WIDTH, COMPACT_WIDTH, renderPlot, textWidth } from "./renderPlot.ts";

export interface RankingRow {
  name: string;
  /** The judged figure as a fraction (of the target, of the increase needed, of the cap), or a share. */
  progress: number | null;
  status: Status;
  /** The status in a few words (红灯 · 明显滞后 …), as the metric's kind and judged mode give it. */
  word: string;
}

interface UnitRankingOptions {
  id: string;
  lang: Lang;
  /** What the figure is judged against as a fraction (dashed rule), or null. */
  pace: number | null;
  /** The rule's name: 序时进度, 目标 or 控制数 (defaults to 序时进度 / pace). */
  paceWord?: string;
  /** Accessible name of the chart. */
  label: string;
  /** Name and words above each bar (see above). */
  compact?: boolean;
  width?: number;
}

const ROW_HEIGHT = 26;
/** A compact row: a line of text, then the bar. */
const COMPACT_ROW_HEIGHT = 40;

/** Rows are drawn in the order given (rank them first). */
export function unitRanking(rows: RankingRow[], options: UnitRankingOptions): string {
  if (options.compact) return compactRanking(rows, options);
  const { lang, pace } = options;
  const withProgress = rows.filter((r): r is RankingRow & { progress: number } => r.progress !== null);
  const without = rows.filter((r) => r.progress === null);
  const top = Math.max(1, pace ?? 0, ...withProgress.map((r) => r.progress));
  const paceWord = options.paceWord ?? (lang === "zh" ? "序时进度" : "pace");
  // the rules under the words, so that no dashed line crosses a label
  const marks: Plot.Markish[] = [
    Plot.barX(withProgress, {
      x: "progress",
      y: "name",
      fill: (d: RankingRow) => STATUS_COLOUR[d.status],
      title: (d: RankingRow & { progress: number }) => `${d.name} ${formatPercent(d.progress)} ${d.word}`,
    }),
    Plot.ruleX([0], { stroke: MUTED }),
    ...(pace === null
      ? []
      : [Plot.ruleX([pace], { stroke: PACE_COLOUR, strokeDasharray: "4,3", strokeWidth: 1.5 })]),
    Plot.text(withProgress, {
      x: "progress",
      y: "name",
      text: (d: RankingRow & { progress: number }) => `${formatPercent(d.progress)} · ${d.word}`,
      textAnchor: "start",
      dx: 6,
      fill: "currentColor",
      stroke: "white",
      strokeWidth: 3,
    }),
  ];
  if (without.length > 0) {
    marks.push(
      Plot.text(without, {
        x: 0,
        y: "name",
        text: (d: RankingRow) => d.word,
        textAnchor: "start",
        dx: 6,
        fill: MUTED,
      }),
    );
  }
  if (pace !== null) {
    marks.push(
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
      width: options.width ?? CHART_WIDTH,
      height: Math.max(1, rows.length) * ROW_HEIGHT + 48,
      marginLeft,
      marginRight: Math.max(96, ...rows.map((r) => textWidth(`100% · ${r.word}`))) + 16,
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

/** The compact chart: per unit a line 「白鹤镇 56% · 红灯 · 明显滞后」, then its bar across the width. */
function compactRanking(rows: RankingRow[], options: UnitRankingOptions): string {
  const { lang, pace } = options;
  const withProgress = rows.filter((r): r is RankingRow & { progress: number } => r.progress !== null);
  const top = Math.max(1, pace ?? 0, ...withProgress.map((r) => r.progress));
  const paceWord = options.paceWord ?? (lang === "zh" ? "序时进度" : "pace");
  const line = (r: RankingRow) =>
    r.progress === null ? `${r.name}  ${r.word}` : `${r.name}  ${formatPercent(r.progress)} · ${r.word}`;
  const marks: Plot.Markish[] = [
    Plot.barX(withProgress, {
      x: "progress",
      y: "name",
      fill: (d: RankingRow) => STATUS_COLOUR[d.status],
      insetTop: 20,
      insetBottom: 6,
      title: (d: RankingRow & { progress: number }) => `${d.name} ${formatPercent(d.progress)} ${d.word}`,
    }),
    Plot.ruleX([0], { stroke: MUTED }),
    ...(pace === null
      ? []
      : [Plot.ruleX([pace], { stroke: PACE_COLOUR, strokeDasharray: "4,3", strokeWidth: 1.5 })]),
    Plot.text(rows, {
      x: 0,
      y: "name",
      text: line,
      textAnchor: "start",
      dy: -10,
      dx: 2,
      fill: "currentColor",
      stroke: "white",
      strokeWidth: 3,
    }),
  ];
  if (pace !== null) {
    marks.push(
      Plot.text([pace], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: () => paceWord,
        textAnchor: pace > top * 0.8 ? "end" : "middle",
        dy: -14,
        fill: PACE_COLOUR,
      }),
    );
  }
  return renderPlot(
    {
      width: options.width ?? COMPACT_WIDTH,
      height: Math.max(1, rows.length) * COMPACT_ROW_HEIGHT + 56,
      marginLeft: 14,
      marginRight: 16,
      marginTop: 28,
      x: {
        label: null,
        domain: [0, top],
        grid: true,
        nice: true,
        ticks: 4,
        tickFormat: (v: number) => formatPercent(v),
      },
      y: { axis: null, domain: rows.map((r) => r.name), padding: 0 },
      color: { type: "identity" },
      marks,
    },
    { id: options.id, label: options.label },
  );
}
