/**
 * A hand-made, deterministic dashboard input for tests: plan qingpu-2022 as of 2022-08, every
 * metric of the plan with district figures per month (April–May lockdown dip included), 11 towns
 * with allocations, three departments, one missing town-month, one revision and one refused file.
 * Reports follow metrics/reportTypes.ts; their numbers obey the status rules of docs/contract.md §6.
 */

import { planMonths } from "../../core/month.ts";
import { UNITS } from "../../etl/testdata/units.ts";
import type {
  Alert,
  Direction,
  Judged,
  MetricKind,
  MetricProgress,
  Report,
  Status,
  TargetSourceOut,
  UnitProgress,
} from "../../metrics/reportTypes.ts";
import { statusWords } from "../../metrics/words.ts";
import type { DashboardInput } from "../build.ts";

interface Spec {
  id: string;
  name_zh: string;
  name_en: string;
  kind: MetricKind;
  direction: Direction;
  target: number | null;
  unit_of_count: string;
  /** Per month from January: flows (cumulative), month-end levels (level, cap) or shares (ratio, deadline). */
  values: (number | null)[];
  /** Reporting units: the towns, or one department's code. */
  reporters: "towns" | string;
  baseline?: number;
  /** How it is judged (by kind when absent: pace, by_due for ratios, always for caps and deadlines). */
  judged?: Judged;
  /** `always`: the tolerance below the target (a cap: 5%, else 0). */
  tolerance?: number;
  starts?: string;
  /** Where the target comes from when it is not the policy: the note. */
  assigned?: string;
}

const DEFAULT_JUDGED: Record<MetricKind, Judged> = {
  cumulative: "pace",
  level: "pace",
  cap: "always",
  ratio: "by_due",
  deadline: "always",
};

const TOWNS = UNITS.filter((u) => u.kind !== "department");
/** Each town's share of the allocation, and how it performs against it. */
const WEIGHT = [0.12, 0.11, 0.1, 0.09, 0.06, 0.05, 0.08, 0.14, 0.1, 0.05, 0.1];
const FACTOR = [1.05, 0.98, 1.02, 0.92, 0.85, 0.95, 1.08, 1.1, 0.97, 0.88, 1.0];

