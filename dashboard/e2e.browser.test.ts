/**
 * The built demo dashboard in a real headless Chromium: every page of both languages opens from
 * file:// with no console error and no failed request, every internal link resolves, the
 * overview shows every target with the status the report gives and names the units behind every
 * red target, assigned targets are marked on their cards and in the brief, and the brief as of
 * 2022-12 says 未完成 for every missed target and prints on one A4 page. (Every page's screenshot
 * and layout: pages.browser.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../etl/loadDemo.ts";
import { unitsBehind } from "../metrics/behind.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import type { Report } from "../metrics/reportTypes.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { buildDashboard } from "./buildDashboard.ts";
import { gatherDashboard } from "./gather.ts";

const run = browserAvailable("the dashboard browser test");
const OUT = join(REPO_ROOT, "test-output");
const root = mkdtempSync(join(tmpdir(), "jobtrack-site-"));
const site = join(root, "site");
const yearEnd = join(root, "site-2022-12");
let browser: Browser;
let report: Report;
let december: Report;

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
    await buildDashboard({ db, units, plans }, { ...options, outDir: yearEnd, asOf: "2022-12" });
    const gather = async (asOf: string) =>
      (await gatherDashboard(db, { plan: plans[0], units, asOf, today: options.today, now: options.now }))
        .report;
    report = await gather("2022-08");
    december = await gather("2022-12");
    await db.close();
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("every page opens with no console error and no failed request, and every link resolves", async () => {
    // the latest month's pages in both languages, and one earlier month's (the others are the same pages)
    const pages = htmlFiles(site).filter((f) => {
      const path = relative(site, f);
      return !path.startsWith("month/") || path.startsWith("month/2022-05/");
    });
    expect(pages.length).toBeGreaterThan(120);
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
      // the server's own pages (上传, SQL, 管理) are offered only once a server says who reads: not from disk
      const links = await page.$$eval("a[href]:not([data-roles] a)", (as) =>
        as.map((a) => a.getAttribute("href") ?? ""),
      );
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
        expect(card?.text).toContain(metric.status_words[lang]);
      }
      await page.screenshot({ path: join(OUT, `dashboard-overview-${lang}.png`), fullPage: true });
    }
    const statuses = new Set(report.metrics.map((m) => m.status));
    expect([...statuses].sort()).toEqual(["green", "red", "yellow"]);
    // no by_due target is red before its due month
    expect(report.metrics.filter((m) => m.judged === "by_due" && m.status === "red")).toEqual([]);
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

  it("the overview names the units behind every red target, worst first", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    const red = report.metrics.filter((m) => m.status === "red");
    expect(red.length).toBeGreaterThan(0);
    for (const metric of red) {
      const named = await page
        .locator("article.card", { has: page.locator(`#card-${metric.id}`) })
        .locator(".behind a")
        .allTextContents();
      expect(named, metric.id).toEqual(
        unitsBehind(metric)
          .slice(0, 3)
          .map((u) => u.name),
      );
    }
    await page.close();
  }, 60_000);

  it("an assigned target is marked on its card and in the brief", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const assigned = report.metrics.filter((m) => m.target_source.kind === "assigned");
    expect(assigned.map((m) => m.id)).toEqual(["new_jobs", "registered_unemployed"]);
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    for (const metric of assigned) {
      const card = page.locator("article.card", { has: page.locator(`#card-${metric.id}`) });
      expect(await card.locator(".tag.assigned").textContent()).toBe("上级下达");
      expect(await card.locator(".source-note").textContent()).toContain(metric.target_source.note_zh ?? "");
    }
    await page.goto(pathToFileURL(join(site, "brief.html")).href);
    for (const metric of assigned) {
      const row = page.locator("table tr", { has: page.locator(`th:text-is("${metric.name_zh}")`) });
      expect(await row.locator(".tag.assigned").count(), metric.id).toBe(1);
    }
    expect(await page.locator(".source-note").first().textContent()).toContain(
      "上级下达（政策文件未写明数值）",
    );
    // a target the policy sets by a rule (不低于上年水平) says which figure the rule gave
    const ruled = report.metrics.find((m) => m.id === "pi_posts_total");
    expect(ruled?.target_source.note_zh).toBe("上年水平：2021年1–12月报送合计360个。");
    expect(await page.locator(".source-note").nth(1).textContent()).toBe(
      "按政策规则取数的目标：事业单位招聘总量：上年水平：2021年1–12月报送合计360个。",
    );
    await page.close();
  }, 60_000);

  it("the brief as of 2022-12 says 未完成 for every missed target, and prints on one A4 page in both languages", async () => {
    const missed = december.metrics.filter((m) => m.final && m.status === "red");
    expect(missed.map((m) => m.id)).toEqual([
      "reemployed",
      "zero_family_deadline",
      "hardship_deadline",
      "village_staff_coverage",
      "pi_posts_total",
    ]);
    expect(december.metrics.every((m) => m.final && m.status !== "yellow")).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(pathToFileURL(join(yearEnd, "brief.html")).href);
    for (const metric of missed) {
      const row = page.locator("table tr", { has: page.locator(`th:text-is("${metric.name_zh}")`) });
      expect(await row.locator(".badge").first().textContent(), metric.id).toContain("未完成");
      const sentence = await page.locator(".sentences li", { hasText: metric.name_zh }).first().textContent();
      expect(sentence, metric.id).toContain("未完成");
    }
    await page.screenshot({ path: join(OUT, "dashboard-brief-2022-12.png"), fullPage: true });
    for (const [dir, file] of [
      [site, "en/brief.html"],
      [site, "brief.html"],
      [yearEnd, "en/brief.html"],
    ]) {
      await page.goto(pathToFileURL(join(dir, file)).href);
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `${dir} ${file}`).toBe(1);
    }
    await page.close();
  }, 120_000);
});
