/**
 * The plan checker: YAML text → Plan, or a DataError listing every problem with its line and
 * field. Written by hand over the `yaml` package's document tree (which keeps each node's
 * position), so a clerk editing a plan file is told exactly where the mistake is.
 */
import { isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { DataError } from "../etl/finding.ts";
import { INDICATOR_BY_KEY } from "../etl/indicators.ts";
import { monthIndex, monthsBetween, previousMonth } from "../etl/normalize/month.ts";
import type { AlertThresholds, CaseCategory, Pace, Plan, PlanMetric } from "./plan.ts";
import { join, PlanFields } from "./planFields.ts";
import type { Direction, MetricKind } from "./reportTypes.ts";

const PLAN_KEYS = [
  "id",
  "name",
  "district",
  "document",
  "period",
  "baseline_month",
  "due_day",
  "pace",
  "checkpoints",
  "alerts",
  "metrics",
  "allocations",
] as const;
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
] as const;
const KINDS: readonly MetricKind[] = ["cumulative", "level", "cap", "ratio", "deadline"];
const DIRECTIONS: readonly Direction[] = ["at_least", "above", "at_most"];
const UNITS_OF_COUNT = ["persons", "posts", "villages", "100m_cny", "share"] as const;
const ID = /^[a-z0-9][a-z0-9_-]*$/;
/** Masks of months are kept in doubles: a period may span at most 48 months. */
const MAX_MONTHS = 48;

export function readPlanDocument(text: string, fileName: string): Plan {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const f = new PlanFields(fileName, lines);
  for (const error of doc.errors) {
    const line = error.pos ? lines.linePos(error.pos[0]).line : null;
    f.problem(line, "(YAML)", `YAML 格式错误：${error.message}`, `YAML syntax error: ${error.message}`);
  }
  if (doc.errors.length) throw new DataError(f.findings);
  const root = f.map(doc.contents as Node, "(plan)");
  if (!root) throw new DataError(f.findings);
  f.onlyKeys(root, PLAN_KEYS, "");

  const id = idOf(f, root, "");
  const name = localText(f, root, "name", "");
  const district = f.string(f.required(root, "district", ""), "district") ?? "";
  const document = f.has(root, "document") ? f.string(f.get(root, "document"), "document") : null;
  const period = periodOf(f, root);
  const baselineMonth = period ? previousMonth(period.first) : "";
  if (period && f.has(root, "baseline_month")) {
    const node = f.get(root, "baseline_month");
    const stated = f.month(node, "baseline_month");
    if (stated && stated !== baselineMonth) {
      f.problem(
        node,
        "baseline_month",
        `应为期间首月的前一个月 ${baselineMonth}。`,
        `must be ${baselineMonth}, the month before the period.`,
      );
    }
  }
  // defaults to the 5th: a month's report is due on the 5th of the next month
  const dueDay = f.has(root, "due_day")
    ? (f.number(f.get(root, "due_day"), "due_day", { min: 1, max: 28, integer: true }) ?? 5)
    : 5;
  const planPace = planPaceOf(f, root, period);
  const alerts = alertsOf(f, root);
  const metrics = metricsOf(f, root, period, planPace);
  const allocations = allocationsOf(f, root, metrics);

  if (f.findings.length) throw new DataError(f.findings);
  return {
    id,
    name,
    district,
    document,
    period: period as Plan["period"],
    baselineMonth,
    dueDay,
    alerts,
    metrics,
    allocations,
    file: fileName,
  };
}

function idOf(f: PlanFields, map: YAMLMap, path: string): string {
  const node = f.required(map, "id", path);
  const id = f.string(node, join(path, "id"));
  if (id !== null && !ID.test(id)) {
    f.problem(
      node,
      join(path, "id"),
      "只能用小写字母、数字、_ 和 -。",
      "may hold only lowercase letters, digits, _ and -.",
    );
  }
  return id ?? "";
}

function localText(f: PlanFields, map: YAMLMap, key: string, path: string): { zh: string; en: string } {
  const node = f.required(map, key, path);
  const here = join(path, key);
  const m = node === undefined ? null : f.map(node, here);
  if (!m) return { zh: "", en: "" };
  f.onlyKeys(m, ["zh", "en"], here);
  return {
    zh: f.string(f.required(m, "zh", here), join(here, "zh")) ?? "",
    en: f.string(f.required(m, "en", here), join(here, "en")) ?? "",
  };
}

