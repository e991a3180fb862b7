/**
 * The policy's money month by month: one stacked bar per month of the amount the units reported
 * paid (万元), a segment per paying group (the towns together, each department on its own), the
 * month's total written above its bar, and months with nothing reported marked in words. The
 * groups keep the order given and a colour each; the page's legend names them, since a colour is
 * never the only key (each segment's title names its group too). Compact (for a phone), the months
 * are rows and the stacks run across, so the chart's text keeps its size at a phone's width.
 */
import * as Plot from "@observablehq/plot";
import { formatMonth, formatMonthShort, formatTick, formatValue, type Lang } from "../format.ts";
import { MUTED } from "../palette.ts";
import { monthRows, NOT_REPORTED } from "./monthRows.ts";
import { CHART_WIDTH, renderPlot, textWidth } from "./renderPlot.ts";

/** One group's amount in one month (万元); null: nothing reported. */
export interface FundsBarRow {
  month: string;
  group: string;
  value: number | null;
}

export interface FundsBarsOptions {
  id: string;
  lang: Lang;
  /** The months shown, in order (a month without any row is marked as not reported). */
  months: string[];
  /** The paying groups in stacking order, bottom first. */
  groups: string[];
  /** Accessible name of the chart. */
  label: string;
  /** Months as rows, drawn small (see above). */
  compact?: boolean;
  width?: number;
  /** A compact chart is as tall as its rows, whatever this says. */
  height?: number;
}

/**
 * Colours of the groups in order, distinct in hue and lightness (and for common colour-vision
 * deficiencies), each dark enough for white gaps between segments to show.
 */
export const FUNDS_COLOURS = ["#0969da", "#bc4c00", "#8250df", "#1a7f37", "#9a6700", "#57606a"];

/** A little taller than the monthly bars: a legend of payers sits under the stacks. */
const FUNDS_HEIGHT = 260;

type Present = FundsBarRow & { value: number };

/** The colour of the group at `index`, the palette repeating beyond its length. */
export function fundsColour(index: number): string {
  return FUNDS_COLOURS[index % FUNDS_COLOURS.length];
}

export function fundsBars(rows: FundsBarRow[], options: FundsBarsOptions): string {
  const { lang, months, groups } = options;
  const present = rows.filter((r): r is Present => r.value !== null && r.value > 0);
  const totals = months.map((month) => {
    const values = rows.filter((r) => r.month === month && r.value !== null).map((r) => r.value as number);
    return { month, value: values.length ? values.reduce((a, b) => a + b, 0) : null };
  });
  const reported = totals.filter((t): t is { month: string; value: number } => t.value !== null);
  const absent = totals.filter((t) => t.value === null);
  const money = (v: number) => formatValue(v, "10k_cny", lang);
  if (options.compact) return compactStacks(present, reported, absent, options);
  const marks: Plot.Markish[] = [
    Plot.barY(present, {
      x: "month",
      y: "value",
      fill: "group",
      order: groups,
      insetLeft: 4,
      insetRight: 4,
      stroke: "white",
      strokeWidth: 0.5,
      title: (d: Present) => `${formatMonth(d.month, lang)} ${d.group} ${money(d.value)}`,
    }),
    Plot.text(reported, {
      x: "month",
      y: "value",
      text: (d: { value: number }) => formatTick(d.value, "10k_cny", lang),
      dy: -7,
      fill: "currentColor",
    }),
    Plot.ruleY([0], { stroke: MUTED }),
  ];
  if (absent.length > 0)
    marks.push(Plot.text(absent, { x: "month", y: 0, text: () => NOT_REPORTED[lang], dy: -8, fill: MUTED }));
  return renderPlot(
    {
      width: options.width ?? CHART_WIDTH,
      height: options.height ?? FUNDS_HEIGHT,
      marginLeft: 56,
      marginTop: 24,
      marginBottom: 30,
      x: { type: "band", domain: months, label: null, tickFormat: (m: string) => formatMonthShort(m, lang) },
      y: {
        label: lang === "zh" ? "万元" : "10,000 CNY",
        labelAnchor: "top",
        labelArrow: "none",
        grid: true,
        nice: true,
        zero: true,
        insetTop: 12,
        tickFormat: (v: number) => formatTick(v, "10k_cny", lang),
      },
      color: { domain: groups, range: groups.map((_, i) => fundsColour(i)) },
      marks,
    },
    { id: options.id, label: options.label },
  );
}

/** The compact chart: a row per month, the stack from zero and the month's total at its end. */
function compactStacks(
  present: Present[],
  reported: { month: string; value: number }[],
  absent: { month: string }[],
  options: FundsBarsOptions,
): string {
  const { lang, months, groups } = options;
  const total = (v: number) => formatTick(v, "10k_cny", lang);
  const marks: Plot.Markish[] = [
    Plot.barX(present, {
      y: "month",
      x: "value",
      fill: "group",
      order: groups,
      insetTop: 3,
      insetBottom: 3,
      stroke: "white",
      strokeWidth: 0.5,
      title: (d: Present) =>
        `${formatMonth(d.month, lang)} ${d.group} ${formatValue(d.value, "10k_cny", lang)}`,
    }),
    Plot.text(reported, {
      y: "month",
      x: "value",
      text: (d: { value: number }) => total(d.value),
      textAnchor: "start",
      dx: 5,
    }),
    Plot.ruleX([0], { stroke: MUTED }),
  ];
  return monthRows({
    id: options.id,
    label: options.label,
    lang,
    months,
    marks,
    absent,
    insetRight:
      Math.max(textWidth(NOT_REPORTED[lang]), ...reported.map((d) => textWidth(total(d.value)))) + 10,
    color: { domain: groups, range: groups.map((_, i) => fundsColour(i)) },
    width: options.width,
  });
}
