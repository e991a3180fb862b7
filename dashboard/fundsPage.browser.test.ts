/**
 * The 政策资金 and 统计项 pages of the demo year in a real headless Chromium, as of 2022-08: each
 * subsidy stands beside the target it serves (side by side at 1366 px, one above the other at
 * 390 px), no page scrolls sideways (wide tables scroll in their own frame), the chart is drawn,
 * and screenshots of both pages in both languages at 1366 and 390 px are saved in test-output/.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../etl/loadDemo.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { buildDashboard } from "./buildDashboard.ts";

const run = browserAvailable("the funds page browser test");
const OUT = join(REPO_ROOT, "test-output");
const site = join(mkdtempSync(join(tmpdir(), "jobtrack-funds-")), "site");
let browser: Browser;

describe.runIf(run)("the funds and items pages of the demo year in Chromium", () => {
  beforeAll(async () => {
    const units = readRegistry("fixtures/units.csv");
    const plans = loadPlans("metrics/plans");
    const db = await Warehouse.open({ path: ":memory:" });
    await syncRegistry(db, units);
    await loadDemo({ db, units, periods: planPeriods(plans), today: "2023-01-10" }, "fixtures/demo");
    await buildDashboard(
      { db, units, plans },
      {
        outDir: site,
        asOf: "2022-08",
        now: new Date("2023-01-10T02:00:00Z"),
        today: "2023-01-10",
        demo: true,
      },
    );
    await db.close();
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("sets each subsidy beside its target on a wide screen and above it on a phone, never scrolling sideways", async () => {
    for (const width of [1366, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      for (const lang of ["", "en/"]) {
        await page.goto(pathToFileURL(join(site, `${lang}funds.html`)).href);
        const pairs = page.locator(".pair");
        expect(await pairs.count()).toBe(3);
        const [money, target] = await Promise.all([
          pairs.first().locator(".card").nth(0).boundingBox(),
          pairs.first().locator(".card").nth(1).boundingBox(),
        ]);
        if (!money || !target) throw new Error("a pair's cards are not laid out");
        if (width === 1366) expect(Math.abs(money.y - target.y)).toBeLessThan(1);
        else expect(target.y).toBeGreaterThan(money.y + money.height - 1);
        expect(await page.locator("figure.chart svg rect").count()).toBeGreaterThan(8);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(sideways, `${lang}funds.html at ${width} px scrolls sideways`).toBe(false);
        await page.screenshot({
          path: join(OUT, `dashboard-${lang.replace("/", "-")}funds-${width}.png`),
          fullPage: true,
        });
        await page.goto(pathToFileURL(join(site, `${lang}items.html`)).href);
        const itemsSideways = await page.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth,
        );
        expect(itemsSideways, `${lang}items.html at ${width} px scrolls sideways`).toBe(false);
        await page.screenshot({
          path: join(OUT, `dashboard-${lang.replace("/", "-")}items-${width}.png`),
          fullPage: true,
        });
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);
});