function periodOf(f: PlanFields, root: YAMLMap): { first: string; last: string } | null {
  const node = f.required(root, "period", "");
  const m = node === undefined ? null : f.map(node, "period");
  if (!m) return null;
  f.onlyKeys(m, ["first", "last"], "period");
  const first = f.month(f.required(m, "first", "period"), "period.first");
  const last = f.month(f.required(m, "last", "period"), "period.last");
  if (!first || !last) return null;
  const n = monthIndex(last) - monthIndex(first) + 1;
  if (n < 1 || n > MAX_MONTHS) {
    f.problem(
      f.get(m, "last"),
      "period.last",
      `期间应为 1 至 ${MAX_MONTHS} 个月，且末月不早于首月。`,
      `the period must run 1 to ${MAX_MONTHS} months, its last month not before its first.`,
    );
    return null;
  }
  return { first, last };
}

function planPaceOf(f: PlanFields, root: YAMLMap, period: Plan["period"] | null): Pace {
  if (f.has(root, "pace")) f.oneOf(f.get(root, "pace"), "pace", ["linear"] as const);
  if (!f.has(root, "checkpoints")) return { kind: "linear" };
  if (f.has(root, "pace")) {
    f.problem(
      f.get(root, "pace"),
      "pace",
      "与 checkpoints 只能二选一。",
      "give either pace: linear or checkpoints, not both.",
    );
  }
  const points = fractionsOf(f, f.get(root, "checkpoints"), "checkpoints", period, false);
  return points ? { kind: "checkpoints", points } : { kind: "linear" };
}

