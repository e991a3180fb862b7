/**
 * The server's pages and the dashboard it serves, as one product, in a real headless Chromium on
 * the demo year: each role signs in and finds, on the dashboard itself, who it is signed in as and
 * the pages its role may use (and no others); 退出 signs out from any page; an unknown address,
 * a page the role may not open and `GET /logout` are pages in the same frame with a way back.
 * Every server page is saved as a screenshot at 1366 and 390 px in test-output/, with no text out
 * of its box and none under 11 px on the phone.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboard } from "../dashboard/buildDashboard.ts";
import { loadDemo } from "../etl/loadDemo.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { layoutProblems } from "../test/pageLayout.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type RunningServer, startServer } from "./main.ts";
import { CLI_ACTOR, createToken, type Role } from "./tokens.ts";

const OUT = join(REPO_ROOT, "test-output");
const run = browserAvailable("the server's pages in the browser");
const LABELS: Record<Role, string> = {
  viewer: "王科长",
  town: "盈浦经办人",
  analyst: "数据分析员",
  admin: "系统管理员",
};

describe.runIf(run)("the server's pages and the dashboard as one product", () => {
  let dir = "";
  let server: RunningServer;
  let browser: Browser;
  const tokens = {} as Record<Role, string>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-shell-"));
    mkdirSync(OUT, { recursive: true });
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    const db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    await syncRegistry(db, units);
    const today = "2023-01-10";
    const now = new Date("2023-01-10T02:00:00Z");
    await loadDemo({ db, units, periods: planPeriods(plans), today }, join(REPO_ROOT, "fixtures", "demo"));
    for (const role of ["viewer", "town", "analyst", "admin"] as Role[]) {
      const unit = role === "town" ? "310118002" : null;
      tokens[role] = (
        await createToken(db, { role, unit, label: LABELS[role] }, units, now, CLI_ACTOR)
      ).token;
    }
    const siteDir = join(dir, "dist");
    await buildDashboard({ db, units, plans }, { outDir: siteDir, now, today });
    server = await startServer(
      { db, units, plans },
      { port: 0, siteDir, clock: () => now, handleSignals: false, say: () => {} },
    );
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function signedIn(role: Role, width = 1366): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    contexts.push(context);
    const page = await context.newPage();
    // asked for the dashboard: without a page to return to, each role would land on its own work
    await page.goto(`${server.url}/login?next=%2F`);
    await page.getByLabel("访问令牌").fill(tokens[role]);
    await Promise.all([
      page.waitForURL(`${server.url}/`),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    return page;
  }

  const navOf = (page: Page) => page.locator(".site-nav a:visible").allTextContents();

  it("each role sees, on the dashboard, who it is and the pages it may use; 退出 signs it out", async () => {
    const expected: Record<Role, [string, string[]]> = {
      viewer: ["王科长 · 浏览", ["看板", "预警", "报送情况", "政策资金", "简报"]],
      town: ["盈浦经办人 · 街镇报送 · 盈浦街道", ["看板", "预警", "报送情况", "政策资金", "简报", "上传"]],
      analyst: ["数据分析员 · 数据分析", ["看板", "预警", "报送情况", "政策资金", "简报", "SQL"]],
      admin: ["系统管理员 · 管理员", ["看板", "预警", "报送情况", "政策资金", "简报", "上传", "SQL", "管理"]],
    };
    for (const role of ["viewer", "town", "analyst", "admin"] as Role[]) {
      const page = await signedIn(role);
      await page.locator(".session .who", { hasText: LABELS[role] }).waitFor();
      expect(await page.textContent(".session .who"), role).toBe(expected[role][0]);
      expect(await navOf(page), role).toEqual(expected[role][1]);
      expect(await page.locator(".offline-note").isVisible()).toBe(false);
      // a server page from the dashboard's own navigation, in the same frame
      if (role !== "viewer") {
        const last = expected[role][1].at(-1) as string;
        await page.click(`.site-nav a:text-is('${last}')`);
        expect(await navOf(page), role).toEqual(expected[role][1]);
        expect(await page.textContent(".session .who"), role).toBe(expected[role][0]);
        expect(await page.locator(".site-nav a[aria-current=page]").textContent()).toBe(last);
      }
      await page.click("form.logout button");
      await page.waitForURL(/\/login$/);
      await page.goto(`${server.url}/`);
      expect(new URL(page.url()).pathname, role).toBe("/login");
    }
  }, 180_000);

  it("an unknown address, a page the role may not open, and GET /logout are pages in the frame with a way back", async () => {
    const page = await signedIn("town");
    const missing = await page.goto(`${server.url}/metric/nowhere.html`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("找不到此页面");
    expect(await navOf(page)).toEqual(["看板", "预警", "报送情况", "政策资金", "简报", "上传"]);
    await page.click("a:text-is('返回看板')");
    expect(new URL(page.url()).pathname).toBe("/");

    const refused = await page.goto(`${server.url}/sql`);
    expect(refused?.status()).toBe(403);
    expect(await page.textContent("main")).toContain("当前登录的角色（街镇报送）无权打开此页面。");

    const logout = await page.goto(`${server.url}/logout`);
    expect(logout?.status()).toBe(200);
    expect(await page.textContent("main")).toContain("当前登录：盈浦经办人 · 街镇报送 · 盈浦街道。");
    await page.click("main button:text-is('退出')");
    await page.waitForURL(/\/login$/);
    const after = await page.goto(`${server.url}/logout`);
    expect(after?.status()).toBe(200);
    expect(await page.textContent("main")).toContain("您当前没有登录。");
  }, 120_000);

  it("saves every server page at 1366 and 390 px, with no text out of its box and none under 11 px on the phone", async () => {
    const shots: [string, Role | null, string][] = [
      ["login", null, "/login"],
      ["upload", "town", "/upload"],
      ["sql", "analyst", "/sql"],
      ["audit", "admin", "/audit"],
      ["admin", "admin", "/admin"],
      ["logout", "viewer", "/logout"],
      ["not-found", "viewer", "/nowhere"],
      ["forbidden", "town", "/admin"],
      ["dashboard", "admin", "/"],
    ];
    const problems: string[] = [];
    for (const width of [1366, 390]) {
      for (const [name, role, path] of shots) {
        const page = role
          ? await signedIn(role, width)
          : await (async () => {
              const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
              contexts.push(context);
              return context.newPage();
            })();
        await page.goto(`${server.url}${path}`);
        await page.waitForLoadState("networkidle");
        for (const p of await layoutProblems(page, { minFontPx: width < 500 ? 11 : null }))
          problems.push(`${name} at ${width}: ${p}`);
        await page.screenshot({ path: join(OUT, `page-server-${name}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