const N = null;
const SPECS: Spec[] = [
  {
    id: "formal_employment",
    name_zh: "正规就业人数",
    name_en: "Formal employment",
    kind: "level",
    direction: "at_least",
    target: 400_000,
    unit_of_count: "persons",
    values: [386_200, 387_100, 386_500, 379_800, 381_200, 388_400, 391_700, 393_848],
    reporters: "towns",
    baseline: 385_000,
  },
  {
    id: "new_jobs",
    name_zh: "新增就业人数",
    name_en: "New jobs",
    kind: "cumulative",
    direction: "at_least",
    target: null,
    unit_of_count: "persons",
    assigned: "市下达目标（尚未录入）",
    values: [2300, 2100, 2000, 800, 900, 2500, 2700, 2900],
    reporters: "towns",
  },
  {
    id: "internship_posts",
    name_zh: "见习岗位募集",
    name_en: "Internship posts",
    kind: "cumulative",
    direction: "at_least",
    target: 910,
    unit_of_count: "posts",
    values: [80, 75, 70, 20, 25, 95, 110, 120],
    reporters: "towns",
  },
  {
    id: "reemployed",
    name_zh: "失业人员再就业",
    name_en: "Reemployment of the unemployed",
    kind: "cumulative",
    direction: "at_least",
    target: 5000,
    unit_of_count: "persons",
    values: [420, 390, 360, 120, 150, 520, 560, 595],
    reporters: "towns",
  },
  {
    id: "hardship_employed",
    name_zh: "就业困难人员就业",
    name_en: "Hardship persons employed",
    kind: "cumulative",
    direction: "at_least",
    target: 1100,
    unit_of_count: "persons",
    values: [100, 98, 95, 40, 45, 125, 130, 135],
    reporters: "towns",
  },
  {
    id: "registered_unemployed",
    name_zh: "城镇登记失业人数",
    name_en: "Registered urban unemployed",
    kind: "cap",
    direction: "at_most",
    target: 8500,
    unit_of_count: "persons",
    values: [7900, 8050, 8200, 8900, 8600, 8100, 7600, 7350],
    reporters: "towns",
    assigned: "市下达控制目标",
  },
  {
    id: "grads_employment_rate",
    name_zh: "离校未就业高校毕业生就业率",
    name_en: "Employment rate of unemployed graduates",
    kind: "ratio",
    direction: "above",
    target: 0.8,
    unit_of_count: "share",
    values: [N, N, N, N, N, N, 0.762, 0.823],
    reporters: "towns",
    starts: "2022-07",
  },
  {
    id: "ui_reemployment_rate",
    name_zh: "停止领取失业保险金人员再就业率",
    name_en: "Reemployment after unemployment benefit",
    kind: "ratio",
    direction: "at_least",
    target: 0.5,
    unit_of_count: "share",
    values: [0.52, 0.51, 0.49, 0.38, 0.41, 0.46, 0.47, 0.47],
    reporters: "towns",
  },
  {
    id: "zero_family_deadline",
    name_zh: "零就业家庭按期就业",
    name_en: "Zero-employment families placed on time",
    kind: "deadline",
    direction: "at_least",
    target: 1,
    unit_of_count: "share",
    values: [1, 1, 1, 1, 1, 1, 1, 1],
    reporters: "towns",
    judged: "always",
    tolerance: 0,
  },
  {
    id: "hardship_deadline",
    name_zh: "就业困难人员按期就业",
    name_en: "Hardship persons placed on time",
    kind: "deadline",
    direction: "at_least",
    target: 1,
    unit_of_count: "share",
    values: [1, 1, 0.97, 0.9, 0.91, 0.92, 0.92, 0.92],
    reporters: "towns",
    judged: "always",
    tolerance: 0,
  },
  {
    id: "village_staff_coverage",
    name_zh: "村居就业工作人员配备率",
    name_en: "Villages with an employment worker",
    kind: "ratio",
    direction: "at_least",
    target: 1,
    unit_of_count: "share",
    values: [0.95, 0.96, 0.96, 0.97, 0.97, 0.98, 0.985, 0.985],
    reporters: "towns",
    judged: "always",
    tolerance: 0,
  },
  {
    id: "soe_grads_share",
    name_zh: "区属国企岗位面向高校毕业生比例",
    name_en: "District SOE posts for graduates",
    kind: "ratio",
    direction: "at_least",
    target: 0.5,
    unit_of_count: "share",
    values: [0.55, 0.57, 0.56, 0.5, 0.52, 0.55, 0.56, 0.56],
    reporters: "D-SASAC",
  },
  {
    id: "pi_grads_share",
    name_zh: "事业单位岗位面向高校毕业生比例",
    name_en: "Public institution posts for graduates",
    kind: "ratio",
    direction: "at_least",
    target: 0.6,
    unit_of_count: "share",
    values: [N, N, 0.6, 0.61, 0.62, 0.62, 0.62, 0.62],
    reporters: "D-HRSS",
  },
  {
    id: "pi_newcity_grads_share",
    name_zh: "青浦新城事业单位岗位面向高校毕业生比例",
    name_en: "Qingpu New City public institution posts for graduates",
    kind: "ratio",
    direction: "at_least",
    target: 0.7,
    unit_of_count: "share",
    values: [N, N, N, N, N, N, N, N],
    reporters: "D-HRSS",
  },
  {
    id: "community_grads_share",
    name_zh: "社区工作者岗位向高校毕业生开放比例",
    name_en: "Community worker posts open to graduates",
    kind: "ratio",
    direction: "at_least",
    target: 1,
    unit_of_count: "share",
    values: [N, 1, 1, 1, 1, 1, 1, 1],
    reporters: "D-HRSS",
    judged: "always",
    tolerance: 0,
  },
  {
    id: "relief_financing",
    name_zh: "纾困融资落地",
    name_en: "Relief financing",
    kind: "cumulative",
    direction: "at_least",
    target: 80,
    unit_of_count: "100m_cny",
    values: [6.5, 7.2, 8.1, 3.0, 4.2, 9.5, 10.3, 11.2],
    reporters: "D-FIN",
  },
];

