import { describe, expect, it } from "vitest";
import type { Alert } from "../metrics/reportTypes.ts";
import { alertEntries } from "./alertGroups.ts";

function alert(type: Alert["type"], unit: string | null, month: string, metric: string | null = null): Alert {
  const text = `${type} ${unit ?? "district"} ${month}`;
  return { type, severity: "medium", metric, unit, month, message: text, zh: text, en: text };
}

describe("alertEntries", () => {
  const missed = alert("missed_target", null, "2022-12", "reemployed");
  const april = ["310118001", "310118002", "310118102"].map((u) =>
    alert("anomaly", u, "2022-04", "reemployed"),
  );
  const aprilAgain = alert("anomaly", "310118001", "2022-04", "new_jobs");
  const may = [alert("anomaly", "310118001", "2022-05"), alert("anomaly", "310118002", "2022-05")];

  it("draws a month's anomalies from three units into one entry where the first of them stood", () => {
    const entries = alertEntries([missed, april[0], may[0], april[1], aprilAgain, april[2], may[1]]);
    expect(entries.map((e) => (e.kind === "group" ? `group ${e.month}` : e.alert.zh))).toEqual([
      "missed_target district 2022-12",
      "group 2022-04",
      "anomaly 310118001 2022-05",
      "anomaly 310118002 2022-05",
    ]);
    const group = entries[1];
    expect(group.kind === "group" && group.alerts).toEqual([april[0], april[1], aprilAgain, april[2]]);
    expect(group.kind === "group" && group.units).toEqual(["310118001", "310118002", "310118102"]);
  });

  it("leaves two units' anomalies of a month, and one unit's many, as alerts of their own", () => {
    const oneUnit = [
      alert("anomaly", "D-HRSS", "2022-06", "a"),
      alert("anomaly", "D-HRSS", "2022-06", "b"),
      alert("anomaly", "D-HRSS", "2022-06", "c"),
    ];
    expect(alertEntries([...may, ...oneUnit]).every((e) => e.kind === "alert")).toBe(true);
  });

  it("keeps the order it is given, every alert once", () => {
    const given = [may[1], missed, may[0]];
    expect(alertEntries(given)).toEqual(given.map((a) => ({ kind: "alert", alert: a })));
  });
});
