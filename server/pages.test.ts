import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, type TestRole, YINGPU } from "./appFixture.ts";
import { checkGrid, decodeText, looksLikePersonal, readNumber } from "./precheck/uploadChecks.ts";

const PAGES: { path: string; allowed: TestRole[] }[] = [
  { path: "/upload", allowed: ["town", "admin"] },
  { path: "/sql", allowed: ["analyst", "admin"] },
  { path: "/audit", allowed: ["admin"] },
];
const ROLES: TestRole[] = ["viewer", "town", "analyst", "admin"];

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.db.close();
});

const html = (path: string, role: TestRole | null) => {
  const test = request(f.app).get(path).set("Accept", "text/html");
  return role ? test.set("Authorization", f.bearer(role)) : test;
};

describe("working pages × roles", () => {
  for (const page of PAGES) {
    it(`${page.path}: the login page for a browser not signed in, 401 as JSON`, async () => {
      const browser = await html(page.path, null);
      expect(browser.status).toBe(303);
      expect(browser.headers.location).toBe(`/login?next=${encodeURIComponent(page.path)}`);
      const en = await html(`${page.path}?lang=en`, null);
      expect(en.headers.location).toBe(`/login?next=${encodeURIComponent(`${page.path}?lang=en`)}&lang=en`);
      const api = await request(f.app).get(page.path).set("Accept", "application/json");
      expect(api.status).toBe(401);
      expect(api.body.error.code).toBe("unauthorized");
    });

    for (const role of ROLES) {
      const allowed = page.allowed.includes(role);
      it(`${page.path} as ${role}: ${allowed ? 200 : 403}`, async () => {
        const res = await html(page.path, role);
        expect(res.status).toBe(allowed ? 200 : 403);
        expect(res.headers["content-type"]).toMatch(/text\/html/);
        expect(res.headers["cache-control"]).toBe("no-store");
        if (!allowed) {
          expect(res.text).toContain("无权打开此页面");
          const json = await request(f.app)
            .get(page.path)
            .set("Authorization", f.bearer(role))
            .set("Accept", "application/json");
          expect(json.status).toBe(403);
          expect(json.body.error.code).toBe("forbidden");
        }
      });
    }
  }

  it("a refused page is recorded in the audit trail", async () => {
    await html("/audit", "viewer");
    const res = await request(f.app).get("/api/audit?action=request").set("Authorization", f.bearer("admin"));
    expect(
      res.body.entries.some(
        (e: { target: string; detail: { status: number } }) =>
          e.target === "GET /audit" && e.detail.status === 403,
      ),
    ).toBe(true);
  });
});

