/**
 * docs/contract.md §7: a browser asking for a page (outside /api/, preferring HTML) gets 401, 403 and 404
 * as pages in the site's frame with a way back; API clients keep the JSON errors. `GET /logout`
 * is a page with the sign-out button, never raw JSON; `GET /api/whoami` says who is signed in.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, hasStackTrace } from "./appFixture.ts";

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.db.close();
});

const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** The page's nav items and the text of its main part. */
function page(html: string) {
  const nav = [...html.matchAll(/<nav class="site-nav"[^>]*>(.*?)<\/nav>/gs)].flatMap((m) =>
    [...m[1].matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((a) => `${a[2]} ${a[1]}`),
  );
  const main = /<main[^>]*>(.*?)<\/main>/s.exec(html)?.[1] ?? "";
  return { nav, main, text: main.replace(/<[^>]+>/g, "") };
}

describe("refusals as pages for a browser, JSON for the API", () => {
  it("404: an unknown address, signed in, is a page with the way to the dashboard; JSON for an API client", async () => {
    const res = await request(f.app)
      .get("/nowhere")
      .set("Accept", BROWSER)
      .set("Authorization", f.bearer("viewer"));
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const p = page(res.text);
    expect(p.text).toContain("找不到此页面");
    expect(p.text).toContain("没有这个地址：/nowhere。");
    expect(p.main).toContain('<a class="button" href="/">返回看板</a>');
    expect(p.nav).toEqual([
      "看板 /",
      "预警 /alerts.html",
      "报送情况 /status.html",
      "政策资金 /funds.html",
      "简报 /brief.html",
    ]);
    expect(res.text).toContain('<span class="who">test viewer · 浏览</span>');
    expect(res.text).toContain('<form class="logout" method="post" action="/logout">');
    const api = await request(f.app)
      .get("/nowhere")
      .set("Accept", "application/json")
      .set("Authorization", f.bearer("viewer"));
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ error: { code: "not_found", message: "没有这个地址。" } });
    const apiPath = await request(f.app)
      .get("/api/nowhere")
      .set("Accept", BROWSER)
      .set("Authorization", f.bearer("viewer"));
    expect(apiPath.status).toBe(404);
    expect(apiPath.headers["content-type"]).toMatch(/application\/json/);
  });

  it("403: a town opening the SQL console sees its role and the pages it may use; JSON for an API client", async () => {
    const res = await request(f.app)
      .get("/sql")
      .set("Accept", BROWSER)
      .set("Authorization", f.bearer("town"));
    expect(res.status).toBe(403);
    const p = page(res.text);
    expect(p.text).toContain("无权访问");
    expect(p.text).toContain("当前登录的角色（街镇报送）无权打开此页面。");
    expect(p.main).toContain('href="/">返回看板</a>');
    expect(p.nav).toEqual([
      "看板 /",
      "预警 /alerts.html",
      "报送情况 /status.html",
      "政策资金 /funds.html",
      "简报 /brief.html",
      "上传 /upload",
    ]);
    expect(res.text).toContain('<span class="who">test town · 街镇报送 · 盈浦街道</span>');
    const en = await request(f.app)
      .get("/sql?lang=en")
      .set("Accept", BROWSER)
      .set("Authorization", f.bearer("town"));
    expect(page(en.text).text).toContain("Your role (town) may not open this page.");
    const api = await request(f.app)
      .get("/sql")
      .set("Accept", "application/json")
      .set("Authorization", f.bearer("town"));
    expect(api.status).toBe(403);
    expect(api.body.error.code).toBe("forbidden");
  });

  it("401: an asset asked for without signing in is a page with the way to sign in and back", async () => {
    const res = await request(f.app).get("/assets/site.css?v=1").set("Accept", BROWSER);
    expect(res.status).toBe(401);
    const p = page(res.text);
    expect(p.text).toContain("需要登录");
    expect(p.main).toContain('<a class="button" href="/login?next=%2Fassets%2Fsite.css%3Fv%3D1">登录</a>');
    expect(p.nav).toEqual([]);
    // the stylesheet comes inline: /assets/ is closed to anyone not signed in
    expect(res.text).toContain("<style>/* jobtrack */");
    expect(res.text).not.toContain('<link rel="stylesheet"');
    const api = await request(f.app).get("/assets/site.css").set("Accept", "application/json");
    expect(api.status).toBe(401);
    expect(api.body.error.code).toBe("unauthorized");
  });

  it("no refusal page carries a stack trace or an internal code", async () => {
    for (const [path, role] of [
      ["/nowhere", "viewer"],
      ["/admin", "analyst"],
      ["/assets/app.js", null],
    ] as const) {
      const test = request(f.app).get(path).set("Accept", BROWSER);
      const res = role ? await test.set("Authorization", f.bearer(role)) : await test;
      const { text } = page(res.text);
      expect(hasStackTrace(text), path).toBe(false);
      expect(text, path).not.toMatch(/not_found|forbidden|unauthorized/);
    }
  });
});

describe("signing out and who is signed in", () => {
  it("GET /logout in a browser is a page with the sign-out button, not JSON", async () => {
    const res = await request(f.app)
      .get("/logout")
      .set("Accept", BROWSER)
      .set("Authorization", f.bearer("admin"));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const p = page(res.text);
    expect(p.text).toContain("当前登录：test admin · 管理员。");
    expect(p.main).toContain(
      '<form method="post" action="/logout" class="ways"><button type="submit">退出</button>',
    );
    const anonymous = await request(f.app).get("/logout?lang=en").set("Accept", BROWSER);
    expect(anonymous.status).toBe(200);
    expect(page(anonymous.text).text).toContain("You are not signed in.");
    expect(page(anonymous.text).main).toContain('<a class="button" href="/login?lang=en">Sign in</a>');
  });

  it("GET /logout for an API client is 405, naming POST", async () => {
    const res = await request(f.app).get("/logout").set("Accept", "application/json");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(res.body).toEqual({
      error: { code: "method_not_allowed", message: "退出登录请用 POST /logout。" },
    });
  });

  it("GET /api/whoami gives the role, its words, the label and a town's unit", async () => {
    const town = await request(f.app).get("/api/whoami").set("Authorization", f.bearer("town"));
    expect(town.body).toEqual({
      role: "town",
      role_name: { zh: "街镇报送", en: "town" },
      label: "test town",
      unit: "310118002",
      unit_name: { zh: "盈浦街道", en: "Yingpu Subdistrict" },
    });
    const analyst = await request(f.app).get("/api/whoami").set("Authorization", f.bearer("analyst"));
    expect(analyst.body).toMatchObject({ role: "analyst", unit: null, unit_name: null });
    expect((await request(f.app).get("/api/whoami")).status).toBe(401);
  });
});
