/**
 * The checker's part for the items a plan follows without a target (`kind: tracked`): the policy
 * names them but states no figure, so the entry says which reported item is followed and which
 * sentence names it — and nothing that would judge it. A field of a target (`target`, `judged`,
 * `due` …) is refused rather than ignored, so that a plan never seems to set a figure it does not.
 * An item that counts a subsidy's money must be the subsidy's amount, and the catalogue must pair
 * it with at most one count of the persons, firms or projects it reached (docs/funds.md).
 */
import type { YAMLMap } from "yaml";
import type { Catalogue, Indicator } from "../core/catalogue.ts";
import type { Plan, TrackedMetric } from "./plan.ts";
import { join, type PlanFields } from "./planFields.ts";
import { ID, idOf, localText, policyFieldsOf } from "./readPlanText.ts";

const TRACKED_KEYS = [
  "id",
  "name",
  "kind",
  "indicator",
  "starts",
  "quote",
  "section",
  "responsible",
  "note",
] as const;

/** Fields of a target that a tracked entry may not carry. */
const TARGET_KEYS = [
  "direction",
  "target",
  "target_from",
  "target_source",
  "judged",
  "tolerance",
  "due",
  "baseline",
  "profile",
  "checkpoints",
  "numerator",
  "denominator",
  "case_category",
  "reporters",
  "unit_of_count",
] as const;

/** Units an amount of money is reported in. */
const MONEY_UNITS = new Set(["万元", "亿元"]);

export function isMoney(item: Pick<Indicator, "unit">): boolean {
  return MONEY_UNITS.has(item.unit);
}

export function trackedOf(
  f: PlanFields,
  m: YAMLMap,
  i: number,
  period: Plan["period"] | null,
  policy: string | null,
  catalogue: Catalogue,
): TrackedMetric | null {
  const before = f.findings.length;
  const rawId = f.has(m, "id") ? f.string(f.get(m, "id"), `metrics[${i}].id`) : null;
  const path = rawId && ID.test(rawId) ? `metrics.${rawId}` : `metrics[${i}]`;
  for (const key of TARGET_KEYS) {
    if (f.has(m, key))
      f.problem(
        f.pair(m, key),
        join(path, key),
        "跟踪类（tracked）指标没有目标，不用此字段。",
        "a tracked item has no target and does not take this field.",
      );
  }
  f.onlyKeys(m, [...TRACKED_KEYS, ...TARGET_KEYS.filter((k) => f.has(m, k))], path);
  const id = idOf(f, m, path);
  const name = localText(f, m, "name", path);
  const indicator = trackedItemOf(f, m, path, catalogue);
  let starts = period?.first ?? "";
  if (f.has(m, "starts")) {
    const node = f.get(m, "starts");
    const month = f.month(node, join(path, "starts"));
    if (month !== null && period && (month < period.first || month > period.last)) {
      f.problem(
        node,
        join(path, "starts"),
        `月份应在计划期间 ${period.first} 至 ${period.last} 内。`,
        `the month must lie in the period ${period.first} to ${period.last}.`,
      );
    } else if (month !== null) starts = month;
  }
  const { quote, section, responsible } = policyFieldsOf(f, m, path, policy);
  const note = f.has(m, "note") ? f.string(f.get(m, "note"), join(path, "note")) : null;
  if (f.findings.length > before || indicator === null) return null;
  return { id, name, indicator, starts, quote, section, responsible, note };
}

/** The item followed: one of the catalogue; a subsidy's item must be its amount, well paired. */
function trackedItemOf(f: PlanFields, m: YAMLMap, path: string, catalogue: Catalogue): string | null {
  const node = f.required(m, "indicator", path);
  const key = f.string(node, join(path, "indicator"));
  if (key === null) return null;
  const item = catalogue.byKey.get(key);
  if (!item) {
    f.problem(
      node,
      join(path, "indicator"),
      `未知统计项 ${key}（见月报模板）。`,
      `unknown reported item ${key} (see the monthly template).`,
    );
    return null;
  }
  if (item.subsidy === null) return key;
  const pair = catalogue.items.filter((x) => x.subsidy === item.subsidy);
  const money = pair.filter(isMoney);
  if (!isMoney(item)) {
    f.problem(
      node,
      join(path, "indicator"),
      `${key} 是补贴 ${item.subsidy} 的人数（户数），跟踪补贴应指其金额统计项（万元）。`,
      `${key} counts whom the subsidy ${item.subsidy} reached; a subsidy is tracked by its amount item (万元).`,
    );
    return null;
  }
  if (money.length !== 1 || pair.length > 2) {
    f.problem(
      node,
      join(path, "indicator"),
      `统计项目录中补贴 ${item.subsidy} 应恰有一个金额统计项，至多一个人数（户数）统计项。`,
      `the catalogue must give the subsidy ${item.subsidy} exactly one amount item and at most one count of whom it reached.`,
    );
    return null;
  }
  return key;
}

/** One tracked entry per item: two would report the same figures under two names. */
export function checkTrackedOnce(f: PlanFields, tracked: readonly TrackedMetric[]): void {
  const seen = new Map<string, string>();
  for (const t of tracked) {
    const other = seen.get(t.indicator);
    if (other)
      f.problem(
        null,
        `metrics.${t.id}.indicator`,
        `统计项 ${t.indicator} 已由 ${other} 跟踪。`,
        `the item ${t.indicator} is already tracked by ${other}.`,
      );
    seen.set(t.indicator, t.id);
  }
}
