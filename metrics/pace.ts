/**
 * Pace (序时进度): the share of a target due by the end of a month. Linear pace is m/n (months
 * elapsed of the plan's months); a seasonal profile gives the cumulative share month by month;
 * checkpoints (节点目标) give it at some months, with linear interpolation in between, from 0 at
 * the baseline month to 1 at the period's last month.
 */
import { monthIndex } from "../core/month.ts";
import type { Pace, Plan } from "./plan.ts";

/** Months elapsed (m) at the end of `month`, from 0 (before the period) to n. */
export function monthsElapsed(period: Plan["period"], month: string): number {
  const n = monthIndex(period.last) - monthIndex(period.first) + 1;
  return Math.max(0, Math.min(n, monthIndex(month) - monthIndex(period.first) + 1));
}

/** The cumulative share of the target due by the end of `month`, in [0, 1]. */
export function paceFraction(pace: Pace, period: Plan["period"], month: string): number {
  const n = monthIndex(period.last) - monthIndex(period.first) + 1;
  const m = monthsElapsed(period, month);
  if (m === 0) return 0;
  switch (pace.kind) {
    case "linear":
      return m / n;
    case "profile":
      return pace.points[month] ?? (m >= n ? 1 : 0);
    case "checkpoints":
      return interpolate(checkpointAnchors(pace.points, period), monthIndex(month));
  }
}

/** (month index, share) points: 0 at the baseline month, the checkpoints, 1 at the last month. */
function checkpointAnchors(points: Record<string, number>, period: Plan["period"]): [number, number][] {
  const anchors: [number, number][] = [[monthIndex(period.first) - 1, 0]];
  for (const month of Object.keys(points).sort()) anchors.push([monthIndex(month), points[month]]);
  const last = monthIndex(period.last);
  if (anchors[anchors.length - 1][0] < last) anchors.push([last, 1]);
  return anchors;
}

function interpolate(anchors: [number, number][], x: number): number {
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i];
    if (x === x1) return y1;
    if (x < x1) {
      const [x0, y0] = anchors[i - 1];
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return anchors[anchors.length - 1][1];
}
