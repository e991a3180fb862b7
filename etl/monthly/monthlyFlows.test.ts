import { describe, expect, it } from "vitest";
import type { Finding } from "../../core/finding.ts";
import { QINGPU_2022_CATALOGUE as Q } from "../testdata/catalogue.ts";
import { monthlyFlows, type PriorYtd, ytdLookupsNeeded } from "./monthlyFlows.ts";
import type { ParsedValue } from "./parseMonthly.ts";

let nextRow = 2;
function value(
  unit: string,
  month: string,
  indicator: string,
  v: number | null,
  ytd = true,
  column?: string,
): ParsedValue {
  return {
    unit,
    month,
    indicator,
    value: v,
    ytd,
    row: nextRow++,
    column: column ?? `${indicator}${ytd ? "_ytd" : ""}`,
  };
}

const none: PriorYtd = () => undefined;
const facts = (r: ReturnType<typeof monthlyFlows>) =>
  r.facts.map((f) => `${f.unit} ${f.month} ${f.indicator}=${f.value}`);
const at = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.row}:${f.column}`);

describe("monthlyFlows", () => {
  it("monthlyFlows(month figures only) passes them through", () => {
    const r = monthlyFlows(
      Q,
      [
        value("310118002", "2022-08", "new_jobs", 120, false),
        value("310118002", "2022-08", "new_jobs", null, false),
      ],
      none,
    );
    expect(facts(r)).toEqual(["310118002 2022-08 new_jobs=120", "310118002 2022-08 new_jobs=null"]);
    expect(r.errors).toEqual([]);
  });

  it("monthlyFlows(January ytd 40) is a flow of 40 without any lookup", () => {
    const r = monthlyFlows(Q, [value("310118002", "2022-01", "reemployed", 40)], () => {
      throw new Error("no lookup for January");
    });
    expect(facts(r)).toEqual(["310118002 2022-01 reemployed=40"]);
  });

  it("monthlyFlows(ytd Jul 300 and Aug 350 in one file) gives Aug's flow 50 from the file", () => {
    const r = monthlyFlows(
      Q,
      [value("310118002", "2022-08", "reemployed", 350), value("310118002", "2022-07", "reemployed", 300)],
      (_unit, _indicator, month) => (month === "2022-06" ? 260 : undefined),
    );
    expect(facts(r)).toEqual(["310118002 2022-08 reemployed=50", "310118002 2022-07 reemployed=40"]);
    expect(r.errors).toEqual([]);
  });

  it("monthlyFlows(ytd Aug 350, database Jul ytd 300) gives 50 from priorYtd", () => {
    const asked: string[] = [];
    const r = monthlyFlows(
      Q,
      [value("310118102", "2022-08", "reemployed", 350)],
      (unit, indicator, month) => {
        asked.push(`${unit} ${indicator} ${month}`);
        return 300;
      },
    );
    expect(facts(r)).toEqual(["310118102 2022-08 reemployed=50"]);
    expect(asked).toEqual(["310118102 reemployed 2022-07"]);
  });

  it("monthlyFlows(ytd with the previous month absent) is ytd_previous_missing at the cell", () => {
    nextRow = 2;
    const r = monthlyFlows(Q, [value("310118102", "2022-08", "reemployed", 350)], none);
    expect(r.facts).toEqual([]);
    expect(at(r.errors)).toEqual(["ytd_previous_missing@2:reemployed_ytd"]);
    expect(r.errors[0].en).toContain("needs the 2022-07 year-to-date figure");
    expect(r.errors[0].zh).toContain("2022-07");
  });

  it("monthlyFlows(previous month submitted without the indicator) is ytd_previous_missing", () => {
    const r = monthlyFlows(Q, [value("310118102", "2022-08", "reemployed", 350)], () => null);
    expect(r.errors.map((f) => f.code)).toEqual(["ytd_previous_missing"]);
    expect(r.errors[0].en).toContain("does not report it");
  });

  it("monthlyFlows(previous month in the file but blank) is ytd_previous_missing naming that row", () => {
    nextRow = 2;
    const r = monthlyFlows(
      Q,
      [value("310118102", "2022-07", "reemployed", null), value("310118102", "2022-08", "reemployed", 350)],
      () => 300,
    );
    expect(facts(r)).toEqual(["310118102 2022-07 reemployed=null"]);
    expect(at(r.errors)).toEqual(["ytd_previous_missing@3:reemployed_ytd"]);
    expect(r.errors[0].en).toContain("row 2");
  });

  it("monthlyFlows(ytd 280 after 300) is ytd_decreasing", () => {
    nextRow = 2;
    const r = monthlyFlows(Q, [value("310118102", "2022-08", "reemployed", 280)], () => 300);
    expect(at(r.errors)).toEqual(["ytd_decreasing@2:reemployed_ytd"]);
    expect(r.errors[0].en).toContain("280 is below the 2022-07 year-to-date 300");
  });

  it("monthlyFlows(a stock's ytd column) is ytd_of_stock once per column", () => {
    nextRow = 2;
    const r = monthlyFlows(
      Q,
      [
        value("310118002", "2022-08", "formal_employment", 1),
        value("310118102", "2022-08", "formal_employment", 2),
      ],
      none,
    );
    expect(r.facts).toEqual([]);
    expect(at(r.errors)).toEqual(["ytd_of_stock@2:formal_employment_ytd"]);
  });

  it("monthlyFlows(relief_financing ytd 12.3 after 10.1) is 2.2 without float noise", () => {
    const r = monthlyFlows(Q, [value("D-FIN", "2022-08", "relief_financing", 12.3)], () => 10.1);
    expect(facts(r)).toEqual(["D-FIN 2022-08 relief_financing=2.2"]);
  });

  it("monthlyFlows(a blank ytd cell) is a null flow, no lookup needed", () => {
    const r = monthlyFlows(Q, [value("310118002", "2022-08", "reemployed", null)], none);
    expect(facts(r)).toEqual(["310118002 2022-08 reemployed=null"]);
    expect(r.errors).toEqual([]);
  });

  it("monthlyFlows checks parts against totals after conversion", () => {
    nextRow = 2;
    const r = monthlyFlows(
      Q,
      [value("310118002", "2022-08", "ui_stopped", 100), value("310118002", "2022-08", "ui_reemployed", 90)],
      (_unit, indicator) => (indicator === "ui_stopped" ? 95 : 60),
    );
    expect(facts(r)).toEqual(["310118002 2022-08 ui_stopped=5", "310118002 2022-08 ui_reemployed=30"]);
    expect(at(r.errors)).toEqual(["exceeds_total@3:ui_reemployed_ytd"]);
    expect(r.errors[0].en).toContain(
      "(monthly flows from year-to-date figures): ui_reemployed (of whom reemployed) 30 is above its total ui_stopped",
    );
  });

  it("monthlyFlows(a ytd part against a month-figure total) checks the flows", () => {
    nextRow = 2;
    const r = monthlyFlows(
      Q,
      [
        value("310118002", "2022-08", "ui_stopped", 5, false),
        value("310118002", "2022-08", "ui_reemployed", 90),
      ],
      () => 60,
    );
    expect(at(r.errors)).toEqual(["exceeds_total@3:ui_reemployed_ytd"]);
  });

  it("monthlyFlows(month figure and ytd for the same cell) agrees when equal, errs when not", () => {
    const same = monthlyFlows(
      Q,
      [value("310118002", "2022-08", "new_jobs", 50, false), value("310118002", "2022-08", "new_jobs", 350)],
      () => 300,
    );
    expect(facts(same)).toEqual(["310118002 2022-08 new_jobs=50"]);
    expect(same.errors).toEqual([]);
    const other = monthlyFlows(
      Q,
      [value("310118002", "2022-08", "new_jobs", 40, false), value("310118002", "2022-08", "new_jobs", 350)],
      () => 300,
    );
    expect(other.errors.map((f) => f.code)).toEqual(["ytd_mismatch"]);
  });

  it("monthlyFlows(month figure blank, ytd given) takes the flow; (ytd blank) keeps the figure", () => {
    const fromYtd = monthlyFlows(
      Q,
      [
        value("310118002", "2022-08", "new_jobs", null, false),
        value("310118002", "2022-08", "new_jobs", 350),
      ],
      () => 300,
    );
    expect(facts(fromYtd)).toEqual(["310118002 2022-08 new_jobs=50"]);
    const fromMonth = monthlyFlows(
      Q,
      [value("310118002", "2022-08", "new_jobs", 40, false), value("310118002", "2022-08", "new_jobs", null)],
      none,
    );
    expect(facts(fromMonth)).toEqual(["310118002 2022-08 new_jobs=40"]);
    expect([fromYtd.errors, fromMonth.errors]).toEqual([[], []]);
  });
});

describe("ytdLookupsNeeded", () => {
  it("lists the previous months the file cannot supply, once each", () => {
    const values = [
      value("310118002", "2022-08", "reemployed", 350),
      value("310118002", "2022-07", "reemployed", 300),
      value("310118102", "2022-08", "reemployed", 10),
      value("310118102", "2022-08", "new_jobs", 10),
      value("310118102", "2022-01", "new_jobs", 10),
      value("310118102", "2022-05", "new_jobs", null),
      value("310118102", "2022-08", "new_jobs", 10, false),
      value("310118102", "2022-08", "formal_employment", 10),
    ];
    expect(ytdLookupsNeeded(Q, values)).toEqual([
      { unit: "310118002", indicator: "reemployed", month: "2022-06" },
      { unit: "310118102", indicator: "reemployed", month: "2022-07" },
      { unit: "310118102", indicator: "new_jobs", month: "2022-07" },
    ]);
  });

  it("ytdLookupsNeeded(no ytd values) is empty", () => {
    expect(ytdLookupsNeeded(Q, [value("310118002", "2022-08", "new_jobs", 1, false)])).toEqual([]);
  });
});
