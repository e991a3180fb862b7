/**
 * Each role walks through its whole task in a real headless Chromium, on a fresh demo database
 * (fixtures/demo, as `npm start` makes it) served with its scheduler, in November 2026 — long
 * after the plan, as the towns met it. Nobody types an address but the sign-in page's: every other
 * page is reached by clicking.
 *
 * - The clerk of 白鹤镇 (whose August report is missing) signs in, finds August first among the
 *   months owed, downloads its template, fills it (figures and a 备注), uploads it and sees it
 *   accepted; writes an explanation for a red target and, once the dashboard is rebuilt, sees it
 *   beside the status on the town's page; then sends a file with a mistake and one for another
 *   town, sees both refused in words (no code), and the refused one in the history with its finding.
 * - The analyst signs in, reads what v_progress and the reported items mean in the schema browser,
 *   queries v_progress and gets rows, and reads a DuckDB error explained with DuckDB's words below.
 * - The administrator signs in, creates a town token (shown once), revokes it, and reads the
 *   scheduler's last runs.
 *
 * No console error and no failed request is allowed beyond those expected. Screenshots of every
 * page touched go to test-output/ at 1366 and 390 px.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { districtToday } from "../core/districtTime.ts";
import { buildDashboard, siteRebuilder } from "../dashboard/buildDashboard.ts";
import { loadDemo } from "../etl/loadDemo.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import { refreshProgress } from "../metrics/progressView.ts";
import { browserAvailable, launchChromium } from "../test/browser.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { type RunningServer, startServer } from "./main.ts";
import { CLI_ACTOR, createToken, principalOf, type Role } from "./tokens.ts";

const OUT = join(REPO_ROOT, "test-output");
const BAIHE = "310118110";
const NOW = new Date("2026-11-20T02:00:00Z");
const EXPLANATION = "原因：园区两家企业停产，招聘计划推迟；整改措施：12月起逐户走访，举办两场专场招聘会。";
const REMARK = "原因：8月报表因系统切换漏报；整改措施：已补报，9月起专人复核。";
const run = browserAvailable("the role walk-throughs in a browser");

/** Console errors, page errors, failed requests and refused responses, beyond those expected. */
function watch(page: Page) {
  const problems: string[] = [];
  const expected: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Chromium logs each refused response; those expected are counted below, by their response
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
    problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    if (r.url().startsWith("blob:")) return;
    problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  page.on("response", (r) => {
    const { pathname } = new URL(r.url());
    if (r.status() < 400 || pathname === "/favicon.ico") return;
    const i = expected.indexOf(`${r.status()} ${pathname}`);
    if (i >= 0) expected.splice(i, 1);
    else problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { problems, expect: (status: number, path: string) => expected.push(`${status} ${path}`) };
}

/** A CSV as rows of cells (the template is UTF-8 with a BOM). */
function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
}

function csvText(rows: string[][]): string {
  return `\uFEFF${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
}

describe.runIf(run)("each role's whole task, by clicking", () => {
  let dir = "";
  let siteDir = "";
  let server: RunningServer;
  let browser: Browser;
  let db: Warehouse;
  const tokens = {} as Record<Exclude<Role, "viewer">, string>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-roles-"));
    mkdirSync(OUT, { recursive: true });
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
    const path = join(dir, "jobtrack.duckdb");
    db = await Warehouse.open({ path });
    await syncRegistry(db, units);
    const today = districtToday(NOW);
    const demo = await loadDemo(
      { db, units, periods: planPeriods(plans), today },
      join(REPO_ROOT, "fixtures", "demo"),
    );
    expect(demo.results.every((r) => r.status === "accepted")).toBe(true);
    await refreshProgress(db, plans, today);
    siteDir = join(dir, "site");
    const ctx = { db, units, plans };
    await buildDashboard(ctx, { outDir: siteDir, now: NOW, today });
    for (const [role, unit, label] of [
      ["town", BAIHE, "白鹤经办人"],
      ["analyst", null, "区人社局分析员"],
      ["admin", null, "区人社局管理员"],
    ] as const) {
      tokens[role] = (await createToken(db, { role, unit, label }, units, NOW, CLI_ACTOR)).token;
    }
    // the dashboard is rebuilt a second after data changes, as a clerk would wait for it
    writeFileSync(join(dir, "jobtrack.schedule.json"), JSON.stringify({ rebuild: { debounceSeconds: 1 } }));
    server = await startServer(ctx, {
      port: 0,
      siteDir,
      clock: () => NOW,
      handleSignals: false,
      say: () => {},
      schedule: { rebuild: siteRebuilder(ctx, siteDir, () => NOW, districtToday) },
    });
    await server.scheduler?.jobs.ingest.run();
    await server.scheduler?.jobs.backup.run();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** A fresh browser at the sign-in page, signed in with the role's token: it lands on the role's work. */
  async function signIn(role: keyof typeof tokens, width = 1366) {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width, height: 900 },
      locale: "zh-CN",
    });
    contexts.push(context);
    const page = await context.newPage();
    const trouble = watch(page);
    await page.goto(`${server.url}/login`);
    await page.getByLabel("访问令牌").fill(tokens[role]);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "登录" }).click()]);
    return { page, trouble };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

  it("the clerk reports the month it owes from the template, explains a red target, and sees it on the town page", async () => {
    const { page, trouble } = await signIn("town");
    expect(new URL(page.url()).pathname).toBe("/upload");
    expect(await page.textContent("h1")).toBe("上传报送");

    // August is missing: it comes first, chosen, marked; no month outside the plan is offered
    const month = page.locator("#month");
    await expect.poll(() => month.locator("option").first().textContent()).toBe("2022年8月 · 未报送");
    expect(await month.inputValue()).toBe("2022-08");
    const offered = await month
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toHaveLength(12);
    expect(offered.every((m) => m >= "2022-01" && m <= "2022-12")).toBe(true);
    expect(await month.locator("option").nth(1).textContent()).toBe("2022年12月 · 已报送 第1版");

    // the template of August, filled in as a clerk fills it: figures and an explanation in 备注
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-template="monthly:csv"]').click(),
    ]);
    const rows = csvRows(readFileSync((await download.path()) as string, "utf8"));
    const [marks, header, filled] = rows;
    expect(marks[0]).toContain("本月数");
    expect(header.at(-1)).toBe("备注");
    expect(filled.slice(0, 2)).toEqual(["白鹤镇", "2022-08"]);
    const put = (column: string, value: string) => {
      const at = header.indexOf(column);
      expect(at, column).toBeGreaterThan(1);
      filled[at] = value;
    };
    put("新增就业人数", "476");
    put("失业人员实现再就业人数", "41");
    put("就业困难人员实现就业人数", "12");
    put("备注", REMARK);
    await page.setInputFiles("#file", {
      name: "白鹤镇-2022年8月.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csvText(rows)),
    });
    await page.getByText("预检未发现明显问题").waitFor();
    // before sending it, the clerk starts explaining a red target of the latest month
    expect(await page.locator("#note-month").inputValue()).toBe("2022-12");
    // the town explains its own figures: its targets are named without the district's 全区
    const named = await page.locator("details[data-metric] summary strong").allTextContents();
    expect(named).toContain("正规就业人数");
    expect(named.filter((n) => n.startsWith("全区"))).toEqual([]);
    const target = page.locator("details[data-metric]", { hasText: "失业人员实现再就业" });
    await target.locator("summary").click();
    await target.locator("textarea").fill(EXPLANATION);
    const typedIn = await target.locator("textarea").elementHandle();
    await page.click("#send");
    await page.locator('#verdict [data-status="accepted"]').waitFor();
    const verdict = (await page.textContent("#verdict")) ?? "";
    expect(verdict).toContain("文件已入库：1 行，单位 白鹤镇，月份 2022年8月。");
    expect(verdict).toContain("备注中的情况说明已保存（1 条）");
    // August is received now, and the history shows the file with its month
    await expect
      .poll(() => month.locator('option[value="2022-08"]').textContent())
      .toBe("2022年8月 · 已报送 第1版");
    const row = page.locator("#history tr", { hasText: "白鹤镇-2022年8月.csv" });
    expect(await row.textContent()).toContain("2022年8月");
    expect(await row.textContent()).toContain("已入库");

    // the targets are drawn again after the upload, the explanation begun still open and typed
    await page.waitForFunction((old) => !old?.isConnected, typedIn);
    expect(await target.evaluate((form) => (form as HTMLDetailsElement).open)).toBe(true);
    expect(await target.locator("textarea").inputValue()).toBe(EXPLANATION);
    await target.getByRole("button", { name: "保存说明" }).click();
    await page.getByText("情况说明已保存，看板更新后即可看到。").waitFor();
    expect(await target.locator("summary").textContent()).toContain("已说明");
    expect(await target.locator(".current-note").textContent()).toContain(EXPLANATION);
    expect(await target.locator("textarea").inputValue()).toBe("");
    await shot(page, "walk-clerk-upload-1366");

    // once the dashboard is rebuilt, the town's page shows it beside the status
    const unitFile = join(siteDir, "unit", `${BAIHE}.html`);
    await expect
      .poll(() => readFileSync(unitFile, "utf8").includes(EXPLANATION), { timeout: 60_000, interval: 500 })
      .toBe(true);
    const scheduler = server.scheduler!;
    await expect
      .poll(() => scheduler.rebuildPending || scheduler.jobs.rebuild.running, { timeout: 60_000 })
      .toBe(false);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "看板" }).click()]);
    expect(await page.textContent("body")).toContain("红灯未作说明");
    await shot(page, "walk-overview-1366");
    await Promise.all([
      page.waitForNavigation(),
      page.locator(`a[href="unit/${BAIHE}.html"]`).first().click(),
    ]);
    expect(await page.textContent("h1")).toBe("白鹤镇");
    const explained = page.locator("tr", { hasText: "失业人员实现再就业" }).first();
    expect(await explained.textContent()).toContain(
      `情况说明：${EXPLANATION}（白鹤经办人，2026年11月20日 10:00）`,
    );
    expect(await explained.textContent()).toContain("红灯");
    // the demo's files keep their names (a month and the unit's code read as no personal number)
    const history = page.locator("tr", { hasText: "2022-12_310118110.csv" });
    expect(await history.textContent()).toContain("2022年12月");
    expect(await page.textContent("body")).not.toContain("***");
    await shot(page, "walk-unit-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "walk-unit-390");

    // the target's page shows it in the town's row, and the brief gives it one short line
    await page.setViewportSize({ width: 1366, height: 900 });
    await Promise.all([
      page.waitForNavigation(),
      explained.getByRole("link", { name: "失业人员实现再就业" }).click(),
    ]);
    const townRow = page.locator("tr", { has: page.locator(`a[href="../unit/${BAIHE}.html"]`) }).last();
    expect(await townRow.textContent()).toContain(EXPLANATION);
    await shot(page, "walk-metric-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "walk-metric-390");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "简报" }).first().click()]);
    // the brief keeps an explanation's first 36 characters
    expect(await page.textContent("body")).toContain(
      "白鹤镇（失业人员实现再就业）：原因：园区两家企业停产，招聘计划推迟；整改措施：12月起逐户走访，举办两…",
    );
    await shot(page, "walk-brief-390");
    await page.setViewportSize({ width: 1366, height: 900 });
    await shot(page, "walk-brief-1366");
    expect(trouble.problems).toEqual([]);
  }, 180_000);

  it("the clerk's refused files say what is wrong in words, and the refused one stays in the history", async () => {
    const { page, trouble } = await signIn("town", 390);
    await page.locator("#month option").first().waitFor({ state: "attached" });
    // a figure written with words: the browser warns, the server refuses it and keeps its finding
    const mistaken = "单位,报告月份,失业人员实现再就业人数\r\n白鹤镇,2022-11,约50\r\n";
    await page.setInputFiles("#file", {
      name: "白鹤镇-11月.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(mistaken),
    });
    await page.getByText("预检发现以下问题").waitFor();
    trouble.expect(422, "/api/submissions");
    await page.click("#send");
    await page.locator('#verdict [data-status="rejected"]').waitFor();
    const verdict = (await page.textContent("#verdict")) ?? "";
    expect(verdict).toContain("文件已退回，共 1 个问题，整份文件未入库。");
    expect(verdict).toContain("“约50”不是数字");
    const refused = page.locator("#history tr", { hasText: "白鹤镇-11月.csv" });
    await refused.waitFor();
    expect(await refused.textContent()).toContain("已退回");
    await refused.locator("summary").click();
    expect(await refused.textContent()).toContain("第 2 行 · 失业人员实现再就业人数：“约50”不是数字");

    // another town's figures: the browser says it in the server's words, the server refuses it (403)
    const other = "单位,报告月份,失业人员实现再就业人数\r\n朱家角镇,2022-11,30\r\n";
    await page.setInputFiles("#file", {
      name: "朱家角.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(other),
    });
    await page.getByText("只能报送本单位（白鹤镇）的数据，文件中含有其他单位：朱家角镇。").first().waitFor();
    trouble.expect(403, "/api/submissions");
    await page.click("#send");
    await page.locator('#verdict [data-status="rejected"]').waitFor();
    const refusedOther = (await page.textContent("#verdict")) ?? "";
    expect(refusedOther).toContain("只能报送本单位（白鹤镇）的数据");
    expect(refusedOther).not.toMatch(/forbidden|other_unit|[a-z]+_[a-z]+/);

    // a month outside the plan never gets past the browser's check unnoticed
    const late = "单位,报告月份,失业人员实现再就业人数\r\n白鹤镇,2026-10,30\r\n";
    await page.setInputFiles("#file", { name: "late.csv", mimeType: "text/csv", buffer: Buffer.from(late) });
    await page.getByText("报告月份 2026-10 不在任何目标计划的期间内").first().waitFor();
    await shot(page, "walk-clerk-refused-390");
    await page.setViewportSize({ width: 1366, height: 900 });
    await shot(page, "walk-clerk-refused-1366");
    expect(trouble.problems).toEqual([]);
  }, 120_000);

  for (const width of [1366, 390]) {
    it(`at ${width} px the analyst reads what v_progress means, queries it on the fresh demo, and reads an error explained`, async () => {
      const { page, trouble } = await signIn("analyst", width);
      expect(new URL(page.url()).pathname).toBe("/sql");
      const progress = page.locator("#schema details", { hasText: "v_progress" }).first();
      await progress.locator("summary").click();
      expect(await progress.textContent()).toContain(
        "各指标（含无目标的跟踪项目）各月的完成情况（全区及各单位）",
      );
      expect(await progress.textContent()).toContain("单位代码；全区合计为空");
      const items = page.locator("#schema > details").last();
      expect(await items.locator("summary").textContent()).toBe("统计项说明（57 项）");
      await items.locator("summary").click();
      await page.fill("#item-filter", "reemployed");
      const shown = items.locator("li:visible");
      expect(await shown.locator("button").allTextContents()).toEqual(["reemployed", "ui_reemployed"]);
      const item = shown.first();
      expect(await item.textContent()).toContain("失业人员实现再就业人数");
      expect(await item.textContent()).toContain("单位：人 · 本月数（当月发生） · 报送：街道、镇");
      // filtered, the entry above ui_reemployed is not the total its "上项" means: it names it
      expect(await shown.nth(1).textContent()).toContain(
        "本月数（当月发生） · 报送：街道、镇 · 上项：停止领取失业保险金人数（ui_stopped）",
      );
      expect(await item.textContent()).not.toContain("上项：");
      await progress.getByRole("button", { name: "查询此视图" }).click();
      expect(await page.inputValue("#editor")).toBe("SELECT * FROM v_progress LIMIT 100");
      await page.click("#run");
      await page.locator("#result table tbody tr").first().waitFor();
      expect(await page.locator("#result table tbody tr").count()).toBe(100);
      expect(await page.textContent("#status")).toMatch(/100 行/);

      // times come in Beijing time, and say so
      await page.fill(
        "#editor",
        "SELECT file_name, received_at FROM v_submissions ORDER BY received_at LIMIT 1",
      );
      await page.click("#run");
      await expect.poll(() => page.textContent("#result thead")).toContain("received_at（北京时间）");
      expect(await page.textContent("#result tbody")).toContain("+08:00");
      await expect.poll(() => page.textContent("#history")).toContain("（北京时间）");

      // DuckDB's error, explained first, its own words below
      await page.fill("#editor", "SELECT nope FROM v_progress");
      trouble.expect(400, "/api/sql");
      await page.click("#run");
      await page.locator("#status .notice.bad").waitFor();
      const notice = page.locator("#status .notice.bad");
      expect(await notice.locator("p").first().textContent()).toContain("没有名为 nope 的列");
      expect(await notice.locator("pre").textContent()).toMatch(/^Binder Error/);
      await shot(page, `walk-analyst-${width}`);
      expect(trouble.problems).toEqual([]);
    }, 120_000);
  }

  it("the administrator creates a town token, revokes it, and reads the scheduler's last runs", async () => {
    const { page, trouble } = await signIn("admin");
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await page.textContent("h1")).toBe("系统管理");
    const jobs = page.locator("section", { has: page.locator("#jobs-h") });
    expect(await jobs.textContent()).toMatch(/已备份到 .*（\d+ (KB|MB)，\d+ 张表）/);
    expect(await jobs.textContent()).toContain("看板已更新，截至2022年12月。");
    await page.selectOption("#role", "town");
    await page.selectOption("#unit", BAIHE);
    await page.fill("#label", "白鹤镇新经办人");
    await page.click("#create");
    const token = await page.locator("#new-token").inputValue();
    expect(token).toMatch(/^jt_[A-Za-z0-9_-]{43}$/);
    expect(await principalOf(db, token)).toMatchObject({ role: "town", unit: BAIHE });
    const row = page.locator("#tokens tr", { hasText: "白鹤镇新经办人" });
    await expect.poll(() => row.textContent()).toContain("有效");
    await shot(page, "walk-admin-1366");
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: /撤销/ }).click();
    await expect.poll(() => row.textContent()).toContain("已撤销");
    expect(await principalOf(db, token)).toBeNull();
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "walk-admin-390");
    expect(trouble.problems).toEqual([]);
  }, 120_000);
});