/** Month → cumulative fraction; non-decreasing, within [0, 1], months inside the period. */
function fractionsOf(
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

function alertsOf(f: PlanFields, root: YAMLMap): AlertThresholds {
  const out: AlertThresholds = {
    behindPace: { districtFrom: "yellow", unitsFrom: "yellow" },
    anomaly: { robustZ: 5, minHistory: 6, minScale: 1, ytdTolerance: 0.1 },
    highAfterDays: 30,
  };
  if (!f.has(root, "alerts")) return out;
  const m = f.map(f.get(root, "alerts"), "alerts");
  if (!m) return out;
  f.onlyKeys(m, ["behind_pace", "anomaly", "high_after_days"], "alerts");
  if (f.has(m, "high_after_days")) {
    out.highAfterDays =
      f.number(f.get(m, "high_after_days"), "alerts.high_after_days", { min: 1, integer: true }) ?? 30;
  }
  if (f.has(m, "behind_pace")) {
    const b = f.map(f.get(m, "behind_pace"), "alerts.behind_pace");
    if (b) {
      f.onlyKeys(b, ["district_from", "units_from"], "alerts.behind_pace");
      if (f.has(b, "district_from")) {
        out.behindPace.districtFrom =
          f.oneOf(f.get(b, "district_from"), "alerts.behind_pace.district_from", [
            "yellow",
            "red",
          ] as const) ?? "yellow";
      }
      if (f.has(b, "units_from")) {
        out.behindPace.unitsFrom =
          f.oneOf(f.get(b, "units_from"), "alerts.behind_pace.units_from", [
            "yellow",
            "red",
            "never",
          ] as const) ?? "yellow";
      }
    }
  }
  if (f.has(m, "anomaly")) {
    const a = f.map(f.get(m, "anomaly"), "alerts.anomaly");
    if (a) {
      f.onlyKeys(a, ["robust_z", "min_history", "min_scale", "ytd_tolerance"], "alerts.anomaly");
      const num = (key: string, check: Parameters<PlanFields["number"]>[2], fallback: number) =>
        f.has(a, key) ? (f.number(f.get(a, key), `alerts.anomaly.${key}`, check) ?? fallback) : fallback;
      out.anomaly = {
        robustZ: num("robust_z", { above: 0 }, 5),
        minHistory: num("min_history", { min: 3, integer: true }, 6),
        minScale: num("min_scale", { above: 0 }, 1),
        ytdTolerance: num("ytd_tolerance", { above: 0, max: 0.5 }, 0.1),
      };
    }
  }
  return out;
}

function metricsOf(
  f: PlanFields,
  root: YAMLMap,
  period: Plan["period"] | null,
  planPace: Pace,
): PlanMetric[] {
  const node = f.required(root, "metrics", "");
  if (node === undefined) return [];
  const items = isSeq(node) ? node.items : null;
  if (!items || items.length === 0) {
    f.problem(node, "metrics", "应为非空的指标列表。", "must be a non-empty list of metrics.");
    return [];
  }
  const seen = new Set<string>();
  const metrics: PlanMetric[] = [];
  items.forEach((item, i) => {
    const m = f.map(item as Node, `metrics[${i}]`);
    if (!m) return;
    const metric = metricOf(f, m, i, period, planPace);
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
    metrics.push(metric);
  });
  return metrics;
}

function metricOf(
  f: PlanFields,
  m: YAMLMap,
  i: number,
  period: Plan["period"] | null,
  planPace: Pace,
): PlanMetric | null {
  const before = f.findings.length;
  const rawId = f.has(m, "id") ? f.string(f.get(m, "id"), `metrics[${i}].id`) : null;
  const path = rawId && ID.test(rawId) ? `metrics.${rawId}` : `metrics[${i}]`;
  f.onlyKeys(m, METRIC_KEYS, path);
  const id = idOf(f, m, path);
  const name = localText(f, m, "name", path);
  const kind = f.oneOf(f.required(m, "kind", path), join(path, "kind"), KINDS);
  const directionNode = f.get(m, "direction");
  // defaults to at_most for a cap and at_least otherwise
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
      ? indicatorOf(f, m, "indicator", path, kind)
      : null;
  const numerator = kind === "ratio" ? indicatorOf(f, m, "numerator", path, kind) : null;
  const denominator = kind === "ratio" ? indicatorOf(f, m, "denominator", path, kind) : null;
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

  const reporters = reportersOf(f, m, path, kind, [indicator, numerator, denominator]);
  const baseline = baselineOf(f, m, path, kind);
  const pace = paceOf(f, m, path, kind, period, planPace);
  const quote = f.string(f.required(m, "quote", path), join(path, "quote")) ?? "";
  const section = f.has(m, "section") ? f.string(f.get(m, "section"), join(path, "section")) : null;
  const responsible = f.strings(f.required(m, "responsible", path), join(path, "responsible")) ?? [];
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
  };
}

function indicatorOf(f: PlanFields, m: YAMLMap, key: string, path: string, kind: MetricKind): string | null {
  const node = f.required(m, key, path);
  const value = f.string(node, join(path, key));
  if (value === null) return null;
  const indicator = INDICATOR_BY_KEY.get(value);
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
  // defaults to the units that report every item the metric reads (the indicator catalog)
  const lists = keys
    .filter((k): k is string => k !== null)
    .map((k) => INDICATOR_BY_KEY.get(k)?.reporters ?? []);
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

function paceOf(
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

function allocationsOf(f: PlanFields, root: YAMLMap, metrics: PlanMetric[]): Plan["allocations"] {
  const out: Plan["allocations"] = {};
  if (!f.has(root, "allocations")) return out;
  const m = f.map(f.get(root, "allocations"), "allocations");
  if (!m) return out;
  const ids = new Set(metrics.map((x) => x.id));
  for (const { key, pair, value } of f.entries(m)) {
    const here = join("allocations", key);
    if (!ids.has(key)) {
      f.problem(pair, here, `计划中没有编号为 ${key} 的指标。`, `the plan has no metric ${key}.`);
      continue;
    }
    const units = f.map(value, here);
    if (!units) continue;
    out[key] = {};
    for (const unit of f.entries(units)) {
      const target = f.number(unit.value, join(here, unit.key), { min: 0 });
      if (!unit.key) f.problem(unit.pair, here, "单位代码不能为空。", "a unit code may not be empty.");
      else if (target !== null) out[key][unit.key] = target;
    }
  }
  return out;
}
