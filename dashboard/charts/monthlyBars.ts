/**
 * Monthly bars: the value of each month — a flow, a share, or for a stock (a level, a cap) the
 * change from the month before, so that a level near 40万 every month still shows how it moved —
 * with the number written beside each bar (signed for changes) and months without a report marked
 * in words, so dips such as April–May stand out. A fall is drawn in grey, not a status colour: for a
 * cap a fall is good news, for a level bad, and the colours green, yellow and red mean a status. A compact chart (a phone) lays the months out as
 * rows, so each number has the room of a row rather than of a twelfth of the width.
 */
import * as Plot from "@observablehq/plot";
import { formatMonth, formatMonthShort, formatTick, formatValue, type Lang } from "../format.ts";
import { ACTUAL_COLOUR, FALL_COLOUR, MUTED } from "../palette.ts";
import type { FlowRow } from "../trend.ts";
import { monthRows, NOT_REPORTED } from "./monthRows.ts";
import { monthTicks } from "./monthTicks.ts";
import { CHART_WIDTH, renderPlot, textWidth } from "./renderPlot.ts";

interface MonthlyBarsOptions {
  id: string;
  lang: Lang;
  unitOfCount: string;
  /** Accessible name of the chart. */
  label: string;
  /** The values are changes from the month before: signed labels, falls in another colour. */
  changes?: boolean;
  /** Months as rows, drawn small (see above). */
  compact?: boolean;
  width?: number;
  /** A compact chart is as tall as its rows, whatever this says. */
  height?: number;
}

/** Low enough to sit beside the trend line on a laptop screen. */
const BARS_HEIGHT = 240;

type Present = { month: string; value: number };

export function monthlyBars(rows: FlowRow[], options: MonthlyBarsOptions): string {
  const { lang, unitOfCount: u } = options;
  const changes = options.changes ?? false;
  const months = rows.map((r) => r.month);
  const present = rows.filter((r): r is Present => r.value !== null);
  const absent = rows.filter((r) => r.value === null);
  const signed = (v: number) =>
    (changes && v > 0 ? "+" : v < 0 ? "−" : "") + formatTick(Math.abs(v), u, lang);
  const label = (d: Present) =>
    `${formatMonth(d.month, lang)} ${changes && d.value > 0 ? "+" : d.value < 0 ? "−" : ""}${formatValue(Math.abs(d.value), u, lang)}`;
  const rises = present.filter((d) => d.value >= 0);
  const falls = present.filter((d) => d.value < 0);
  if (options.compact) return compactBars(rows, options, signed, label);
  const width = options.width ?? CHART_WIDTH;
  const marks: Plot.Markish[] = [
    Plot.barY(present, {
      x: "month",
      y: "value",
      fill: (d: Present) => (changes && d.value < 0 ? FALL_COLOUR : ACTUAL_COLOUR),
      insetLeft: 4,
      insetRight: 4,
      title: label,
    }),
    Plot.text(rises, {
      x: "month",
      y: "value",
      text: (d: Present) => signed(d.value),
      dy: -7,
      fill: "currentColor",
    }),
    Plot.text(falls, {
      x: "month",
      y: "value",
      text: (d: Present) => signed(d.value),
      dy: 9,
      fill: "currentColor",
    }),
    Plot.ruleY([0], { stroke: MUTED }),
  ];
  if (absent.length > 0) {
    marks.push(Plot.text(absent, { x: "month", y: 0, text: () => NOT_REPORTED[lang], dy: -8, fill: MUTED }));
  }
  return renderPlot(
    {
      width,
      height: options.height ?? BARS_HEIGHT,
      marginLeft: 56,
      marginTop: 24,
      marginBottom: 30,
      x: {
        type: "band",
        domain: months,
        label: null,
        ticks: monthTicks(months, width - 76, lang),
        tickFormat: (m: string) => formatMonthShort(m, lang),
      },
      y: {
        label: null,
        grid: true,
        nice: true,
        zero: true,
        // room for the numbers written above the tallest bar and below the deepest fall
        insetTop: 12,
        insetBottom: falls.length > 0 ? 16 : 0,
        tickFormat: (v: number) => (changes ? signed(v) : formatTick(v, u, lang)),
      },
      marks,
    },
    { id: options.id, label: options.label },
  );
}

/** The compact chart: a row per month, the bar from zero and its number at its end. */
function compactBars(
  rows: FlowRow[],
  options: MonthlyBarsOptions,
  signed: (v: number) => string,
  label: (d: Present) => string,
): string {
  const changes = options.changes ?? false;
  const present = rows.filter((r): r is Present => r.value !== null);
  const rises = present.filter((d) => d.value >= 0);
  const falls = present.filter((d) => d.value < 0);
  const room = (list: Present[]) => Math.max(0, ...list.map((d) => textWidth(signed(d.value)))) + 10;
  const marks: Plot.Markish[] = [
    Plot.barX(present, {
      y: "month",
      x: "value",
      fill: (d: Present) => (changes && d.value < 0 ? FALL_COLOUR : ACTUAL_COLOUR),
      insetTop: 3,
      insetBottom: 3,
      title: label,
    }),
    Plot.text(rises, {
      y: "month",
      x: "value",
      text: (d: Present) => signed(d.value),
      textAnchor: "start",
      dx: 5,
    }),
    Plot.text(falls, {
      y: "month",
      x: "value",
      text: (d: Present) => signed(d.value),
      textAnchor: "end",
      dx: -5,
    }),
    Plot.ruleX([0], { stroke: MUTED }),
  ];
  return monthRows({
    id: options.id,
    label: options.label,
    lang: options.lang,
    months: rows.map((r) => r.month),
    marks,
    absent: rows.filter((r) => r.value === null),
    insetRight: room(rises),
    insetLeft: falls.length > 0 ? room(falls) : 0,
    width: options.width,
  });
}
