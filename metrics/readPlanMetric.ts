/**
 * The checker's part for metrics: each entry of a plan's `metrics` list → PlanMetric, every
 * problem recorded with its line and field (see planFields.ts).
 */
import { isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { CaseCategory } from "../core/caseDeadline.ts";
import type { Catalogue } from "../core/catalogue.ts";
import type { Pace, Plan, PlanMetric, TrackedMetric } from "./plan.ts";
import { join, type PlanFields } from "./planFields.ts";
import { judgementOf, targetFromOf, targetSourceOf } from "./readPlanJudgement.ts";
import { paceOf } from "./readPlanPace.ts";
import { ID, idOf, localText, policyFieldsOf } from "./readPlanText.ts";
import { checkTrackedOnce, trackedOf } from "./readPlanTracked.ts";
import { type Direction, type MetricKind, TRACKED } from "./reportTypes.ts";

const METRIC_KEYS = [
  "id",
  "name",
  "kind",
  "direction",
  "target",
  "indicator",
  "numerator",
  "denominator",
  "case_category",
  "reporters",
  "baseline",
  "profile",
  "checkpoints",
  "quote",
  "section",
  "responsible",
  "unit_of_count",
  "note",
  "starts",
  "due",
  "judged",
  "tolerance",
  "target_source",
  "target_from",
] as const;
const KINDS: readonly (MetricKind | typeof TRACKED)[] = [
  "cumulative",
  "level",
  "cap",
  "ratio",
  "deadline",
  TRACKED,
];
const DIRECTIONS: readonly Direction[] = ["at_least", "above", "at_most"];
const UNITS_OF_COUNT = ["persons", "posts", "villages", "100m_cny", "share"] as const;
/**
 * The plan's metrics. `policy` is the policy text (as policyText.ts compares it), or null when the
 * plan names none: then the quotes and responsible bodies are not checked against it.
 */
export function metricsOf(
  f: PlanFields,
  root: YAMLMap,
  period: Plan["period"] | null,
  planPace: Pace,
  policy: string | null,
  catalogue: Catalogue,
): { metrics: PlanMetric[]; tracked: TrackedMetric[] } {
  const metrics: PlanMetric[] = [];
  const tracked: TrackedMetric[] = [];
  const node = f.required(root, "metrics", "");
  if (node === undefined) return { metrics, tracked };
  const items = isSeq(node) ? node.items : null;
  if (!items || items.length === 0) {
    f.problem(node, "metrics", "应为非空的指标列表。", "must be a non-empty list of metrics.");
    return { metrics, tracked };
  }
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const m = f.map(item as Node, `metrics[${i}]`);
    if (!m) return;
    const kindNode = f.get(m, "kind");
    const follows = isScalar(kindNode) && kindNode.value === TRACKED;
    const metric = follows
      ? trackedOf(f, m, i, period, policy, catalogue)
      : metricOf(f, m, i, period, planPace, policy, catalogue);
    if (!metric) return;
    if (seen.has(metric.id)) {
      f.problem(
        f.get(m, "id"),
        `metrics[${i}].id`,
        `指标编号 ${metric.id} 重复。`,
        `metric id ${metric.id} appears twice.`,
      );
    }
    seen.add(metric.id);
    if (follows) tracked.push(metric as TrackedMetric);
    else metrics.push(metric as PlanMetric);
  });
  checkTrackedOnce(f, tracked);
  return { metrics, tracked };
}

