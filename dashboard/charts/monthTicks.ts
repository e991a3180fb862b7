/**
 * The months an axis labels: every month where there is room, else every second, third, fourth or
 * sixth (quarters stay aligned: 1月 4月 7月 10月), so that no two labels touch at the width the
 * chart is drawn.
 */
import { formatMonthShort, type Lang } from "../format.ts";
import { textWidth } from "./renderPlot.ts";

const STEPS = [1, 2, 3, 4, 6, 12];
/** Room between two month labels, in pixels. */
const GAP = 8;

export function monthTicks(months: string[], plotWidth: number, lang: Lang): string[] {
  if (months.length === 0) return [];
  const widest = Math.max(...months.map((m) => textWidth(formatMonthShort(m, lang))));
  const perMonth = plotWidth / months.length;
  const step = STEPS.find((s) => s * perMonth >= widest + GAP) ?? months.length;
  return months.filter((_, i) => i % step === 0);
}