describe("page content", () => {
  it("/upload for a town: its unit, the report month, template links, the drop zone and the history, in Chinese", async () => {
    const res = await html("/upload", "town");
    const text = res.text;
    expect(text).toContain('<html lang="zh-CN">');
    expect(text).toContain("上传报送");
    expect(text).toContain("盈浦街道");
    expect(text).toContain(
      'data-template="monthly:csv" href="/api/template?kind=monthly&amp;format=csv&amp;month=2022-08"',
    );
    expect(text).toContain('data-template="monthly:xlsx"');
    expect(text).toContain("把文件拖到这里");
    expect(text).toContain('<label for="file">');
    expect(text).toContain("服务器审核结果");
    expect(text).toContain("报送记录");
    expect(text).not.toContain('<select id="unit">');
    // nav: dashboard and upload, not the SQL console or the audit log
    expect(text).toContain('<a href="/upload" aria-current="page">上传</a>');
    expect(text).not.toContain('href="/sql"');
    expect(text).not.toContain('href="/audit"');
    expect(text).toContain('<form class="logout" method="post" action="/logout">');
    // scripts are files (no inline script), papaparse from the vendor route
    expect(text).toMatch(
      /<script src="\/assets\/vendor\/papaparse@[\d.]+\/papaparse\.min\.js" defer><\/script>/,
    );
    expect(text).toContain('<script type="module" src="/assets/portal/upload.js"></script>');
    expect(text).not.toMatch(/<script>|\son[a-z]+="/);
    const data = JSON.parse(
      /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(text)![1],
    );
    expect(data).toMatchObject({
      role: "town",
      unit: YINGPU,
      rules: { periods: [{ first: "2021-02", last: "2022-12" }], currentMonth: "2022-09" },
      plans: [{ plan: "qingpu-2022", first: "2022-01", last: "2022-12" }],
      limitBytes: 10 * 1024 * 1024,
    });
    // the months owed on 15 September with nothing received: August first, September (not yet due) last
    const options = [...text.matchAll(/<option value="([\d-]+)"( selected)?>([^<]*)<\/option>/g)];
    expect(options.map((o) => o[1])).toEqual([
      "2022-08",
      "2022-07",
      "2022-06",
      "2022-05",
      "2022-04",
      "2022-03",
      "2022-02",
      "2022-01",
      "2022-09",
    ]);
    expect(options[0][2]).toBe(" selected");
    expect(options[0][3]).toBe("2022年8月 · 未报送");
    expect(options.at(-1)?.[3]).toBe("2022年9月 · 未报送（本月）");
    expect(data.hints.numeric).toContain("失业人员实现再就业人数");
    expect(data.vendor.exceljs).toMatch(/^\/assets\/vendor\/exceljs@4\.4\.0\/exceljs\.min\.js$/);
  });

  it("/upload?lang=en for an admin: English, with the unit chooser", async () => {
    const res = await html("/upload?lang=en", "admin");
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain("Upload a report");
    expect(res.text).toContain("Drop the file here");
    expect(res.text).toContain('<label for="unit">Reporting unit</label>');
    expect(res.text).toContain("Yingpu Subdistrict");
    expect(res.text).toContain('<label for="month">Report month</label>');
    expect(res.text).toContain('<option value="2022-08" selected>Aug 2022</option>');
    expect(res.text).toContain('href="/sql?lang=en"');
    expect(res.text).toContain('href="/admin?lang=en"');
    expect(res.text).toContain('href="/en/"');
    expect(res.text).toContain(
      '<a class="lang-switch" href="/upload?lang=zh" hreflang="zh-CN" lang="zh-CN">中文</a>',
    );
  });

  it("/sql: editor with a label, views, downloads and history, in both languages", async () => {
    const zh = (await html("/sql", "analyst")).text;
    expect(zh).toContain('<label for="editor">SQL 语句（按 Ctrl+Enter 运行）</label>');
    expect(zh).toContain("视图与字段");
    expect(zh).toContain("我的查询记录");
    for (const id of ["run", "dl-csv", "dl-arrow", "dl-parquet"]) expect(zh).toContain(`id="${id}"`);
    expect(zh).toContain("FROM v_facts");
    const en = (await html("/sql?lang=en", "analyst")).text;
    expect(en).toContain("SQL statement (Ctrl+Enter runs it)");
    expect(en).toContain("Views and columns");
    expect(en).toContain("My recent queries");
  });

  it("/audit: filter and pager, in both languages", async () => {
    const zh = (await html("/audit", "admin")).text;
    expect(zh).toContain("审计日志");
    expect(zh).toContain('<label for="action">操作类型</label>');
    expect(zh).toContain("job:backup");
    expect(zh).toContain("上一页");
    const en = (await html("/audit?lang=en", "admin")).text;
    expect(en).toContain("Audit log");
    expect(en).toContain("Next (older)");
  });

  it("the town's unit name cannot inject markup", async () => {
    const created = await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "analyst", label: '<img src=x onerror="alert(1)">' });
    const res = await request(f.app)
      .get("/sql")
      .set("Accept", "text/html")
      .set("Authorization", `Bearer ${created.body.token}`);
    expect(res.text).not.toContain("<img src=x");
    expect(res.text).toContain("&lt;img src=x");
  });
});

describe("assets", () => {
  const asset = (url: string, role: TestRole | null = "viewer") => {
    const test = request(f.app).get(url);
    return role ? test.set("Authorization", f.bearer(role)) : test;
  };

  it("serves the site's stylesheet and script and the page scripts to anyone signed in, revalidated by ETag", async () => {
    const files = ["portal.js", "upload.js", "uploadChecks.js", "sql.js", "audit.js", "escapeControls.js"];
    for (const url of [
      ...files.map((file) => `/assets/portal/${file}`),
      "/assets/site.css",
      "/assets/app.js",
    ]) {
      const res = await asset(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-type"]).toMatch(url.endsWith(".css") ? /text\/css/ : /text\/javascript/);
      const again = await asset(url).set("If-None-Match", res.headers.etag);
      expect(again.status).toBe(304);
    }
    expect((await asset("/assets/portal/uploadChecks.ts")).status).toBe(404);
    expect((await asset("/assets/portal/..%2Fauth.ts")).status).toBe(404);
  });

  it("serves nothing to a client that is not signed in (the login page needs no asset)", async () => {
    const res = await asset("/assets/portal/portal.js", null);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect((await request(f.app).get("/login")).text).not.toContain("/assets/");
  });

  it("serves papaparse and exceljs from node_modules with long caching", async () => {
    const upload = (await html("/upload", "town")).text;
    const data = JSON.parse(/id="page-data">(.*?)<\/script>/s.exec(upload)![1]);
    const papa = /src="(\/assets\/vendor\/papaparse[^"]+)"/.exec(upload)![1];
    for (const url of [papa, data.vendor.exceljs]) {
      expect((await asset(url, null)).status).toBe(401);
      const res = await asset(url, "town");
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(res.headers["content-type"]).toMatch(/text\/javascript/);
    }
  });
});

