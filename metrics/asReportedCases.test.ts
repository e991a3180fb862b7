/**
 * `--as-reported` and the case ledger: a report recomputed as of a past day counts each unit's
 * ledger as it stood then (the latest ledger received by the end of that day), not the one that
 * replaced it later.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../etl/ingest.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { loadPlans } from "./loadPlans.ts";
import { planPeriods } from "./plan.ts";
import { computeReport } from "./report.ts";

const units = readRegistry("fixtures/units.csv");
const [plan] = loadPlans("metrics/plans");
let db: Warehouse;

const HEADER = "单位,编号,类别,认定日期,就业日期\n";
// Z2 is open in the first ledger (deadline 2022-03-10, overdue by the end of March) and employed
// on 5 March in the second, which replaces it
const FIRST = `${HEADER}盈浦,Z1,零就业家庭,2022-02-01,2022-02-20\n盈浦,Z2,零就业家庭,2022-02-10,\n盈浦,H1,就业困难人员,2022-01-05,2022-03-01\n`;
const SECOND = `${HEADER}盈浦,Z1,零就业家庭,2022-02-01,2022-02-20\n盈浦,Z2,零就业家庭,2022-02-10,2022-03-05\n盈浦,H1,就业困难人员,2022-01-05,2022-03-01\n`;

async function upload(text: string, receivedAt: string) {
  const result = await ingestFile(
    { db, units, periods: planPeriods([plan]), today: "2022-04-25", lang: "en" },
    { fileName: "ledger.csv", bytes: new TextEncoder().encode(text), receivedAt, receivedBy: "t" },
  );
  expect(result.status).toBe("accepted");
}

const report = (asReported?: string) =>
  computeReport(db, { plan, asOf: "2022-03", today: "2022-04-25", lang: "en", asReported });
const actual = (r: Awaited<ReturnType<typeof report>>, id: string) =>
  r.metrics.find((m) => m.id === id)?.actual;
const overdue = (r: Awaited<ReturnType<typeof report>>) =>
  r.alerts.filter((a) => a.type === "overdue_case").map((a) => `${a.unit}:${a.count}`);

beforeAll(async () => {
  db = await Warehouse.open({ path: ":memory:" });
  await syncRegistry(db, units);
  await upload(FIRST, "2022-04-02T10:00:00+08:00");
  await upload(SECOND, "2022-04-20T10:00:00+08:00");
});
afterAll(() => db.close());

describe("as reported, with case ledgers", () => {
  it("counts the current ledger by default", async () => {
    const r = await report();
    expect(actual(r, "zero_family_deadline")).toBe(1);
    expect(actual(r, "hardship_deadline")).toBe(1);
    expect(overdue(r)).toEqual([]);
  });

  it("counts the ledger received by the end of the day asked for, and its overdue cases", async () => {
    const r = await report("2022-04-10");
    expect(actual(r, "zero_family_deadline")).toBe(0.5);
    expect(actual(r, "hardship_deadline")).toBe(1);
    expect(overdue(r)).toEqual(["310118002:1"]);
    // received at 10:00 on the 20th: counted as reported on that day
    expect(actual(await report("2022-04-20"), "zero_family_deadline")).toBe(1);
    expect(actual(await report("2022-04-19"), "zero_family_deadline")).toBe(0.5);
  });

  it("has no ledger before the first was received", async () => {
    const r = await report("2022-04-01");
    expect(actual(r, "zero_family_deadline")).toBeNull();
    expect(overdue(r)).toEqual([]);
  });
});
