/**
 * The administrator in a real headless Chromium: signs in, goes from the audit log to 系统管理
 * through the navigation, creates a town token (shown once, copied with the button), sees it in
 * the list, revokes it, and reads the scheduler's last runs (a pull that took a file, the
 * dashboard rebuild, the nightly backup with its size). At 1366 and 390 px wide; screenshots go to
 * test-output/. No console error and no failed request is allowed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlans } from "../metrics/loadPlans.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type RunningServer, startServer } from "./main.ts";
import { CLI_ACTOR, createToken, principalOf } from "./tokens.ts";

const OUT = join(REPO_ROOT, "test-output");
const run = browserAvailable("the administration page's browser test");

describe.runIf(run)("the administration page in a browser", () => {
  let dir = "";
  let server: RunningServer;
  let browser: Browser;
  let db: Warehouse;
  let admin = "";
  let now = new Date("2022-09-15T02:00:00Z");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-admin-"));
    mkdirSync(OUT, { recursive: true });
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    await syncRegistry(db, units);
    // the jobs run when the test says: the pull's wall-clock schedule (every 5 minutes by default)
    // must not run again mid-test and replace the last run the page is checked for
    writeFileSync(join(dir, "jobtrack.schedule.json"), JSON.stringify({ ingest: { schedule: "0 0 1 1 *" } }));
    admin = (await createToken(db, { role: "admin", label: "区人社局管理员" }, units, now, CLI_ACTOR)).token;
    server = await startServer(
      { db, units, plans },
      {
        port: 0,
        clock: () => now,
        handleSignals: false,
        say: () => {},
        schedule: { rebuild: async () => ({ asOf: "2022-08", files: 40, bytes: 300_000 }) },
      },
    );
    const scheduler = server.scheduler!;
    writeFileSync(
      join(dir, "inbox", "310118002", "盈浦-8月.csv"),
      "单位,报告月份,失业人员实现再就业人数\n盈浦街道,2022-08,120\n",
    );
    await scheduler.jobs.ingest.run();
    now = new Date("2022-09-15T02:05:00Z");
    await scheduler.jobs.ingest.run();
    now = new Date("2022-09-15T02:06:00Z");
    await scheduler.jobs.rebuild.run();
    now = new Date("2022-09-15T18:30:00Z");
    await scheduler.jobs.backup.run();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() !== "error") return;
      const source = m.location().url ?? "";
      if (source && new URL(source).pathname === "/favicon.ico") return;
      problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== "/favicon.ico")
        problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    return problems;
  }

  for (const width of [1366, 390]) {
    it(`at ${width} px: creates a town token, copies it, revokes it, and sees the last runs`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(`${server.url}/audit`);
      await page.getByLabel("访问令牌").fill(admin);
      await Promise.all([
        page.waitForURL(`${server.url}/audit`),
        page.getByRole("button", { name: "登录" }).click(),
      ]);
      await Promise.all([
        page.waitForURL(`${server.url}/admin`),
        page.locator(".site-nav").getByRole("link", { name: "管理", exact: true }).click(),
      ]);
      expect(await page.textContent("h1")).toBe("系统管理");

      // the scheduler's last runs, in words
      const jobs = page.locator("section", { has: page.locator("#jobs-h") });
      await expect.poll(() => jobs.textContent()).toContain("收到 1 个文件：接收 1，未变化 0，退回 0。");
      const jobsText = (await jobs.textContent()) ?? "";
      expect(jobsText).toContain("看板已更新，截至2022年8月。");
      expect(jobsText).toMatch(/已备份到 .*2022-09-16（\d+ KB，\d+ 张表）/);
      expect(jobsText).toContain("2022-09-16 02:30:00");
      const recent = (await page.locator("section", { has: page.locator("#runs-h") }).textContent()) ?? "";
      expect(recent).toContain("夜间备份");
      expect(recent).toContain("盈浦街道");

      // a town token: the unit appears only for the town role
      const label = `盈浦经办人 ${width}`;
      await page.selectOption("#role", "viewer");
      expect(await page.isVisible("#unit")).toBe(false);
      await page.selectOption("#role", "town");
      await page.selectOption("#unit", "310118002");
      await page.fill("#label", label);
      await page.click("#create");
      const field = page.locator("#new-token");
      await field.waitFor();
      const token = await field.inputValue();
      expect(token).toMatch(/^jt_[A-Za-z0-9_-]{43}$/);
      expect(await principalOf(db, token)).toMatchObject({ role: "town", unit: "310118002", label });
      await page.click("#copy-token");
      await page.getByText("已复制").waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      const row = page.locator("#tokens tr", { hasText: label });
      await expect.poll(() => row.textContent()).toContain("有效");
      expect(await row.textContent()).toContain("街镇报送");
      expect(await row.textContent()).toContain("盈浦街道");
      // created at the server's clock, in Beijing time, written as the scheduler's tables write times
      expect(await row.textContent()).toContain("2022-09-16 02:30:00");
      await page.screenshot({ path: join(OUT, `admin-${width}.png`), fullPage: true });

      page.once("dialog", (dialog) => void dialog.accept());
      await row.getByRole("button", { name: /撤销/ }).click();
      await expect.poll(() => row.textContent()).toContain("已撤销");
      expect(await principalOf(db, token)).toBeNull();
      // the token's text is gone from the page once it is revoked and the list redrawn
      expect(await page.locator("#tokens").textContent()).not.toContain(token);

      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
