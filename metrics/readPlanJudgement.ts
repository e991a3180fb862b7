/**
 * The checker's part for when and how a promise is judged and where its target comes from:
 * `starts`, `due`, `judged`, `tolerance`, `target_source` and `target_from` of a metric, and the
 * `source` of an allocation. Defaults by kind live here, in one place (docs/plan-file.md):
 * cumulative and level metrics are judged by pace, ratios by their due month, caps and deadline
 * rules every month; an `always` metric tolerates 5% below its target (a cap: yellow from 95% of
 * it) unless the plan says otherwise; a target without a source is the policy's.
 */
import { isScalar, type Node, type YAMLMap } from "yaml";
import type { LocalText } from "../core/lang.ts";
import type { Judged, Plan, TargetSource } from "./plan.ts";
import { join, type PlanFields } from "./planFields.ts";
import type { MetricKind } from "./reportTypes.ts";

/** How each kind is judged when the plan does not say (docs/contract.md §6). */
const DEFAULT_JUDGED: Record<MetricKind, Judged> = {
  cumulative: "pace",
  level: "pace",
  cap: "always",
  ratio: "by_due",
  deadline: "always",
};

/** The ways each kind may be judged: pace needs a figure that grows towards its target. */
const ALLOWED_JUDGED: Record<MetricKind, readonly Judged[]> = {
  cumulative: ["pace", "by_due"],
  level: ["pace", "by_due"],
  cap: ["always", "by_due"],
  ratio: ["by_due", "always"],
  deadline: ["always", "by_due"],
};

/** Below the target (a cap: below the cap) an `always` metric is still yellow within this fraction. */
const DEFAULT_TOLERANCE = 0.05;

const JUDGED: readonly Judged[] = ["pace", "by_due", "always"];

interface Judgement {
  starts: string;
  due: string;
  judged: Judged;
  tolerance: number;
}

/** starts, due, judged and tolerance of one metric, with their defaults. */
export function judgementOf(
  f: PlanFields,
  m: YAMLMap,
  path: string,
  kind: MetricKind | null,
  period: Plan["period"] | null,
): Judgement {
  const first = period?.first ?? "";
  const last = period?.last ?? "";
  const month = (key: "starts" | "due", fallback: string) => {
    if (!f.has(m, key)) return fallback;
    const node = f.get(m, key);
    const value = f.month(node, join(path, key));
    if (value === null || !period) return fallback;
    if (value < first || value > last) {
      f.problem(
        node,
        join(path, key),
        `月份应在计划期间 ${first} 至 ${last} 内。`,
        `the month must lie in the period ${first} to ${last}.`,
      );
      return fallback;
    }
    return value;
  };
  const starts = month("starts", first);
  const due = month("due", last);
  if (starts && due && starts > due) {
    f.problem(
      f.get(m, "due"),
      join(path, "due"),
      `考核时点 ${due} 早于开始月份 ${starts}。`,
      `the due month ${due} is before the starting month ${starts}.`,
    );
  }
  let judged: Judged = kind ? DEFAULT_JUDGED[kind] : "pace";
  if (f.has(m, "judged")) {
    const node = f.get(m, "judged");
    const value = f.oneOf(node, join(path, "judged"), JUDGED);
    if (value && kind && !ALLOWED_JUDGED[kind].includes(value)) {
      f.problem(
        node,
        join(path, "judged"),
        `${kind} 类指标的考核方式只能是 ${ALLOWED_JUDGED[kind].join("、")}。`,
        `a ${kind} metric is judged by ${ALLOWED_JUDGED[kind].join(" or ")}.`,
      );
    } else if (value) judged = value;
  }
  let tolerance = judged === "always" ? DEFAULT_TOLERANCE : 0;
  if (f.has(m, "tolerance")) {
    const node = f.get(m, "tolerance");
    const value = f.number(node, join(path, "tolerance"), { min: 0, max: 0.5 });
    if (value !== null && judged !== "always") {
      f.problem(
        node,
        join(path, "tolerance"),
        "只有持续达标（judged: always）的指标有容差。",
        "only a metric judged every month (judged: always) takes a tolerance.",
      );
    } else if (value !== null) tolerance = value;
  }
  return { starts, due, judged, tolerance };
}

/** Text in one language for both, or { zh, en }. */
function noteOf(f: PlanFields, node: Node | undefined, path: string): LocalText | null {
  if (node === undefined) return null;
  if (isScalar(node)) {
    const text = f.string(node, path);
    return text === null ? null : { zh: text, en: text };
  }
  const m = f.map(node, path);
  if (!m) return null;
  f.onlyKeys(m, ["zh", "en"], path);
  const zh = f.string(f.required(m, "zh", path), join(path, "zh"));
  const en = f.string(f.required(m, "en", path), join(path, "en"));
  return zh === null || en === null ? null : { zh, en };
}

const POLICY_SOURCE: TargetSource = { kind: "policy", note: null, document: null };

/**
 * A `target_source` (or an allocation's `source`): `{ kind: policy }` or `{ kind: assigned, note }`,
 * with an optional `document`. An assigned figure must say where it comes from.
 */
export function targetSourceOf(
  f: PlanFields,
  node: Node | undefined,
  path: string,
  fallback: TargetSource = POLICY_SOURCE,
): TargetSource {
  if (node === undefined) return fallback;
  const m = f.map(node, path);
  if (!m) return fallback;
  f.onlyKeys(m, ["kind", "note", "document"], path);
  const kind = f.oneOf(f.required(m, "kind", path), join(path, "kind"), ["policy", "assigned"] as const);
  const note = f.has(m, "note") ? noteOf(f, f.get(m, "note"), join(path, "note")) : null;
  const document = f.has(m, "document") ? f.string(f.get(m, "document"), join(path, "document")) : null;
  if (kind === "assigned" && note === null && document === null && !f.has(m, "note")) {
    f.problem(
      m,
      join(path, "note"),
      "非文件明确的目标须用 note 写明来源（如：市下达目标，以市人社局下达数为准）。",
      "a target that is not in the policy needs a note saying where it comes from (e.g. the city's assignment).",
    );
  }
  return { kind: kind ?? fallback.kind, note, document };
}

/** `target_from: previous_year` (cumulative metrics only), else null. */
export function targetFromOf(
  f: PlanFields,
  m: YAMLMap,
  path: string,
  kind: MetricKind | null,
): "previous_year" | null {
  if (!f.has(m, "target_from")) return null;
  const node = f.get(m, "target_from");
  const value = f.oneOf(node, join(path, "target_from"), ["previous_year"] as const);
  if (value && kind !== "cumulative") {
    f.problem(
      node,
      join(path, "target_from"),
      "只有累计类（cumulative）指标能以上年合计为目标。",
      "only a cumulative metric can take last year's total as its target.",
    );
    return null;
  }
  return value;
}
