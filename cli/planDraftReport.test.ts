/**
 * A draft of the Qingpu policy, edited only where it is marked unsure, loads as a plan and
 * reports on the demo data with the same figures as the hand-written plan: the draft is a plan,
 * not a sketch of one.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isSeq, type Node, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { loadDemo } from "../etl/loadDemo.ts";
import { planYaml, UNSURE_MARK } from "../metrics/draft/planYaml.ts";
import { draftOf, QINGPU_POLICY, qingpuText } from "../metrics/draft/testdata/draftOf.ts";
import { loadPlans, planFileOptions } from "../metrics/loadPlans.ts";
import { type Plan, parsePlan, planPeriods } from "../metrics/plan.ts";
import { computeReport } from "../metrics/report.ts";
import type { MetricProgress, Report } from "../metrics/reportTypes.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { PACKAGE_ROOT } from "./context.ts";

function metricsOf(doc: ReturnType<typeof parseDocument>): YAMLSeq<YAMLMap> {
  const seq = doc.get("metrics", true);
  if (!isSeq(seq)) throw new Error("metrics is not a list");
  return seq as YAMLSeq<YAMLMap>;
}

/** The value node of a metric's field, which must carry the unsure mark: only those are edited. */
function unsureNode(metric: YAMLMap, field: string): Node {
  const node = metric.get(field, true) as Node;
  expect(`${field}: ${node?.comment ?? ""}`).toContain(UNSURE_MARK);
  return node;
}

function byId(doc: ReturnType<typeof parseDocument>, id: string): YAMLMap {
  const m = metricsOf(doc).items.find((item) => isMap(item) && item.get("id") === id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

let shipped: Plan;
let drafted: Plan;
let db: Warehouse;
let reports: { shipped: Report; drafted: Report };

beforeAll(async () => {
  const draft = draftOf(qingpuText(), QINGPU_POLICY);
  const doc = parseDocument(planYaml(draft));

  // the edits a person makes, each where the draft says 待核实
  const leadingGroup = ["区促进就业创业工作领导小组各成员单位", "各街镇"];
  for (const [id, target] of [
    ["new_jobs", 36000],
    ["registered_unemployed", 12000],
  ] as const) {
    const metric = byId(doc, id);
    unsureNode(metric, "target");
    metric.set("target", target);
    unsureNode(metric, "responsible");
    metric.set("responsible", doc.createNode(leadingGroup, { flow: true }));
  }
  // 招聘总量不低于上年水平: the draft reads last year's total from the reports; the figure entered is
  // the fallback for a year whose reports are not all in
  const relative = byId(doc, "pi_posts");
  unsureNode(relative, "target");
  relative.set("target", 360);
  expect(`id: ${(doc.get("id", true) as Node).comment ?? ""}`).toContain(UNSURE_MARK);
  doc.set("id", "qingpu-2022-draft");

  // the draft names the catalogue it was matched against; it is read from beside the shipped plan
  const { readCatalogue } = planFileOptions(join(PACKAGE_ROOT, "metrics", "plans", "qingpu-2022.yaml"));
  drafted = parsePlan(doc.toString(), "qingpu-2022-draft.yaml", { readCatalogue });
  shipped = loadPlans(join(PACKAGE_ROOT, "metrics", "plans")).find((p) => p.id === "qingpu-2022") as Plan;

  const units = readRegistry(join(PACKAGE_ROOT, "fixtures", "units.csv"));
  db = await Warehouse.open({ path: ":memory:" });
  await syncRegistry(db, units);
  await loadDemo(
    { db, units, periods: planPeriods([shipped]), today: "2023-01-10" },
    join(PACKAGE_ROOT, "fixtures", "demo"),
  );
  const options = { asOf: "2022-08", today: "2023-01-10", lang: "zh" as const };
  reports = {
    shipped: await computeReport(db, { ...options, plan: shipped }),
    drafted: await computeReport(db, { ...options, plan: drafted }),
  };
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** The same commitment in both plans: the same reported items and target. */
function counterpart(m: MetricProgress): MetricProgress | undefined {
  const metric = drafted.metrics.find((x) => x.id === m.id);
  const items = (p: Plan["metrics"][number] | undefined) =>
    p ? [p.indicator, p.numerator, p.denominator, p.caseCategory, p.target].join("|") : "";
  const twin = shipped.metrics.find((s) => items(s) === items(metric));
  return reports.shipped.metrics.find((x) => x.id === twin?.id);
}

describe("a draft of the Qingpu policy, edited only where marked unsure", () => {
  it("loads as a plan with the 17 metrics of the hand-written one", () => {
    expect(drafted.metrics).toHaveLength(17);
    expect(drafted.period).toEqual(shipped.period);
  });

  it("reports on the demo data the same actual, expected, progress and status as the hand-written plan", () => {
    expect(reports.drafted.metrics).toHaveLength(17);
    for (const m of reports.drafted.metrics) {
      const twin = counterpart(m);
      expect(twin, m.id).toBeDefined();
      expect([m.id, m.kind, m.target, m.actual, m.expected, m.progress, m.status]).toEqual([
        m.id,
        twin?.kind,
        twin?.target,
        twin?.actual,
        twin?.expected,
        twin?.progress,
        twin?.status,
      ]);
    }
  });

  it("reports real figures, not empty ones", () => {
    const formal = reports.drafted.metrics.find((m) => m.id === "formal_employment");
    expect(formal?.actual).toBeGreaterThan(300000);
    expect(reports.drafted.metrics.filter((m) => m.status === "no_data")).toEqual([]);
  });
});
