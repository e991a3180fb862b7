/**
 * The built demo dashboard in a real headless Chromium: every page of both languages opens from
 * file:// with no console error and no failed request, every internal link resolves, the
 * overview shows every target with the status the report gives, and screenshots are saved.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../cli/context.ts";
import { loadDemo } from "../cli/demoData.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import type { Report } from "../metrics/reportTypes.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { buildDashboard } from "./buildDashboard.ts";
import { gatherDashboard } from "./gather.ts";
import { STATUS_WORDS } from "./labels.ts";

const run = browserAvailable("the dashboard browser test");
const OUT = join(PACKAGE_ROOT, "test-output");
const site = join(mkdtempSync(join(tmpdir(), "jobtrack-site-")), "site");
let browser: Browser;
let report: Report;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith(".html") ? [full] : [];
  });
}

describe.runIf(run)("the built demo dashboard in Chromium", () => {
  beforeAll(async () => {
    const units = readRegistry("fixtures/units.csv");
    const plans = loadPlans("metrics/plans");
    const db = await Warehouse.open({ path: ":memory:" });
    await syncRegistry(db, units);
    await loadDemo({ db, units, periods: planPeriods(plans), today: "2023-01-10" }, "fixtures/demo");
    const options = {
      outDir: site,
      asOf: "2022-08",
      now: new Date("2023-01-10T02:00:00Z"),
      today: "2023-01-10",
    };
    await buildDashboard({ db, units, plans }, options);
    report = (
      await gatherDashboard(db, {
        plan: plans[0],
        units,
        asOf: "2022-08",
        today: options.today,
        now: options.now,
      })
    ).report;
    await db.close();
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("every page opens with no console error and no failed request, and every link resolves", async () => {
    const pages = htmlFiles(site);
    expect(pages.length).toBeGreaterThan(60);
    const problems: string[] = [];
    const page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error")
        problems.push(`${relative(site, page.url().replace("file://", ""))}: console ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`${page.url()}: failed ${r.url()}`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file://") && !r.url().startsWith("data:"))
        problems.push(`${page.url()}: external request ${r.url()}`);
    });
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href);
      const links = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of links) {
        if (href.startsWith("#") || href.startsWith("mailto:")) continue;
        if (/^[a-z]+:/.test(href) || href.startsWith("/")) {
          problems.push(`${relative(site, file)}: non-relative link ${href}`);
          continue;
        }
        const target = resolve(dirname(file), href.split("#")[0]);
        if (!existsSync(target)) problems.push(`${relative(site, file)}: broken link ${href}`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it("the overview shows every target with the status the report gives, in both languages", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const [lang, file] of [
      ["zh", "index.html"],
      ["en", "en/index.html"],
    ] as const) {
      await page.goto(pathToFileURL(join(site, file)).href);
      const cards = await page.$$eval("article.card", (els) =>
        els.map((el) => ({
          name: el.querySelector("h3")?.textContent?.trim() ?? "",
          cls: el.className,
          text: el.textContent ?? "",
        })),
      );
      expect(cards).toHaveLength(report.metrics.length);
      for (const metric of report.metrics) {
        const card = cards.find((c) => c.name === (lang === "zh" ? metric.name_zh : metric.name_en));
        expect(card, `${lang} card for ${metric.id}`).toBeDefined();
        expect(card?.cls).toContain(`s-${metric.status}`);
        expect(card?.text).toContain(STATUS_WORDS[metric.status][lang]);
      }
      await page.screenshot({ path: join(OUT, `dashboard-overview-${lang}.png`), fullPage: true });
    }
    const statuses = new Set(report.metrics.map((m) => m.status));
    expect([...statuses].sort()).toEqual(["green", "red", "yellow"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    await page.screenshot({ path: join(OUT, "dashboard-overview-phone.png"), fullPage: true });
    await page.goto(pathToFileURL(join(site, "brief.html")).href);
    await page.screenshot({ path: join(OUT, "dashboard-brief.png"), fullPage: true });
    const brief = await page.textContent("body");
    expect(brief).toContain("2022年8月");
    expect(readFileSync(join(site, "brief.html"), "utf8")).toContain("@page");
    await page.close();
  }, 120_000);
});
