import { describe, expect, it } from "vitest";
import { sortAlerts } from "../metrics/alerts.ts";
import { completeness } from "./completeness.ts";
import { sampleInput } from "./testdata/sampleInput.ts";
import { flowSeries, metricTrend, monthOnMonth, planTrend } from "./trend.ts";

const input = sampleInput();

describe("trend", () => {
  it("metricTrend reads the metric as of each month of the history", () => {
    const trend = metricTrend(input.history, "reemployed");
    expect(trend.map((r) => r.actual)).toEqual([420, 810, 1170, 1290, 1440, 1960, 2520, 3115]);
    expect(trend[7]).toMatchObject({ month: "2022-08", expected: 3333.33, target: 5000 });
  });
  it("planTrend carries the pace on to the target at the plan's last month", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);
    const rows = planTrend(metricTrend(input.history, "reemployed"), months, "cumulative");
    expect(rows).toHaveLength(12);
    expect(rows[11]).toMatchObject({ month: "2022-12", actual: null, expected: 5000 });
    expect(rows[9].expected).toBeCloseTo(5000 * (10 / 12), 1);
  });
  it("monthOnMonth is the change of the actual from the previous report", () => {
    expect(monthOnMonth(input.history, "reemployed")).toBe(595);
    expect(monthOnMonth(input.history, "registered_unemployed")).toBe(-250);
    expect(monthOnMonth(input.history.slice(0, 1), "reemployed")).toBeNull();
  });
  it("flowSeries fills months without a value with null", () => {
    const rows = flowSeries(input.monthlyFlows, "reemployed", "310118103", ["2022-07", "2022-08"]);
    expect(rows[0].value).toBeTypeOf("number");
    expect(rows[1]).toEqual({ month: "2022-08", value: null });
  });
});

describe("alerts and completeness", () => {
  it("sortAlerts puts high severity and pace first", () => {
    const ranked = sortAlerts(
      input.report.alerts,
      input.report.metrics.map((m) => m.id),
    );
    expect(ranked.map((a) => `${a.severity}:${a.type}`)).toEqual([
      "high:behind_pace",
      "high:overdue_case",
      "medium:behind_pace",
      "medium:missing_submission",
      "low:behind_pace",
      "low:anomaly",
    ]);
  });
  it("completeness counts unit-months due by as-of", () => {
    const c = completeness(input, "2022-08");
    expect(c.due).toBe(14 * 8);
    expect(c.counts).toMatchObject({ missing: 1, late: 4, revised: 1, on_time: 106 });
    expect(c.missing).toEqual([{ unit: "310118103", month: "2022-08" }]);
  });
});