function metricOf(
  f: PlanFields,
  m: YAMLMap,
  i: number,
  period: Plan["period"] | null,
  planPace: Pace,
  policy: string | null,
  catalogue: Catalogue,
): PlanMetric | null {
  const before = f.findings.length;
  const rawId = f.has(m, "id") ? f.string(f.get(m, "id"), `metrics[${i}].id`) : null;
  const path = rawId && ID.test(rawId) ? `metrics.${rawId}` : `metrics[${i}]`;
  f.onlyKeys(m, METRIC_KEYS, path);
  const id = idOf(f, m, path);
  const name = localText(f, m, "name", path);
  // a tracked entry is read by trackedOf; the list names every kind in the message of a wrong one
  const named = f.oneOf(f.required(m, "kind", path), join(path, "kind"), KINDS);
  const kind = named === TRACKED ? null : named;
  const directionNode = f.get(m, "direction");
  // a cap is a ceiling by its nature; every other kind is a floor unless the plan says otherwise
  const direction = f.has(m, "direction")
    ? f.oneOf(directionNode, join(path, "direction"), DIRECTIONS)
    : kind === "cap"
      ? "at_most"
      : "at_least";
  if (kind && direction && (kind === "cap") !== (direction === "at_most")) {
    f.problem(
      directionNode ?? m,
      join(path, "direction"),
      "上限类指标（cap）方向为 at_most，其他类指标为 at_least 或 above。",
      "a cap is at_most; every other kind is at_least or above.",
    );
  }
  const share = kind === "ratio" || kind === "deadline";
  const targetNode = f.required(m, "target", path);
  const target = f.number(targetNode, join(path, "target"), share ? { above: 0, max: 1 } : { above: 0 });
  if (share && targetNode && target === null) {
    f.problem(
      targetNode,
      join(path, "target"),
      "比例以小数表示（80% 写作 0.8）。",
      "shares are fractions (write 80% as 0.8).",
    );
  }

  const indicator =
    kind === "cumulative" || kind === "level" || kind === "cap"
      ? indicatorOf(f, m, "indicator", path, kind, catalogue)
      : null;
  const numerator = kind === "ratio" ? indicatorOf(f, m, "numerator", path, kind, catalogue) : null;
  const denominator = kind === "ratio" ? indicatorOf(f, m, "denominator", path, kind, catalogue) : null;
  if (numerator && numerator === denominator) {
    f.problem(
      f.get(m, "denominator"),
      join(path, "denominator"),
      "分子与分母不能相同。",
      "numerator and denominator must differ.",
    );
  }
  for (const key of ["indicator", "numerator", "denominator", "case_category"] as const) {
    const wanted =
      key === "indicator"
        ? kind === "cumulative" || kind === "level" || kind === "cap"
        : key === "case_category"
          ? kind === "deadline"
          : kind === "ratio";
    if (kind && !wanted && f.has(m, key)) {
      f.problem(
        f.pair(m, key),
        join(path, key),
        `${kind} 类指标不用此字段。`,
        `a ${kind} metric does not take this field.`,
      );
    }
  }
  const caseCategory =
    kind === "deadline"
      ? f.oneOf(f.required(m, "case_category", path), join(path, "case_category"), [
          "zero_family",
          "hardship",
        ] as const)
      : null;

  const reporters = reportersOf(f, m, path, kind, [indicator, numerator, denominator], catalogue);
  const baseline = baselineOf(f, m, path, kind);
  const pace = paceOf(f, m, path, kind, period, planPace);
  const { quote, section, responsible } = policyFieldsOf(f, m, path, policy);
  const judgement = judgementOf(f, m, path, kind, period);
  const targetSource = targetSourceOf(f, f.get(m, "target_source"), join(path, "target_source"));
  const targetFrom = targetFromOf(f, m, path, kind);
  const unitOfCount =
    f.oneOf(f.required(m, "unit_of_count", path), join(path, "unit_of_count"), UNITS_OF_COUNT) ?? "";
  const note = f.has(m, "note") ? f.string(f.get(m, "note"), join(path, "note")) : null;
  if (f.findings.length > before || !kind || !direction || target === null) return null;
  return {
    id,
    name,
    kind,
    direction,
    target,
    indicator,
    numerator,
    denominator,
    caseCategory: caseCategory as CaseCategory | null,
    reporters,
    baseline,
    pace,
    quote,
    section,
    responsible,
    unitOfCount,
    note,
    ...judgement,
    targetSource,
    targetFrom,
  };
}

/** A reported item the metric reads: one of the plan's own catalogue, of the kind the metric needs. */
function indicatorOf(
  f: PlanFields,
  m: YAMLMap,
  key: string,
  path: string,
  kind: MetricKind,
  catalogue: Catalogue,
): string | null {
  const node = f.required(m, key, path);
  const value = f.string(node, join(path, key));
  if (value === null) return null;
  const indicator = catalogue.byKey.get(value);
  if (!indicator) {
    f.problem(
      node,
      join(path, key),
      `未知统计项 ${value}（见月报模板）。`,
      `unknown reported item ${value} (see the monthly template).`,
    );
    return null;
  }
  if (kind === "cumulative" && indicator.flow !== "flow") {
    f.problem(
      node,
      join(path, key),
      `累计类指标须用本月数（流量）统计项，${value} 为期末数。`,
      `a cumulative metric needs a flow; ${value} is a stock.`,
    );
  }
  if (kind === "level" && indicator.flow !== "stock") {
    f.problem(
      node,
      join(path, key),
      `期末水平类指标须用期末数统计项，${value} 为本月数。`,
      `a level metric needs a stock; ${value} is a flow.`,
    );
  }
  return value;
}

function reportersOf(
  f: PlanFields,
  m: YAMLMap,
  path: string,
  kind: MetricKind | null,
  keys: (string | null)[],
  catalogue: Catalogue,
): string[] {
  if (f.has(m, "reporters")) return f.strings(f.get(m, "reporters"), join(path, "reporters")) ?? [];
  if (kind === "deadline") {
    f.problem(
      m,
      join(path, "reporters"),
      "时限类指标须写明报送台账的单位类型或代码。",
      "a deadline metric must name the unit kinds or codes that keep the ledger.",
    );
    return [];
  }
  // without a list, the units that report every item the metric reads, as the catalogue says
  const lists = keys
    .filter((k): k is string => k !== null)
    .map((k) => catalogue.byKey.get(k)?.reporters ?? []);
  return lists.length ? lists.reduce((a, b) => a.filter((r) => b.includes(r))).slice() : [];
}

function baselineOf(f: PlanFields, m: YAMLMap, path: string, kind: MetricKind | null): number | null {
  if (!f.has(m, "baseline")) return null;
  if (kind !== "level") {
    f.problem(
      f.pair(m, "baseline"),
      join(path, "baseline"),
      "只有期末水平类（level）指标有基期值。",
      "only a level metric takes a baseline.",
    );
    return null;
  }
  return f.number(f.get(m, "baseline"), join(path, "baseline"), { min: 0 });
}