const N_MONTHS = 12;
const MONTHS = planMonths("2022-01", N_MONTHS);
const AS_OF_INDEX = 8;
const MISSING = { unit: "310118103", month: "2022-08" };

const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

function paced(actual: number, expected: number, floor: number): Status {
  if (actual >= expected) return "green";
  return actual >= floor + 0.9 * (expected - floor) ? "yellow" : "red";
}

function judge(
  spec: Spec,
  actual: number | null,
  target: number | null,
  expected: number | null,
  baseline: number,
  month: string,
): Status {
  const { kind, direction } = spec;
  if (spec.starts && month < spec.starts) return "not_started";
  if (actual === null) return "no_data";
  if (target === null) return "no_target";
  const judged = spec.judged ?? DEFAULT_JUDGED[kind];
  const tolerance = spec.tolerance ?? (kind === "cap" ? 0.05 : 0);
  const met = kind === "cap" ? actual <= target : direction === "above" ? actual > target : actual >= target;
  if (judged === "pace") return paced(actual, expected ?? target, kind === "level" ? baseline : 0);
  if (judged === "by_due") return met ? "green" : "yellow";
  if (kind === "cap") return actual <= (1 - tolerance) * target ? "green" : met ? "yellow" : "red";
  return met ? "green" : actual >= target * (1 - tolerance) ? "yellow" : "red";
}

function sourceOf(spec: Spec, quote: string | null): TargetSourceOut {
  if (!spec.assigned)
    return { kind: "policy", quote, note: null, note_zh: null, note_en: null, document: null };
  return {
    kind: "assigned",
    quote,
    note: spec.assigned,
    note_zh: spec.assigned,
    note_en: "the city's assignment",
    document: null,
  };
}

const ALLOCATION_SOURCE: TargetSourceOut = {
  kind: "assigned",
  quote: null,
  note: "按权重测算分解",
  note_zh: "按权重测算分解",
  note_en: "derived from the towns' weights",
  document: null,
};

