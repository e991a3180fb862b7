/**
 * End to end in a real headless Chromium (Debian's /usr/bin/chromium): a real server on a temp
 * database with one token per role; a town signs in, uploads a GBK CSV and an xlsx and sees them
 * accepted, uploads a broken file and sees its findings; an analyst runs a query and downloads it
 * as CSV; a viewer opens the dashboard. No console error and no failed request is allowed
 * (beyond the refused upload's own 422). Screenshots go to test-output/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../dashboard/build.ts";
import { sampleInput } from "../dashboard/testdata/sampleInput.ts";
import { writeSite } from "../dashboard/writeSite.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type RunningServer, startServer } from "./main.ts";
import { CLI_ACTOR, createToken, type Role } from "./tokens.ts";

const OUT = join(REPO_ROOT, "test-output");
const YINGPU = "310118002";
const ID_NUMBER = "110101199003074514";
const run = browserAvailable("the server browser end-to-end test");

/** What went wrong in a page: console errors, uncaught exceptions, failed and refused requests. */
interface Trouble {
  problems: string[];
  /** Responses expected to be refused (status + path), each allowed once. */
  expect(status: number, path: string): void;
}

function watch(page: Page): Trouble {
  const problems: string[] = [];
  const expected: string[] = [];
  const allowed = (status: number, url: string) => {
    const path = new URL(url).pathname;
    if (path === "/favicon.ico" && status === 404) return true;
    const i = expected.indexOf(`${status} ${path}`);
    if (i < 0) return false;
    expected.splice(i, 1);
    return true;
  };
  let allowedConsole = 0;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    const source = message.location().url ?? "";
    // the browser's own favicon request (401 before signing in, 404 after) is not the site's fault
    if (source && new URL(source).pathname === "/favicon.ico") return;
    // Chromium logs each refused fetch as "Failed to load resource"; the refused ones we expect are counted
    if (
      /Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
      allowedConsole > 0
    ) {
      allowedConsole--;
      return;
    }
    problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // a download answered into a blob, or a navigation replaced by the next one, is not a failure
    if (/ERR_ABORTED/.test(failure) && request.url().startsWith("blob:")) return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  page.on("response", (response) => {
    const status = response.status();
    if (status < 400) return;
    if (allowed(status, response.url())) return;
    problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    expect(status, path) {
      expected.push(`${status} ${path}`);
      allowedConsole++;
    },
  };
}

describe.runIf(run)("browser end to end", () => {
  let dir = "";
  let server: RunningServer;
  let browser: Browser;
  let db: Warehouse;
  const tokens = {} as Record<Role, string>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-e2e-"));
    mkdirSync(OUT, { recursive: true });
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    db = await Warehouse.open({ path: join(dir, "jobtrack.duckdb") });
    await syncRegistry(db, units);
    const now = new Date("2022-09-15T02:00:00Z");
    for (const role of ["viewer", "town", "analyst", "admin"] as Role[]) {
      const unit = role === "town" ? YINGPU : null;
      tokens[role] = (
        await createToken(db, { role, unit, label: `e2e ${role}` }, units, now, CLI_ACTOR)
      ).token;
    }
    const siteDir = join(dir, "dist");
    writeSite(buildSite(sampleInput()), siteDir);
    server = await startServer(
      { db, units, plans },
      { port: 0, siteDir, clock: () => now, handleSignals: false, say: () => {}, schedule: false },
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** A fresh browser profile signed in with the role's token through the login form. */
  async function signIn(role: Role, path: string, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ acceptDownloads: true, viewport, locale: "zh-CN" });
    contexts.push(context);
    const page = await context.newPage();
    const trouble = watch(page);
    await page.goto(`${server.url}${path}`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("访问令牌").fill(tokens[role]);
    await Promise.all([
      page.waitForURL(`${server.url}${path}`),
      page.getByRole("button", { name: "登录" }).click(),
    ]);
    return { page, trouble };
  }

  it("a town uploads a GBK CSV and an xlsx (accepted) and a broken file (its findings shown)", async () => {
    const { page, trouble } = await signIn("town", "/upload", { width: 390, height: 844 });
    expect(await page.textContent("h1")).toBe("上传报送");
    expect(await page.getAttribute('a[data-template="monthly:csv"]', "href")).toBe(
      `/api/template?kind=monthly&format=csv&month=2022-08&unit=${YINGPU}`,
    );

    const gbk = iconv.encode("单位,报告月份,失业人员实现再就业人数\r\n盈浦街道,2022-08,120\r\n", "gbk");
    await page.setInputFiles("#file", { name: "盈浦街道-8月.csv", mimeType: "text/csv", buffer: gbk });
    await page.getByText("预检未发现明显问题").waitFor();
    expect(await page.textContent("#check")).toContain("GBK/GB18030");
    expect(await page.textContent("#preview")).toContain("盈浦街道");
    await page.click("#send");
    await page.locator('#verdict [data-status="accepted"]').waitFor();
    expect(await page.textContent("#verdict")).toContain("文件已入库：1 行");
    await page.locator("#history td", { hasText: "盈浦街道-8月.csv" }).waitFor();
    await page.screenshot({ path: join(OUT, "upload-accepted.png"), fullPage: true });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("月报");
    sheet.addRow(["青浦区稳就业月报"]);
    sheet.addRow(["单位", "报告月份", "失业人员实现再就业人数"]);
    sheet.addRow(["盈浦街道", "2022-07", 95]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.setInputFiles("#file", {
      name: "盈浦街道-7月.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: xlsx,
    });
    await page.getByText("预检未发现明显问题").waitFor();
    expect(await page.textContent("#check")).toContain("Excel .xlsx");
    await page.click("#send");
    await page.locator('#verdict [data-status="accepted"]').waitFor();

    const broken = `单位,报告月份,失业人员实现再就业人数,就业困难人员实现就业人数\n盈浦街道,2022-08,约50,${ID_NUMBER}\n`;
    await page.setInputFiles("#file", {
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(broken),
    });
    await page.getByText("预检发现以下问题").waitFor();
    expect(await page.locator("#preview td.bad").count()).toBe(2);
    trouble.expect(422, "/api/submissions");
    await page.click("#send");
    await page.locator('#verdict [data-status="rejected"]').waitFor();
    const rows = await page.locator("#verdict table.findings tbody tr").allTextContents();
    expect(rows.some((r) => r.startsWith("2") && r.includes("失业人员实现再就业人数"))).toBe(true);
    expect(rows.some((r) => r.startsWith("2") && r.includes("就业困难人员实现就业人数"))).toBe(true);
    expect(await page.textContent("#verdict")).not.toContain(ID_NUMBER);
    await page.screenshot({ path: join(OUT, "upload-rejected.png"), fullPage: true });

    expect(trouble.problems).toEqual([]);
  }, 120_000);

  it("an analyst runs a query in /sql and downloads the result as CSV", async () => {
    const { page, trouble } = await signIn("analyst", "/sql");
    await page.locator("#schema summary", { hasText: "v_facts" }).waitFor();
    await page.fill("#editor", "SELECT unit, month, indicator, value FROM v_facts ORDER BY month");
    await page.focus("#editor");
    await page.keyboard.press("Control+Enter");
    await page.locator("#result table tbody tr").first().waitFor();
    expect(await page.locator("#result table tbody tr").count()).toBe(2);
    expect(await page.textContent("#status")).toMatch(/2 行 · 用时 \d+ 毫秒/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dl-csv")]);
    expect(download.suggestedFilename()).toMatch(/^jobtrack-query-2022-09-15\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain("unit,month,indicator,value");
    expect(csv).toContain(`${YINGPU},2022-07,reemployed,95`);
    expect(csv).toContain(`${YINGPU},2022-08,reemployed,120`);
    await page.locator("#history button", { hasText: "FROM v_facts ORDER BY month" }).first().waitFor();
    await page.fill("#editor", "SELECT * FROM nowhere");
    trouble.expect(400, "/api/sql");
    await page.click("#run");
    await page.locator("#status .notice.bad").waitFor();
    const notice = (await page.textContent("#status")) ?? "";
    expect(notice).toContain("不能读取 nowhere：只能查询视图 v_units、v_facts");
    expect(notice).not.toContain("not_a_view");
    await page.screenshot({ path: join(OUT, "sql-console.png"), fullPage: true });
    expect(trouble.problems).toEqual([]);
  }, 120_000);

  it("a viewer opens the dashboard, and an admin the audit log", async () => {
    const viewer = await signIn("viewer", "/");
    expect(await viewer.page.locator("h1").count()).toBeGreaterThan(0);
    expect(await viewer.page.getAttribute("html", "lang")).toBe("zh-CN");
    await viewer.page.screenshot({ path: join(OUT, "dashboard-viewer.png"), fullPage: true });
    expect(viewer.trouble.problems).toEqual([]);

    // a row written raw, as rows stored before the server escaped outside text could be
    await db.write((tx) =>
      tx.run(
        `INSERT INTO audit VALUES ('2022-09-15T01:00:00Z'::TIMESTAMPTZ, NULL, NULL, NULL, 'request',
         'GET /api/\u202egnp.exe\u001b[2J', 'refused', '{"ip":"\u009b31m"}'::JSON)`,
      ),
    );
    const admin = await signIn("admin", "/audit");
    await admin.page.locator("#audit table tbody tr").first().waitFor();
    const auditText = (await admin.page.textContent("#audit")) ?? "";
    expect(auditText).toContain("upload");
    expect(auditText).toContain("GET /api/\\u202egnp.exe\\x1b[2J");
    expect(auditText).toContain("\\x9b31m");
    expect(auditText).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(await admin.page.textContent("#range")).toMatch(/共 \d+ 条/);
    await admin.page.screenshot({ path: join(OUT, "audit-log.png"), fullPage: true });
    expect(admin.trouble.problems).toEqual([]);
  }, 120_000);
});
