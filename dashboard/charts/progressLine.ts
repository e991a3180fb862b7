/**
 * The cumulative line: a metric's actual month by month against the pace line (序时进度) and the
 * target, over the plan's months. A full-size chart labels its lines directly, so it reads without
 * colour: the target above its rule at the left, the actual and the pace at their last month in a
 * margin kept free for them on the right (moved apart when they would touch), never beyond the
 * chart's edge. A compact chart (a town's page, a phone) is drawn to be read at about its own
 * width, with month ticks thinned to fit and no labels in the plot: its caption and legend say the
 * figures, so nothing collides or spills out of its card.
 */
import * as Plot from "@observablehq/plot";
import type { MetricKind } from "../../metrics/reportTypes.ts";
import { formatMonth, formatMonthShort, formatTick, formatValue, type Lang } from "../format.ts";
import { ACTUAL_COLOUR, MUTED, PACE_COLOUR, TARGET_COLOUR } from "../palette.ts";
import type { TrendRow } from "../trend.ts";
import { monthTicks } from "./monthTicks.ts";
import { CHART_FONT_SIZE, CHART_WIDTH, COMPACT_WIDTH, renderPlot, textWidth } from "./renderPlot.ts";

interface ProgressLineOptions {
  id: string;
  lang: Lang;
  kind: MetricKind;
  unitOfCount: string;
  target: number | null;
  /** Accessible name of the chart. */
  label: string;
  /** The target rule's word (目标; 分解目标 for a unit's own target; 控制数 for a cap). */
  targetWord?: string;
  /** Drawn small, without labels in the plot (see above). */
  compact?: boolean;
  width?: number;
  height?: number;
}

/** Taller than the bars: the line, the pace and the target share it; a compact one a little less. */
const LINE_HEIGHT = 280;
const COMPACT_LINE_HEIGHT = 220;

const WORDS = {
  zh: { actual: "实际", pace: "序时进度", target: "目标", cap: "控制数" },
  en: { actual: "actual", pace: "pace", target: "target", cap: "cap" },
};

const MARGIN_TOP = 24;
const MARGIN_BOTTOM = 30;
/** The least distance between the two labels in the right margin, in pixels. */
const LABEL_GAP = CHART_FONT_SIZE + 4;

export function progressLine(rows: TrendRow[], options: ProgressLineOptions): string {
  const { lang, unitOfCount: u, kind, target } = options;
  const compact = options.compact ?? false;
  const width = options.width ?? (compact ? COMPACT_WIDTH : CHART_WIDTH);
  const height = options.height ?? (compact ? COMPACT_LINE_HEIGHT : LINE_HEIGHT);
  const words = WORDS[lang];
  const months = rows.map((r) => r.month);
  const actual = rows.filter((r) => r.actual !== null);
  const paced = rows.filter((r) => r.expected !== null);
  const lastActual = actual.at(-1);
  const lastPace = paced.at(-1);
  const value = (v: number | null) => formatValue(v, u, lang);
  const zero = kind === "cumulative" || u === "share";
  const marginLeft = compact ? 44 : 56;

  // the labels in the right margin: the actual's when it reaches the last month, the pace's
  const actualText = lastActual ? `${words.actual} ${value(lastActual.actual)}` : "";
  const paceText = words.pace;
  const actualAtEnd = lastActual !== undefined && lastActual.month === months.at(-1);
  const marginRight = compact
    ? 12
    : Math.max(24, (actualAtEnd ? textWidth(actualText) : 0) + 14, (lastPace ? textWidth(paceText) : 0) + 14);

  const values = [
    ...actual.map((r) => r.actual as number),
    ...paced.map((r) => r.expected as number),
    ...(target === null ? [] : [target]),
    ...(zero ? [0] : []),
  ];
  const y = Plot.scale({
    y: {
      domain: values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1],
      nice: true,
      range: [height - MARGIN_BOTTOM, MARGIN_TOP],
    },
  });

  const marks: Plot.Markish[] = [];
  if (kind === "cumulative") marks.push(Plot.ruleY([0], { stroke: MUTED }));
  if (target !== null) {
    marks.push(Plot.ruleY([target], { stroke: TARGET_COLOUR, strokeDasharray: "6,3", strokeWidth: 1.5 }));
    if (!compact) {
      const targetWord = options.targetWord ?? (kind === "cap" ? words.cap : words.target);
      marks.push(
        Plot.text([{ month: months[0], target }], {
          x: "month",
          y: "target",
          text: (d: { target: number }) => `${targetWord} ${value(d.target)}`,
          textAnchor: "start",
          dy: -8,
          fill: TARGET_COLOUR,
          stroke: "white",
          strokeWidth: 3,
        }),
      );
    }
  }
  if (paced.length > 0) {
    marks.push(
      Plot.line(paced, {
        x: "month",
        y: "expected",
        stroke: PACE_COLOUR,
        strokeDasharray: "4,3",
        strokeWidth: 1.5,
      }),
    );
  }
  if (actual.length > 0) {
    marks.push(
      Plot.line(actual, { x: "month", y: "actual", stroke: ACTUAL_COLOUR, strokeWidth: 2.5 }),
      Plot.dot(actual, {
        x: "month",
        y: "actual",
        r: compact ? 3 : 3.5,
        fill: ACTUAL_COLOUR,
        title: (d: TrendRow) =>
          `${formatMonth(d.month, lang)} ${words.actual} ${value(d.actual)}` +
          (d.expected === null ? "" : ` · ${words.pace} ${value(d.expected)}`),
      }),
    );
  }
  if (!compact) marks.push(...endLabels());

  /** The actual's and the pace's labels, at their last month or in the right margin, kept apart. */
  function endLabels(): Plot.Markish[] {
    const labels: Plot.Markish[] = [];
    const actualY = lastActual ? y.apply(lastActual.actual) : null;
    const paceAt = lastPace ? y.apply(lastPace.expected) : null;
    let paceY = paceAt;
    if (actualAtEnd && actualY !== null && paceY !== null && Math.abs(actualY - paceY) < LABEL_GAP) {
      // the pace's label moves away from the actual's, to the side it lies on, so they read as two lines
      paceY = paceY >= actualY ? actualY + LABEL_GAP : actualY - LABEL_GAP;
    }
    if (lastActual && actualY !== null) {
      labels.push(
        Plot.text([lastActual], {
          x: "month",
          y: "actual",
          text: () => actualText,
          textAnchor: "start",
          dx: 8,
          fill: ACTUAL_COLOUR,
          stroke: "white",
          strokeWidth: 3,
          fontWeight: "bold",
        }),
      );
    }
    if (lastPace && paceY !== null && paceAt !== null) {
      labels.push(
        Plot.text([lastPace], {
          x: "month",
          y: "expected",
          dy: paceY - paceAt,
          text: () => paceText,
          textAnchor: "start",
          dx: 8,
          fill: PACE_COLOUR,
          stroke: "white",
          strokeWidth: 3,
        }),
      );
    }
    return labels;
  }

  return renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        type: "point",
        domain: months,
        label: null,
        padding: 0.3,
        ticks: monthTicks(months, width - marginLeft - marginRight, lang),
        tickFormat: (m: string) => formatMonthShort(m, lang),
      },
      y: {
        label: null,
        grid: true,
        domain: y.domain,
        ticks: compact ? 4 : undefined,
        tickFormat: (v: number) => formatTick(v, u, lang),
      },
      marks,
    },
    { id: options.id, label: options.label },
  );
}