function metricAsOf(spec: Spec, m: number): MetricProgress {
  const { kind, target } = spec;
  const seen = spec.values.slice(0, m);
  const known = seen.filter((v): v is number => v !== null);
  const sum = known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
  const actual = kind === "cumulative" ? (sum === null ? null : round(sum, 2)) : (seen[m - 1] ?? null);
  const baseline = spec.baseline ?? 0;
  const paceKind = kind === "cumulative" || kind === "level";
  const expected =
    paceKind && target !== null ? round(baseline + ((target - baseline) * m) / N_MONTHS, 2) : null;
  const left = N_MONTHS - m;
  const trailing =
    kind === "cumulative" && known.length > 0
      ? round(known.slice(-3).reduce((a, b) => a + b, 0) / Math.min(3, known.length), 2)
      : null;
  const required =
    paceKind && target !== null && actual !== null && left > 0 ? round((target - actual) / left, 2) : null;
  const projected =
    actual === null
      ? null
      : kind === "cumulative" && trailing !== null
        ? round(actual + trailing * left, 2)
        : kind === "level"
          ? round(actual + ((actual - baseline) / m) * left, 0)
          : null;
  const met =
    actual !== null &&
    target !== null &&
    (kind === "cap" ? actual <= target : spec.direction === "above" ? actual > target : actual >= target);
  const month = MONTHS[m - 1];
  const status = judge(spec, actual, target, expected, baseline, month);
  const judged = spec.judged ?? DEFAULT_JUDGED[kind];
  const reporters = spec.reporters === "towns" ? TOWNS : UNITS.filter((u) => u.code === spec.reporters);
  const started = !spec.starts || month >= spec.starts;
  const missing = spec.reporters === "towns" && m === AS_OF_INDEX && started ? [MISSING] : [];
  const months = started ? m - (spec.starts ? MONTHS.indexOf(spec.starts) : 0) : 0;
  const gap =
    actual === null || target === null || !started
      ? null
      : judged === "pace"
        ? round((expected ?? target) - actual, 2)
        : kind === "cap"
          ? actual - target
          : round(target - actual, 4);
  const level = kind === "level" && actual !== null && target !== null;
  return {
    id: spec.id,
    name: spec.name_zh,
    name_zh: spec.name_zh,
    name_en: spec.name_en,
    kind,
    direction: spec.direction,
    target,
    actual,
    expected,
    progress:
      actual === null || !target
        ? null
        : kind === "level"
          ? round((actual - baseline) / (target - baseline))
          : round(actual / target),
    projected,
    projection_method:
      projected === null
        ? null
        : kind === "level"
          ? { zh: "按年初以来月均增量外推", en: "average monthly growth since the baseline, carried forward" }
          : { zh: "按近三个月月均外推", en: "average of the last three months, carried forward" },
    required_monthly: required,
    trailing_monthly: trailing,
    met,
    status,
    status_words: statusWords(status, { kind, judged, final: false }),
    judged,
    starts: spec.starts ?? "2022-01",
    due: "2022-12",
    final: false,
    tolerance: spec.tolerance ?? (kind === "cap" ? 0.05 : 0),
    target_source: sourceOf(spec, `${spec.name_zh}的政策原文。`),
    quote: `${spec.name_zh}的政策原文。`,
    section: "五、推动重点群体更好就业",
    responsible: ["区人力资源社会保障局", "各街镇"],
    gap,
    coverage: {
      reported: reporters.length * months - missing.length,
      expected: reporters.length * months,
      missing,
    },
    units: reporters.map((u, i) => unitAsOf(spec, u, i, actual, expected, month)),
    unit_of_count: spec.unit_of_count,
    ...(level
      ? {
          baseline,
          increase: actual - baseline,
          increase_needed: target - baseline,
          share_of_target: round(actual / target),
        }
      : {}),
  };
}

function unitAsOf(
  spec: Spec,
  unit: (typeof UNITS)[number],
  i: number,
  actual: number | null,
  expected: number | null,
  month: string,
): UnitProgress {
  const towns = spec.reporters === "towns";
  const weight = towns ? WEIGHT[i] : 1;
  const factor = towns ? FACTOR[i] : 1;
  const share = spec.unit_of_count === "share";
  const total = towns ? WEIGHT.reduce((a, w, j) => a + w * FACTOR[j], 0) : 1;
  const uActual =
    actual === null
      ? null
      : share
        ? round(Math.min(1, actual * (0.9 + factor / 10)), 4)
        : round((actual * weight * factor) / total, spec.unit_of_count === "100m_cny" ? 2 : 0);
  const uTarget = spec.target === null ? null : share ? spec.target : round(spec.target * weight, 2);
  const uExpected = expected === null ? null : round(expected * weight, 2);
  const baseline = (spec.baseline ?? 0) * weight;
  const level = spec.kind === "level";
  const status = judge(spec, uActual, uTarget, uExpected, baseline, month);
  const judged = spec.judged ?? DEFAULT_JUDGED[spec.kind];
  const gap =
    uActual === null || uTarget === null || status === "not_started"
      ? null
      : judged === "pace"
        ? round((uExpected ?? uTarget) - uActual, 2)
        : spec.kind === "cap"
          ? uActual - uTarget
          : round(uTarget - uActual, 4);
  const row: UnitProgress = {
    unit: unit.code,
    name: unit.name_zh,
    actual: uActual,
    target: uTarget,
    expected: uExpected,
    progress:
      uActual === null || !uTarget
        ? null
        : level
          ? round((uActual - baseline) / (uTarget - baseline))
          : round(uActual / uTarget),
    status,
    target_source: uTarget === null ? null : towns && !share ? ALLOCATION_SOURCE : sourceOf(spec, null),
    gap,
    note: null,
  };
  if (level && uActual !== null && uTarget !== null) {
    row.baseline = baseline;
    row.increase = round(uActual - baseline, 2);
    row.increase_needed = round(uTarget - baseline, 2);
    row.share_of_target = round(uActual / uTarget);
  }
  return row;
}

