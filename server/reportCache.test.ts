import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../etl/ingest.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { ReportCache } from "./reportCache.ts";

const units = readRegistry("fixtures/units.csv");
const [plan] = loadPlans("metrics/plans");
let db: Warehouse;

const upload = (text: string) =>
  ingestFile(
    { db, units, periods: planPeriods([plan]), today: "2022-09-10", lang: "zh" },
    {
      fileName: "r.csv",
      bytes: new TextEncoder().encode(text),
      receivedAt: "2022-09-02T10:00:00+08:00",
      receivedBy: "t",
    },
  );

beforeAll(async () => {
  db = await Warehouse.open({ path: ":memory:" });
  await syncRegistry(db, units);
});
afterAll(() => db.close());

describe("ReportCache", () => {
  it("shares one computation between simultaneous requests and serves it until the next write", async () => {
    await upload("单位,报告月份,失业人员实现再就业人数\n盈浦,2022-08,120\n");
    const cache = new ReportCache();
    const options = { plan, asOf: "2022-08", today: "2022-09-10", lang: "zh" as const };
    const [a, b] = await Promise.all([cache.get(db, options), cache.get(db, options)]);
    expect(a).toBe(b);
    const reemployed = () =>
      cache.get(db, options).then((r) => r.metrics.find((m) => m.id === "reemployed")?.actual);
    expect(await reemployed()).toBe(120);
    await upload("单位,报告月份,失业人员实现再就业人数\n朱家角,2022-08,30\n");
    expect(await reemployed()).toBe(150);
  });
});
