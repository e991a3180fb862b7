/**
 * The reported items in the warehouse: migration 007 on a database made by the migrations before
 * it, with data in it, and the rows the plans' catalogues give it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../warehouse/db.ts";
import { syncIndicators } from "../../warehouse/indicatorTable.ts";
import { readMigrations } from "../../warehouse/migrations.ts";
import { readRegistry, syncRegistry } from "../../warehouse/registry.ts";
import { runSandboxed } from "../../warehouse/sandbox.ts";
import { ingestFile } from "../ingest.ts";
import { PERIODS_2022, QINGPU_2022_CATALOGUE } from "../testdata/catalogue.ts";
import { catalogueOf, unknownReporters } from "./catalogueOf.ts";
import { describeItems, indicatorRows } from "./describeItems.ts";

const units = readRegistry("fixtures/units.csv");
/** The shipped plan as the descriptions read it: its id, its first month and its catalogue. */
const plan = { id: "qingpu-2022", period: { first: "2022-01" }, catalogue: QINGPU_2022_CATALOGUE };
let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("migration 007 (indicators) on a database made before it", () => {
  it("keeps every fact and submission as it was, and the catalogue then describes every key of v_facts", async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-007-"));
    const path = join(dir, "old.duckdb");
    const old = await Warehouse.open({ path, migrations: readMigrations().filter((m) => m.version <= 3) });
    await syncRegistry(old, units);
    for (const file of ["gbk-crlf.csv", "long-layout.csv", "department-indicator.csv", "ytd-columns.csv"]) {
      await ingestFile(
        { db: old, units, periods: PERIODS_2022, today: "2022-10-10", lang: "zh" },
        {
          fileName: file,
          bytes: readFileSync(join("fixtures/inputs", file)),
          receivedAt: "2022-10-01T09:00:00+08:00",
          receivedBy: "test",
        },
      );
    }
    const before = {
      facts: await old.query("SELECT * FROM facts ORDER BY ALL"),
      submissions: await old.query("SELECT * FROM v_submissions ORDER BY ALL"),
    };
    expect(before.facts.length).toBeGreaterThan(10);
    expect(
      await old.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'indicators'"),
    ).toEqual([{ n: 0 }]);
    await old.close();

    const db = await Warehouse.open({ path });
    expect(await db.query("SELECT * FROM facts ORDER BY ALL")).toEqual(before.facts);
    expect(await db.query("SELECT * FROM v_submissions ORDER BY ALL")).toEqual(before.submissions);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM v_indicators")).toEqual([{ n: 0 }]);

    await syncIndicators(db, indicatorRows([plan]));
    const undescribed = await db.query(
      "SELECT DISTINCT f.indicator FROM v_facts f ANTI JOIN v_indicators i USING (indicator) ORDER BY 1",
    );
    expect(undescribed).toEqual([]);
    expect(
      await db.query(
        "SELECT indicator, name_zh, unit_of_count, flow, plans FROM v_indicators WHERE indicator IN ('formal_employment', 'new_jobs', 'relief_financing') ORDER BY 1",
      ),
    ).toEqual([
      {
        indicator: "formal_employment",
        name_zh: "正规就业人数",
        unit_of_count: "人",
        flow: "stock",
        plans: ["qingpu-2022"],
      },
      {
        indicator: "new_jobs",
        name_zh: "新增就业人数",
        unit_of_count: "人",
        flow: "flow",
        plans: ["qingpu-2022"],
      },
      {
        indicator: "relief_financing",
        name_zh: "纾困融资额度落地金额(亿元)",
        unit_of_count: "亿元",
        flow: "flow",
        plans: ["qingpu-2022"],
      },
    ]);
    expect(await db.query("SELECT count(*)::INTEGER AS n FROM v_indicators")).toEqual([
      { n: QINGPU_2022_CATALOGUE.items.length },
    ]);
    // analysts read it through the sandbox, joined to v_facts
    const joined = await runSandboxed(
      db,
      "SELECT i.name_zh, sum(f.value) AS total FROM v_facts f JOIN v_indicators i USING (indicator) WHERE f.indicator = 'new_jobs' GROUP BY 1",
    );
    expect(joined.rows[0][0]).toBe("新增就业人数");
    await db.close();
  });

  it("a key no catalogue names any more keeps its last description; a later plan's wording wins", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    const item = QINGPU_2022_CATALOGUE.byKey.get("grads_unemployed")!;
    const p2022 = {
      id: "qingpu-2022",
      period: { first: "2022-01" },
      catalogue: catalogueOf([item], "a.yaml"),
    };
    const p2023 = {
      id: "qingpu-2023",
      period: { first: "2023-01" },
      catalogue: catalogueOf([{ ...item, zh: "2023届离校未就业高校毕业生人数" }], "b.yaml"),
    };
    expect(indicatorRows([p2023, p2022]).map((r) => [r.name_zh, r.plans])).toEqual([
      ["2023届离校未就业高校毕业生人数", ["qingpu-2022", "qingpu-2023"]],
    ]);
    await syncIndicators(db, indicatorRows([p2022]));
    await syncIndicators(db, indicatorRows([{ ...p2023, catalogue: catalogueOf([], "c.yaml") }]));
    expect(await db.query("SELECT indicator, name_zh FROM v_indicators")).toEqual([
      { indicator: "grads_unemployed", name_zh: "2022届离校未就业高校毕业生人数" },
    ]);
    await db.close();
  });
});

describe("describeItems", () => {
  it("names the unit of count, 本月数 or 期末数 and who reports each item, in both languages", () => {
    const described = describeItems(QINGPU_2022_CATALOGUE, units);
    expect(described.find((d) => d.key === "grads_employed")).toEqual({
      key: "grads_employed",
      zh: "其中已实现就业人数",
      en: "of whom employed",
      description: { zh: "上项中月末已实现就业的人数。", en: "Of the above, those employed at month end." },
      unit_of_count: { zh: "人", en: "persons" },
      flow: "stock",
      flow_words: { zh: "期末数（月末时点）", en: "month-end level (a stock)" },
      reported_by: { zh: "街道、镇", en: "subdistricts, towns" },
      subset_of: "grads_unemployed",
      subsidy: null,
    });
    expect(described.find((d) => d.key === "hardship_industry_subsidy_amount")).toMatchObject({
      unit_of_count: { zh: "万元", en: "10,000 CNY" },
      flow_words: { zh: "本月数（当月发生）", en: "this month (a flow)" },
      reported_by: { zh: "区财政局", en: "District Finance Bureau" },
      subsidy: "hardship_industry_subsidy",
    });
  });

  it("every reporter of the shipped catalogue is a unit kind or a unit of the registry; a stranger is named", () => {
    expect(unknownReporters(QINGPU_2022_CATALOGUE, units)).toEqual([]);
    expect(
      unknownReporters(
        QINGPU_2022_CATALOGUE,
        units.filter((u) => u.code !== "D-FB"),
      ).map((f) => f.column),
    ).toEqual([
      "hardship_industry_subsidy_firms.reporters",
      "hardship_industry_subsidy_amount.reporters",
      "returnee_startup_subsidy_projects.reporters",
      "returnee_startup_subsidy_amount.reporters",
    ]);
  });
});