const ALERTS: Alert[] = [
  {
    type: "behind_pace",
    severity: "high",
    metric: "formal_employment",
    unit: null,
    month: "2022-08",
    message: "正规就业人数低于序时进度",
    zh: "正规就业人数低于序时进度",
    en: "Formal employment is behind pace",
  },
  {
    type: "overdue_case",
    severity: "high",
    metric: "hardship_deadline",
    unit: "310118107",
    month: "2022-08",
    message: "华新镇有3名就业困难人员超过认定后三个月仍未就业",
    zh: "华新镇有3名就业困难人员超过认定后三个月仍未就业",
    en: "Huaxin Town: 3 people with employment difficulties not employed within three months of identification",
    count: 3,
  },
  {
    type: "missing_submission",
    severity: "medium",
    metric: null,
    unit: "310118103",
    month: "2022-08",
    message: "练塘镇2022年8月月报未报送",
    zh: "练塘镇2022年8月月报未报送",
    en: "Liantang Town has not submitted its Aug 2022 monthly report",
  },
  {
    type: "behind_pace",
    severity: "medium",
    metric: "reemployed",
    unit: null,
    month: "2022-08",
    message: "失业人员再就业略低于序时进度",
    zh: "失业人员再就业略低于序时进度",
    en: "Reemployment of the unemployed is slightly behind pace",
  },
  {
    type: "anomaly",
    severity: "low",
    metric: "reemployed",
    unit: "310118104",
    month: "2022-07",
    message: "金泽镇2022年7月再就业人数远高于以往各月，疑为累计数",
    zh: "金泽镇2022年7月再就业人数远高于以往各月，疑为累计数",
    en: "Jinze Town's Jul 2022 reemployment is far above its own history; it may be a year-to-date total",
  },
  {
    type: "behind_pace",
    severity: "low",
    metric: "internship_posts",
    unit: "310118103",
    month: "2022-08",
    message: "练塘镇见习岗位募集低于序时进度",
    zh: "练塘镇见习岗位募集低于序时进度",
    en: "Liantang Town's internship posts are behind pace",
  },
];

function reportAsOf(m: number): Report {
  return {
    plan: "qingpu-2022",
    asOf: MONTHS[m - 1],
    asReported: null,
    monthsElapsed: m,
    monthsInPlan: N_MONTHS,
    metrics: SPECS.map((s) => metricAsOf(s, m)),
    alerts: m === AS_OF_INDEX ? ALERTS : [],
  };
}

function monthlyFlows(): DashboardInput["monthlyFlows"] {
  const rows: DashboardInput["monthlyFlows"] = [];
  for (const spec of SPECS) {
    spec.values.forEach((value, k) => {
      rows.push({ metric: spec.id, unit: null, month: MONTHS[k], value });
      if (spec.reporters !== "towns") {
        rows.push({ metric: spec.id, unit: spec.reporters, month: MONTHS[k], value });
        return;
      }
      TOWNS.forEach((town, i) => {
        const missing = town.code === MISSING.unit && MONTHS[k] === MISSING.month;
        const v =
          value === null || missing
            ? null
            : spec.unit_of_count === "share"
              ? round(Math.min(1, value * (0.9 + FACTOR[i] / 10)))
              : Math.round(value * WEIGHT[i] * FACTOR[i]);
        rows.push({ metric: spec.id, unit: town.code, month: MONTHS[k], value: v });
      });
    });
  }
  return rows;
}

