/**
 * The frame of a compact chart (a phone's, a grid cell's): a row per month, its short name at the
 * left, bars running across from zero with room at their ends for the numbers written there, and
 * the months written "未报" where nothing came in. The monthly bars and the funds' stacks draw
 * their marks into it, so the two read alike on a phone.
 */
import * as Plot from "@observablehq/plot";
import { formatMonthShort, type Lang } from "../format.ts";
import { MUTED } from "../palette.ts";
import { COMPACT_WIDTH, renderPlot, textWidth } from "./renderPlot.ts";

/** The height of a month's row. */
const ROW_HEIGHT = 24;

export const NOT_REPORTED = { zh: "未报", en: "n/a" };

export interface MonthRowsSpec {
  id: string;
  label: string;
  lang: Lang;
  months: string[];
  /** The chart's marks: bars along x with `y: "month"`. */
  marks: Plot.Markish[];
  /** The months with nothing reported, marked in words. */
  absent: { month: string }[];
  /** Room right of zero's far side and left of it, for the numbers at the bars' ends. */
  insetRight: number;
  insetLeft?: number;
  color?: Plot.ScaleOptions;
  width?: number;
}

export function monthRows(spec: MonthRowsSpec): string {
  const { lang, months } = spec;
  const marks = [...spec.marks];
  if (spec.absent.length > 0)
    marks.push(
      Plot.text(spec.absent, {
        y: "month",
        x: 0,
        text: () => NOT_REPORTED[lang],
        textAnchor: "start",
        dx: 5,
        fill: MUTED,
      }),
    );
  return renderPlot(
    {
      width: spec.width ?? COMPACT_WIDTH,
      height: months.length * ROW_HEIGHT + 12,
      marginLeft: Math.max(...months.map((m) => textWidth(formatMonthShort(m, lang)))) + 12,
      marginRight: 4,
      marginTop: 6,
      marginBottom: 6,
      y: {
        type: "band",
        domain: months,
        label: null,
        tickSize: 0,
        tickFormat: (m: string) => formatMonthShort(m, lang),
      },
      x: {
        axis: null,
        zero: true,
        insetRight: spec.insetRight,
        insetLeft: spec.insetLeft ?? 0,
      },
      ...(spec.color ? { color: spec.color } : {}),
      marks,
    },
    { id: spec.id, label: spec.label },
  );
}
