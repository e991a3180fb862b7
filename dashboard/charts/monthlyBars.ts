/**
 * Monthly bars: the value of each month (a flow, or a month-end level), with the number written
 * above each bar and months without a report marked in words, so dips such as April–May stand out.
 */
import * as Plot from "@observablehq/plot";
import { formatMonth, formatMonthShort, formatTick, formatValue, type Lang } from "../format.ts";
import { ACTUAL_COLOUR, MUTED } from "../palette.ts";
import type { FlowRow } from "../trend.ts";
import { renderPlot } from "./renderPlot.ts";

export interface MonthlyBarsOptions {
  id: string;
  lang: Lang;
  unitOfCount: string;
  /** Accessible name of the chart. */
  label: string;
  width?: number; // defaults to 640
  height?: number; // defaults to 240
}

const NOT_REPORTED = { zh: "未报", en: "n/a" };

export function monthlyBars(rows: FlowRow[], options: MonthlyBarsOptions): string {
  const { lang, unitOfCount: u } = options;
  const months = rows.map((r) => r.month);
  const present = rows.filter((r): r is { month: string; value: number } => r.value !== null);
  const absent = rows.filter((r) => r.value === null);
  const marks: Plot.Markish[] = [
    Plot.barY(present, {
      x: "month",
      y: "value",
      fill: ACTUAL_COLOUR,
      insetLeft: 4,
      insetRight: 4,
      title: (d: { month: string; value: number }) =>
        `${formatMonth(d.month, lang)} ${formatValue(d.value, u, lang)}`,
    }),
    Plot.text(present, {
      x: "month",
      y: "value",
      text: (d: { value: number }) => formatTick(d.value, u, lang),
      dy: -7,
      fill: "currentColor",
    }),
    Plot.ruleY([0], { stroke: MUTED }),
  ];
  if (absent.length > 0) {
    marks.push(Plot.text(absent, { x: "month", y: 0, text: () => NOT_REPORTED[lang], dy: -8, fill: MUTED }));
  }
  return renderPlot(
    {
      width: options.width ?? 640,
      height: options.height ?? 240,
      marginLeft: 56,
      marginTop: 24,
      x: { type: "band", domain: months, label: null, tickFormat: (m: string) => formatMonthShort(m, lang) },
      y: {
        label: null,
        grid: true,
        nice: true,
        zero: true,
        tickFormat: (v: number) => formatTick(v, u, lang),
      },
      marks,
    },
    { id: options.id, label: options.label },
  );
}
