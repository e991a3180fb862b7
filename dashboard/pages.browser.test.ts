/**
 * Every page of the built demo dashboard (as of its latest month, Chinese) in a real headless
 * Chromium from disk, at 1366 and 390 px: a screenshot of each in test-output/, no text running
 * out of its box, none under 11 px on the phone, no page wider than the screen. Then the leading
 * group's walk, by clicks alone: the dashboard as of an earlier month, and its alerts filtered by
 * type and unit. The overview, opened from disk, loads under 300 KB and asks nothing of a network;
 * the pages a server answers are not offered; a town's page never speaks of the district (全区).
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../etl/loadDemo.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import type { Report } from "../metrics/reportTypes.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { layoutProblems } from "../test/pageLayout.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { buildDashboard } from "./buildDashboard.ts";
import { gatherDashboard } from "./gather.ts";

const run = browserAvailable("the dashboard's pages in the browser");
const OUT = join(REPO_ROOT, "test-output");
const site = join(mkdtempSync(join(tmpdir(), "jobtrack-pages-")), "site");
let browser: Browser;
let july: Report;

/** The latest month's Chinese pages: the top of the site, without en/ and month/. */
function chinesePages(dir = site): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory())
      return ["en", "month", "assets"].includes(name) ? [] : chinesePages(full);
    return name.endsWith(".html") ? [relative(site, full)] : [];
  });
}

const url = (file: string) => pathToFileURL(join(site, file)).href;

describe.runIf(run)("the dashboard's pages in Chromium", () => {
  beforeAll(async () => {
    const units = readRegistry("fixtures/units.csv");
    const plans = loadPlans("metrics/plans");
    const db = await Warehouse.open({ path: ":memory:" });
    await syncRegistry(db, units);
    const today = "2023-01-10";
    const now = new Date("2023-01-10T02:00:00Z");
    await loadDemo({ db, units, periods: planPeriods(plans), today }, "fixtures/demo");
    await buildDashboard({ db, units, plans }, { outDir: site, now, today });
    july = (await gatherDashboard(db, { plan: plans[0], units, asOf: "2022-07", today, now })).report;
    await db.close();
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1366, 390]) {
    it(`every page at ${width} px: a screenshot, no text out of its box${width < 500 ? ", none under 11 px" : ""}`, async () => {
      const pages = chinesePages();
      expect(pages.length).toBe(7 + 17 + 15);
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      for (const file of pages) {
        await page.goto(url(file));
        for (const p of await layoutProblems(page, { minFontPx: width < 500 ? 11 : null }))
          problems.push(`${file}: ${p}`);
        const name = `page-dashboard-${file.replace(/\//g, "-").replace(/\.html$/, "")}-${width}.png`;
        await page.screenshot({ path: join(OUT, name), fullPage: true });
      }
      await page.close();
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it("the leader sees the dashboard as of July and filters July's alerts by type and unit, by clicks alone", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url("index.html"));
    expect(await page.textContent(".month-bar .as-of")).toBe("数据截至 2022年12月");
    await page.click(".month-picker summary");
    await page.screenshot({ path: join(OUT, "page-dashboard-month-picker-390.png") });
    await page.click(".month-picker a:text-is('2022年7月')");
    expect(page.url()).toBe(url("month/2022-07/index.html"));
    expect(await page.textContent(".month-bar .as-of")).toBe("数据截至 2022年7月");
    expect(await page.textContent(".lede")).toContain("截至2022年7月，全年12个月已过7个月");
    expect(await page.textContent(".past-note")).toBe("这是历史月份的数据。 查看最新（2022年12月）");

    await page.click(".site-nav a:text-is('预警')");
    expect(page.url()).toBe(url("month/2022-07/alerts.html"));
    const all = july.alerts.length;
    expect(await page.textContent(".filter-count")).toBe(`显示 ${all} 条，共 ${all} 条`);
    const anomalies = july.alerts.filter((a) => a.type === "anomaly");
    await page.selectOption("select[name=type]", "anomaly");
    expect(await page.textContent(".filter-count")).toBe(`显示 ${anomalies.length} 条，共 ${all} 条`);
    const unit = anomalies[0].unit as string;
    await page.selectOption("select[name=unit]", unit);
    const own = anomalies.filter((a) => a.unit === unit);
    expect(own.length).toBeGreaterThan(0);
    expect(await page.textContent(".filter-count")).toBe(`显示 ${own.length} 条，共 ${all} 条`);
    // the alerts left in the list, inside a month's group or not, are the unit's anomalies
    const left = await page.$$eval("[data-alert-list] li.alert:not([data-group])", (items) =>
      items
        .filter((li) => !li.closest("[hidden]"))
        .map((li) => `${li.getAttribute("data-type")} ${li.getAttribute("data-unit")}`),
    );
    expect(left).toEqual(own.map(() => `anomaly ${unit}`));
    expect(new URL(page.url()).hash).toBe(`#type=anomaly&unit=${unit}`);
    await page.screenshot({ path: join(OUT, "page-dashboard-alerts-filtered-390.png"), fullPage: true });
    // the filter travels with the address: opened again, the list is filtered the same
    await page.reload();
    expect(await page.textContent(".filter-count")).toBe(`显示 ${own.length} 条，共 ${all} 条`);
    await page.click("button[type=reset]");
    expect(await page.textContent(".filter-count")).toBe(`显示 ${all} 条，共 ${all} 条`);

    await page.click(".past-note a");
    expect(page.url()).toBe(url("alerts.html"));
    await page.close();
  }, 120_000);

  it("July's anomalies of April, from many towns, are one line with the items inside", async () => {
    const april = july.alerts.filter((a) => a.type === "anomaly" && a.month === "2022-04");
    const towns = new Set(april.map((a) => a.unit));
    expect(towns.size).toBeGreaterThanOrEqual(3);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(url("month/2022-07/alerts.html"));
    const group = page.locator("li.alert-group", { hasText: "2022年4月，" });
    expect(await group.count()).toBe(1);
    expect(await group.locator(".msg").first().textContent()).toContain(
      `2022年4月，${towns.size}个单位共${april.length}项数据异常`,
    );
    expect(await group.locator("details li.alert").count()).toBe(april.length);
    await page.close();
  }, 60_000);

  it("the overview from disk loads under 300 KB, asks nothing of a network, and offers no server page", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const requests: string[] = [];
    let bytes = 0;
    page.on("request", (r) => requests.push(r.url()));
    page.on("response", async (r) => {
      bytes += (await r.body()).byteLength;
    });
    await page.goto(url("index.html"), { waitUntil: "networkidle" });
    expect(requests.filter((r) => !r.startsWith("file://"))).toEqual([]);
    expect(bytes).toBeLessThan(300 * 1024);
    // 上传, SQL and 管理 are the server's: hidden from disk, and the header says why
    expect(await page.locator(".site-nav a:visible").allTextContents()).toEqual([
      "看板",
      "预警",
      "报送情况",
      "政策资金",
      "简报",
    ]);
    expect(await page.textContent(".offline-note")).toBe("离线查看：上传等功能需登录服务器");
    expect(await page.locator("form.logout").isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it("a town's page speaks of the town's figures, never of the district's (全区)", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    for (const file of chinesePages().filter((f) => f.startsWith("unit/"))) {
      await page.goto(url(file));
      const text = ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, "");
      expect(text, file).not.toContain("全区");
    }
    await page.goto(url("unit/310118110.html"));
    expect(await page.locator(".chart-grid figcaption a").first().textContent()).toBe("白鹤镇正规就业人数");
    await page.close();
  }, 60_000);
});
