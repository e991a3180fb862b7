/**
 * The plan checker: YAML text → Plan, or a DataError listing every problem with its line and
 * field. Written by hand over the `yaml` package's document tree (which keeps each node's
 * position), so a clerk editing a plan file is told exactly where the mistake is.
 */
import type { YAMLMap } from "yaml";
import { DataError } from "../core/finding.ts";
import { monthIndex, previousMonth } from "../core/month.ts";
import { yamlDocument } from "../etl/read/yamlDocument.ts";
import type {
  AlertThresholds,
  Pace,
  ParsePlanOptions,
  Plan,
  PlanMetric,
  TargetSource,
  TrackedMetric,
} from "./plan.ts";
import { join, PlanFields } from "./planFields.ts";
import { policyText } from "./policyText.ts";
import { catalogueOfPlan } from "./readPlanCatalogue.ts";
import { targetSourceOf } from "./readPlanJudgement.ts";
import { metricsOf } from "./readPlanMetric.ts";
import { fractionsOf } from "./readPlanPace.ts";
import { idOf, localText } from "./readPlanText.ts";

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
  "policy",
  "catalogue",
] as const;
/** Masks of months are kept in doubles: a period may span at most 48 months. */
const MAX_MONTHS = 48;
/** A month's report is due on the 5th of the next month unless the plan says otherwise. */
const DEFAULT_DUE_DAY = 5;

export function readPlanDocument(text: string, fileName: string, options: ParsePlanOptions = {}): Plan {
  const { f, root } = yamlDocument(text, (lines) => new PlanFields(fileName, lines), "(plan)");
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
  const dueDay = f.has(root, "due_day")
    ? (f.number(f.get(root, "due_day"), "due_day", { min: 1, max: 28, integer: true }) ?? DEFAULT_DUE_DAY)
    : DEFAULT_DUE_DAY;
  const planPace = planPaceOf(f, root, period);
  const alerts = alertsOf(f, root);
  const policy = policyOf(f, root, options);
  const catalogue = catalogueOfPlan(f, root, period, options);
  const { metrics, tracked } = metricsOf(f, root, period, planPace, policy.text, catalogue);
  const { allocations, sources } = allocationsOf(f, root, metrics, tracked);

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
    tracked,
    allocations,
    allocationSources: sources,
    policy: policy.path,
    catalogue,
    file: fileName,
  };
}

/** The policy file the plan names, and its text when the caller can read it. */
function policyOf(
  f: PlanFields,
  root: YAMLMap,
  options: ParsePlanOptions,
): { path: string | null; text: string | null } {
  if (!f.has(root, "policy")) return { path: null, text: null };
  const node = f.get(root, "policy");
  const path = f.string(node, "policy");
  if (path === null || !options.readPolicy) return { path, text: null };
  const text = options.readPolicy(path);
  if (text === null) {
    f.problem(
      node,
      "policy",
      `找不到政策原文文件 ${path}（路径相对于计划文件）。`,
      `the policy file ${path} cannot be read (the path is relative to the plan file).`,
    );
    return { path, text: null };
  }
  return { path, text: policyText(text) };
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

function alertsOf(f: PlanFields, root: YAMLMap): AlertThresholds {
  const out: AlertThresholds = {
    behindPace: { districtFrom: "yellow", unitsFrom: "yellow" },
    anomaly: { robustZ: 5, minHistory: 3, minScale: 1, ytdTolerance: 0.1 },
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
        minHistory: num("min_history", { min: 3, integer: true }, 3),
        minScale: num("min_scale", { above: 0 }, 1),
        ytdTolerance: num("ytd_tolerance", { above: 0, max: 0.5 }, 0.1),
      };
    }
  }
  return out;
}

/** What a plan file says about an allocation that does not name its source. */
const UNSTATED_SOURCE: TargetSource = {
  kind: "assigned",
  note: { zh: "计划文件所列分解数（未注明依据）", en: "as listed in the plan file (no source given)" },
  document: null,
};

/**
 * Allocations: per metric either `{ source: <target source>, units: { code: target } }` or, as
 * older plan files write it, the map of unit codes to targets alone.
 */
function allocationsOf(
  f: PlanFields,
  root: YAMLMap,
  metrics: PlanMetric[],
  tracked: TrackedMetric[],
): { allocations: Plan["allocations"]; sources: Plan["allocationSources"] } {
  const allocations: Plan["allocations"] = {};
  const sources: Plan["allocationSources"] = {};
  if (!f.has(root, "allocations")) return { allocations, sources };
  const m = f.map(f.get(root, "allocations"), "allocations");
  if (!m) return { allocations, sources };
  const ids = new Set(metrics.map((x) => x.id));
  const followed = new Set(tracked.map((x) => x.id));
  for (const { key, pair, value } of f.entries(m)) {
    const here = join("allocations", key);
    if (followed.has(key)) {
      f.problem(
        pair,
        here,
        `${key} 为跟踪类（无目标）指标，没有分解目标。`,
        `${key} is tracked without a target, so it has no unit targets.`,
      );
      continue;
    }
    if (!ids.has(key)) {
      f.problem(pair, here, `计划中没有编号为 ${key} 的指标。`, `the plan has no metric ${key}.`);
      continue;
    }
    const entry = f.map(value, here);
    if (!entry) continue;
    let units: YAMLMap | null = entry;
    let unitsPath = here;
    sources[key] = UNSTATED_SOURCE;
    if (f.pair(entry, "units") || f.pair(entry, "source")) {
      f.onlyKeys(entry, ["source", "units"], here);
      sources[key] = targetSourceOf(f, f.get(entry, "source"), join(here, "source"), UNSTATED_SOURCE);
      unitsPath = join(here, "units");
      const node = f.required(entry, "units", here);
      units = node === undefined ? null : f.map(node, unitsPath);
    }
    if (!units) continue;
    allocations[key] = {};
    for (const unit of f.entries(units)) {
      const target = f.number(unit.value, join(unitsPath, unit.key), { min: 0 });
      if (!unit.key) f.problem(unit.pair, unitsPath, "单位代码不能为空。", "a unit code may not be empty.");
      else if (target !== null) allocations[key][unit.key] = target;
    }
  }
  return { allocations, sources };
}
