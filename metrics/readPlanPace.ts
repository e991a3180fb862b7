/**
 * The checker's part for pace: profiles (a cumulative share for every month) and checkpoints
 * (节点目标, shares at some months), written as month → fraction maps, checked to lie in the
 * period, within [0, 1], never falling, and reaching 1 in the period's last month when listed.
 */
import type { Node, YAMLMap } from "yaml";
import { monthsBetween } from "../core/month.ts";
import type { Pace, Plan } from "./plan.ts";
import { join, type PlanFields } from "./planFields.ts";
import type { MetricKind } from "./reportTypes.ts";

/** Month → cumulative fraction; non-decreasing, within [0, 1], months inside the period. */
export function fractionsOf(
  f: PlanFields,
  node: Node | undefined,
  path: string,
  period: Plan["period"] | null,
  everyMonth: boolean,
): Record<string, number> | null {
  const m = f.map(node, path);
  if (!m || !period) return null;
  const points: Record<string, number> = {};
  let ok = true;
  let previous = 0;
  const entries = f.entries(m).sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const { key, pair, value } of entries) {
    const here = join(path, key);
    if (!/^\d{4}-\d{2}$/.test(key) || key < period.first || key > period.last) {
      f.problem(
        pair,
        here,
        `月份应在计划期间 ${period.first} 至 ${period.last} 内。`,
        `the month must lie in the period ${period.first} to ${period.last}.`,
      );
      ok = false;
      continue;
    }
    const fraction = f.number(value, here, { min: 0, max: 1 });
    if (fraction === null) {
      ok = false;
      continue;
    }
    if (fraction < previous) {
      f.problem(
        value,
        here,
        "累计比例不能比前一个节点小。",
        "a cumulative fraction may not fall below the one before.",
      );
      ok = false;
    }
    previous = fraction;
    points[key] = fraction;
  }
  if (ok && everyMonth) {
    const missing = monthsBetween(period.first, period.last).filter((month) => !(month in points));
    if (missing.length) {
      f.problem(
        m,
        path,
        `季节分布须列出期间每个月，缺少 ${missing.join("、")}。`,
        `a profile lists every month of the period; missing ${missing.join(", ")}.`,
      );
      ok = false;
    }
  }
  if (ok && period.last in points && points[period.last] !== 1) {
    const last = f.entries(m).find((e) => e.key === period.last);
    f.problem(
      last?.value,
      join(path, period.last),
      "期间最后一个月应为 1（全部完成）。",
      "the period's last month must be 1 (the whole target).",
    );
    ok = false;
  }
  return ok ? points : null;
}

/** A metric's pace: its own profile or checkpoints, else the plan's (cumulative and level only). */
export function paceOf(
  f: PlanFields,
  m: YAMLMap,
  path: string,
  kind: MetricKind | null,
  period: Plan["period"] | null,
  planPace: Pace,
): Pace {
  const hasProfile = f.has(m, "profile");
  const hasCheckpoints = f.has(m, "checkpoints");
  if ((hasProfile || hasCheckpoints) && kind !== "cumulative" && kind !== "level") {
    const key = hasProfile ? "profile" : "checkpoints";
    f.problem(
      f.pair(m, key),
      join(path, key),
      "只有累计类和期末水平类指标有进度安排。",
      "only cumulative and level metrics take a pace.",
    );
    return { kind: "linear" };
  }
  if (hasProfile && hasCheckpoints) {
    f.problem(
      f.pair(m, "checkpoints"),
      join(path, "checkpoints"),
      "profile 与 checkpoints 只能二选一。",
      "give a profile or checkpoints, not both.",
    );
    return { kind: "linear" };
  }
  if (hasProfile) {
    const points = fractionsOf(f, f.get(m, "profile"), join(path, "profile"), period, true);
    return points ? { kind: "profile", points } : { kind: "linear" };
  }
  if (hasCheckpoints) {
    const points = fractionsOf(f, f.get(m, "checkpoints"), join(path, "checkpoints"), period, false);
    return points ? { kind: "checkpoints", points } : { kind: "linear" };
  }
  return kind === "cumulative" || kind === "level" ? planPace : { kind: "linear" };
}