describe("the upload page's light checks (server/precheck/uploadChecks.ts)", () => {
  const hints = async () => {
    const text = (await html("/upload", "town")).text;
    return JSON.parse(/id="page-data">(.*?)<\/script>/s.exec(text)![1]).hints;
  };

  it("decodes UTF-8 (with BOM) and GBK", async () => {
    const { default: iconv } = await import("iconv-lite");
    expect(decodeText(new Uint8Array(iconv.encode("单位,报告月份", "gbk")))).toEqual({
      text: "单位,报告月份",
      encoding: "gb18030",
    });
    expect(decodeText(new TextEncoder().encode("\uFEFF单位"))).toEqual({ text: "单位", encoding: "utf-8" });
  });

  it("finds the header below a title row, and points at text, negative and personal numbers by Excel row", async () => {
    const grid = [
      ["青浦区稳就业月报", "", ""],
      ["单位", "报告月份", "失业人员实现再就业人数", "备注x"],
      ["盈浦街道", "2022-08", "约50", ""],
      ["盈浦街道", "2022-07", "-3", ""],
      ["盈浦街道", "2022-06", "1,234", "13800138000"],
      ["合计", "", "1281", ""],
      ["", "", "", ""],
    ];
    const check = checkGrid(grid, await hints());
    expect(check.kind).toBe("monthly");
    expect(check.headerRow).toBe(1);
    expect(check.dataRows).toBe(3);
    expect(check.skipped).toBe(1);
    expect(check.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "备注x", "unknown_column"],
      [3, "失业人员实现再就业人数", "not_number"],
      [4, "失业人员实现再就业人数", "negative"],
      [5, "备注x", "personal_number"],
    ]);
  });

  it("runs the server's unit, month and plan-period rules with the server's own words", async () => {
    const data = JSON.parse(/id="page-data">(.*?)<\/script>/s.exec((await html("/upload", "town")).text)![1]);
    const rules = { units: data.units, own: data.unit, ...data.rules };
    const grid = [
      ["单位", "报告月份", "失业人员实现再就业人数", "备注"],
      ["盈浦街道", "2020-06", "10", "汛期"],
      ["盈浦", "2022-10", "10", ""],
      ["朱家角镇", "2022-08", "10", ""],
      ["青浦某镇", "2022/8", "10", ""],
      ["310118002", "2022年8月", "10", ""],
    ];
    const check = checkGrid(grid, data.hints, rules);
    expect(check.problems.map((p) => [p.row, p.col, p.code])).toEqual([
      [null, null, "other_unit"],
      [2, 1, "month_not_in_plan"],
      [3, 1, "future_month"],
      [5, 0, "unknown_unit"],
    ]);
    const [other, outside, future, unknown] = check.problems;
    expect(other.zh).toBe("只能报送本单位（盈浦街道）的数据，文件中含有其他单位：朱家角镇。整份文件未入库。");
    expect(outside.zh).toBe(
      "报告月份 2020-06 不在任何目标计划的期间内（含期间前一个月的基期：2021-01–2022-12），不能接收。",
    );
    expect(future.zh).toBe("报告月份 2022-10 晚于当前月份 2022-09，不能报送未来月份的数据。");
    expect(unknown.en).toBe(
      'The unit "青浦某镇" is not in the unit registry. Give the unit\'s code (e.g. 310118002) or name (e.g. 盈浦街道 or Yingpu Subdistrict).',
    );
    // the same file from an administrator: any unit may be named
    expect(checkGrid(grid, data.hints, { ...rules, own: null }).problems.map((p) => p.code)).toEqual([
      "month_not_in_plan",
      "future_month",
      "unknown_unit",
    ]);
  });

  it("says when there is no header or no data", async () => {
    const h = await hints();
    expect(
      checkGrid(
        [
          ["a", "b"],
          ["1", "2"],
        ],
        h,
      ).problems.map((p) => p.code),
    ).toEqual(["no_header"]);
    expect(checkGrid([["单位", "报告月份"]], h).problems.map((p) => p.code)).toEqual(["no_rows"]);
  });

  it("reads counts as Excel writes them, and spots ID and phone numbers", () => {
    expect(readNumber("１２３")).toEqual({ blank: false, number: 123 });
    expect(readNumber(" 1,234 ")).toEqual({ blank: false, number: 1234 });
    expect(readNumber("")).toEqual({ blank: true });
    expect(readNumber("约50")).toEqual({ blank: false, number: null });
    expect(looksLikePersonal("110101199003074514")).toBe("resident_id");
    expect(looksLikePersonal("电话：138 0013 8000")).toBe("mobile");
    expect(looksLikePersonal("310118102")).toBeNull();
    expect(looksLikePersonal("393848")).toBeNull();
  });
});