function stateOf(code: string, month: string): DashboardInput["dataStatus"][number]["state"] {
  if (month > "2022-08") return "not_due";
  if (code === MISSING.unit && month === MISSING.month) return "missing";
  if (code === "310118104" && month === "2022-07") return "revised";
  if (
    (code === "310118104" && (month === "2022-04" || month === "2022-05")) ||
    (code === "310118110" && month === "2022-04") ||
    (code === "D-FIN" && month === "2022-06")
  )
    return "late";
  return "on_time";
}

/** A stable stand-in for a file's sha256 (64 hex digits). */
function fakeSha(seed: number): string {
  let h = 2166136261 ^ seed;
  let out = "";
  while (out.length < 64) {
    h = Math.imul(h ^ (h >>> 13), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

function submissions(): DashboardInput["submissions"] {
  const rows: DashboardInput["submissions"] = [];
  let id = 0;
  for (const unit of UNITS) {
    for (const month of MONTHS.slice(0, AS_OF_INDEX)) {
      const state = stateOf(unit.code, month);
      if (state === "missing") continue;
      const m = Number(month.slice(5));
      const day = state === "late" ? 15 : 5;
      const received = `2022-${String(m + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}T02:${String(id % 60).padStart(2, "0")}:00.000Z`;
      const base = { unit: unit.code, kind: "monthly", rows: 1, month_list: [month] };
      const file = `${unit.name_zh}_${month.slice(0, 4)}年${m}月月报.xlsx`;
      id += 1;
      if (state === "revised") {
        rows.push({
          ...base,
          submission_id: id,
          file_name: file,
          sha256: fakeSha(id),
          received_at: received,
          status: "superseded",
          revision: 1,
        });
        id += 1;
        rows.push({
          ...base,
          submission_id: id,
          file_name: `${unit.name_zh}_${month.slice(0, 4)}年${m}月月报(更正).xlsx`,
          sha256: fakeSha(id),
          received_at: "2022-08-20T07:30:00.000Z",
          status: "accepted",
          revision: 2,
        });
      } else {
        rows.push({
          ...base,
          submission_id: id,
          file_name: file,
          sha256: fakeSha(id),
          received_at: received,
          status: "accepted",
          revision: 1,
        });
      }
    }
  }
  id += 1;
  rows.push({
    submission_id: id,
    unit: MISSING.unit,
    kind: "monthly",
    file_name: "练塘镇_2022年8月月报.csv",
    sha256: fakeSha(id),
    received_at: "2022-09-06T03:15:00.000Z",
    status: "rejected",
    rows: 0,
    revision: 0,
    month_list: ["2022-08"],
  });
  return rows;
}

/** The sample input: as of 2022-08, built 2022-09-10 16:00 Beijing time. */
export function sampleInput(): DashboardInput {
  const history = Array.from({ length: AS_OF_INDEX }, (_, i) => reportAsOf(i + 1));
  return {
    report: history[AS_OF_INDEX - 1],
    history,
    monthlyFlows: monthlyFlows(),
    units: UNITS,
    submissions: submissions(),
    dataStatus: UNITS.flatMap((u) =>
      MONTHS.map((month) => ({ unit: u.code, month, state: stateOf(u.code, month) })),
    ),
    builtAt: "2022-09-10T08:00:00.000Z",
    latestSubmissionAt: "2022-09-06T03:15:00.000Z",
    fingerprint: "3f9a1c2e7b4d",
  };
}
