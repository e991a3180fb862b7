/**
 * The cumulative line: a metric's actual month by month against the pace line (序时进度) and the
 * target, over the plan's months. Lines are labelled directly, so the chart reads without colour.
 */
import * as Plot from "@observablehq/plot";
import type { MetricKind } from "../../metrics/reportTypes.ts";
import { formatMonth, formatMonthShort, formatTick, formatValue, type Lang } from "../format.ts";
import { ACTUAL_COLOUR, MUTED, PACE_COLOUR, TARGET_COLOUR } from "../palette.ts";
import type { TrendRow } from "../trend.ts";
import { CHART_WIDTH, renderPlot } from "./renderPlot.ts";

interface ProgressLineOptions {
  id: string;
  lang: Lang;
  kind: MetricKind;
  unitOfCount: string;
  target: number | null;
  /** Accessible name of the chart. */
  label: string;
  /** Defaults to CHART_WIDTH. */
  width?: number;
  /** Defaults to LINE_HEIGHT. */
  height?: number;
}

/** Taller than the bars: the line, the pace and the target share it. */
const LINE_HEIGHT = 280;

const WORDS = {
  zh: { actual: "实际", pace: "序时进度", target: "目标", cap: "控制数" },
  en: { actual: "actual", pace: "pace", target: "target", cap: "cap" },
};

export function progressLine(rows: TrendRow[], options: ProgressLineOptions): string {
  const { lang, unitOfCount: u, kind, target } = options;
  const words = WORDS[lang];
  const months = rows.map((r) => r.month);
  const actual = rows.filter((r) => r.actual !== null);
  const paced = rows.filter((r) => r.expected !== null);
  const lastActual = actual.at(-1);
  const lastPace = paced.at(-1);
  const value = (v: number | null) => formatValue(v, u, lang);
  const paceKind = kind === "cumulative" || kind === "level";
  const marks: Plot.Markish[] = [];
  if (kind === "cumulative") marks.push(Plot.ruleY([0], { stroke: MUTED }));
  if (target !== null) {
    const targetWord = kind === "cap" ? words.cap : words.target;
    marks.push(
      Plot.ruleY([target], { stroke: TARGET_COLOUR, strokeDasharray: "6,3", strokeWidth: 1.5 }),
      // Paced lines start low and rise to the target at the end: label the target at the left.
      // Other lines run along the target from the start: label it at the right.
      Plot.text([{ month: paceKind ? months[0] : months.at(-1), target }], {
        x: "month",
        y: "target",
        text: (d: { target: number }) => `${targetWord} ${value(d.target)}`,
        textAnchor: paceKind ? "start" : "end",
        dy: -8,
        fill: TARGET_COLOUR,
        stroke: "white",
        strokeWidth: 3,
      }),
    );
  }
  if (paced.length > 0) {
    // The pace line is labelled below itself, at the first month without an actual (or the last).
    const future = paced.filter((r) => r.actual === null && r.month > (lastActual?.month ?? ""));
    const at = future[Math.floor(future.length / 2)] ?? lastPace;
    marks.push(
      Plot.line(paced, {
        x: "month",
        y: "expected",
        stroke: PACE_COLOUR,
        strokeDasharray: "4,3",
        strokeWidth: 1.5,
      }),
      Plot.text([at], {
        x: "month",
        y: "expected",
        text: () => words.pace,
        textAnchor: at === lastPace && at?.actual !== null ? "end" : "start",
        dy: 14,
        fill: PACE_COLOUR,
        stroke: "white",
        strokeWidth: 3,
      }),
    );
  }
  if (actual.length > 0) {
    marks.push(
      Plot.line(actual, { x: "month", y: "actual", stroke: ACTUAL_COLOUR, strokeWidth: 2.5 }),
      Plot.dot(actual, {
        x: "month",
        y: "actual",
        r: 3.5,
        fill: ACTUAL_COLOUR,
        title: (d: TrendRow) =>
          `${formatMonth(d.month, lang)} ${words.actual} ${value(d.actual)}` +
          (d.expected === null ? "" : ` · ${words.pace} ${value(d.expected)}`),
      }),
      Plot.text([lastActual], {
        x: "month",
        y: "actual",
        text: (d: TrendRow) => `${words.actual} ${value(d.actual)}`,
        textAnchor: "start",
        dx: 8,
        fill: ACTUAL_COLOUR,
        stroke: "white",
        strokeWidth: 3,
        fontWeight: "bold",
      }),
    );
  }
  return renderPlot(
    {
      width: options.width ?? CHART_WIDTH,
      height: options.height ?? LINE_HEIGHT,
      marginLeft: 56,
      marginRight: 24,
      marginTop: 24,
      x: {
        type: "point",
        domain: months,
        label: null,
        padding: 0.3,
        tickFormat: (m: string) => formatMonthShort(m, lang),
      },
      y: {
        label: null,
        grid: true,
        nice: true,
        zero: kind === "cumulative" || u === "share",
        tickFormat: (v: number) => formatTick(v, u, lang),
      },
      marks,
    },
    { id: options.id, label: options.label },
  );
}
