import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, hasStackTrace } from "./appFixture.ts";
import { hashSecret } from "./tokens.ts";

let f: AppFixture | null = null;
afterEach(async () => {
  await f?.db.close();
  f = null;
});

function sessionCookie(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const cookie = cookies.find((c) => c.startsWith("jt_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

async function login(fx: AppFixture, role: "viewer" | "admin" | "town" = "admin"): Promise<string> {
  const res = await request(fx.app).post("/login").send({ token: fx.tokens[role] });
  expect(res.status).toBe(200);
  return sessionCookie(res).split(";")[0];
}

describe("login", () => {
  it("GET /login is a plain form, Chinese first with an English version", async () => {
    f = await appFixture();
    const zh = await request(f.app).get("/login");
    expect(zh.status).toBe(200);
    expect(zh.type).toBe("text/html");
    expect(zh.text).toContain('<form method="post" action="/login"');
    expect(zh.text).toContain("访问令牌");
    expect(zh.text).not.toContain("<script");
    const en = await request(f.app).get("/login?lang=en");
    expect(en.text).toContain("Access token");
  });

  it("POST /login (JSON) sets an HttpOnly, SameSite=Strict session cookie, not Secure over http", async () => {
    f = await appFixture();
    const res = await request(f.app).post("/login").send({ token: f.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, role: "viewer" });
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const page = await request(f.app).get("/api/submissions").set("Cookie", cookie.split(";")[0]);
    expect(page.status).toBe(200);
  });

  it("the cookie is Secure when the request came over https (behind a trusted proxy)", async () => {
    f = await appFixture({ trustProxy: true });
    const res = await request(f.app)
      .post("/login")
      .set("X-Forwarded-Proto", "https")
      .send({ token: f.tokens.viewer });
    expect(sessionCookie(res)).toMatch(/Secure/i);
  });

  it("a form login redirects to the page asked for, and never to another site", async () => {
    f = await appFixture();
    const res = await request(f.app)
      .post("/login")
      .type("form")
      .set("Accept", "text/html")
      .send({ token: f.tokens.viewer, next: "/?unit=310118002" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe("/?unit=310118002");
    const evil = await request(f.app)
      .post("/login")
      .type("form")
      .set("Accept", "text/html")
      .send({ token: f.tokens.viewer, next: "//evil.example" });
    expect(evil.headers.location).toBe("/");
  });

  it("a failed login is 401 (JSON) or the form again with a message (HTML), and is audited without the token", async () => {
    f = await appFixture();
    const bad = "jt_wrongwrongwrongwrongwrongwrongwrongwrong12";
    const json = await request(f.app).post("/login").send({ token: bad });
    expect(json.status).toBe(401);
    expect(json.body.error.code).toBe("bad_token");
    const html = await request(f.app)
      .post("/login")
      .type("form")
      .set("Accept", "text/html")
      .send({ token: bad });
    expect(html.status).toBe(401);
    expect(html.text).toContain("访问令牌无效");
    const rows = await f.db.query<{ result: string; text: string }>(
      "SELECT result, (actor IS NULL)::VARCHAR || coalesce(target, '') || detail::VARCHAR AS text FROM audit WHERE action = 'login'",
    );
    expect(rows.map((r) => r.result)).toEqual(["failure", "failure"]);
    for (const r of rows) expect(r.text).not.toContain(bad);
  });

  it("after too many failures an address gets 429 with a zh/en message, even with the right token", async () => {
    f = await appFixture({ login: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      expect(
        (await request(f.app).post("/login").send({ token: "jt_nopenopenopenopenopenope" })).status,
      ).toBe(401);
    }
    const zh = await request(f.app).post("/login").send({ token: f.tokens.admin });
    expect(zh.status).toBe(429);
    expect(zh.body.error.code).toBe("too_many_attempts");
    expect(zh.body.error.message).toContain("登录失败次数过多");
    expect(zh.headers["retry-after"]).toBeDefined();
    const en = await request(f.app).post("/login?lang=en").send({ token: f.tokens.admin });
    expect(en.body.error.message).toContain("Too many failed sign-ins");
    const bearer = await request(f.app).get("/api/tokens").set("Authorization", f.bearer("admin"));
    expect(bearer.status).toBe(429);
    f.setNow(new Date(Date.parse("2022-09-15T02:00:00Z") + 61_000));
    expect((await request(f.app).post("/login").send({ token: f.tokens.admin })).status).toBe(200);
    const refused = await f.db.query(
      "SELECT * FROM audit WHERE result = 'refused' AND (detail->>'code') = 'too_many_attempts'",
    );
    expect(refused.length).toBeGreaterThan(0);
  });

  it("logout ends the session and clears the cookie", async () => {
    f = await appFixture();
    const cookie = await login(f, "viewer");
    const out = await request(f.app).post("/logout").set("Cookie", cookie).set("Origin", "http://127.0.0.1");
    expect(out.status).toBe(403);
    const host = "jobtrack.test";
    const ok = await request(f.app)
      .post("/logout")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Origin", `http://${host}`);
    expect(ok.status).toBe(200);
    expect(sessionCookie(ok)).toMatch(/jt_session=;/);
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(401);
    const audit = await f.db.query("SELECT * FROM audit WHERE action = 'logout' AND result = 'ok'");
    expect(audit.length).toBe(1);
  });

  it("a revoked token no longer works, nor do its sessions", async () => {
    f = await appFixture();
    const cookie = await login(f, "viewer");
    // both are in use (and remembered between requests) before the revocation
    expect(
      (await request(f.app).get("/api/submissions").set("Authorization", f.bearer("viewer"))).status,
    ).toBe(200);
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(200);
    const del = await request(f.app)
      .delete(`/api/tokens/${f.ids.viewer}`)
      .set("Authorization", f.bearer("admin"));
    expect(del.status).toBe(200);
    expect(del.body.revoked_at).not.toBeNull();
    expect(
      (await request(f.app).get("/api/submissions").set("Authorization", f.bearer("viewer"))).status,
    ).toBe(401);
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(401);
  });

  it("sessions expire", async () => {
    f = await appFixture({ sessionTtlMs: 60_000 });
    const cookie = await login(f, "viewer");
    f.setNow(new Date(Date.parse("2022-09-15T02:00:00Z") + 59_000));
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(200);
    f.setNow(new Date(Date.parse("2022-09-15T02:00:00Z") + 61_000));
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(401);
  });
});

describe("cross-site requests", () => {
  const host = "jobtrack.test";

  it("a cookie-authenticated POST without Origin or Referer is 403", async () => {
    f = await appFixture();
    const cookie = await login(f);
    const res = await request(f.app)
      .post("/api/tokens")
      .set("Host", host)
      .set("Cookie", cookie)
      .send({ role: "viewer" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("cross_site");
  });

  it("a cookie-authenticated POST from a foreign Origin is 403", async () => {
    f = await appFixture();
    const cookie = await login(f);
    const res = await request(f.app)
      .post("/api/tokens")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Origin", "https://evil.example")
      .send({ role: "viewer" });
    expect(res.status).toBe(403);
    const del = await request(f.app)
      .delete("/api/tokens/1")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Referer", "https://evil.example/x");
    expect(del.status).toBe(403);
  });

  it("a cookie-authenticated POST from this site's Origin (or Referer) goes through", async () => {
    f = await appFixture();
    const cookie = await login(f);
    const res = await request(f.app)
      .post("/api/tokens")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Origin", `http://${host}`)
      .send({ role: "viewer" });
    expect(res.status).toBe(201);
    const ref = await request(f.app)
      .post("/api/tokens")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Referer", `http://${host}/tokens`)
      .send({ role: "viewer" });
    expect(ref.status).toBe(201);
  });

  it("a Bearer POST needs no Origin", async () => {
    f = await appFixture();
    const res = await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "analyst", label: "分析员" });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^jt_[A-Za-z0-9_-]{43}$/);
  });

  it("a login posted from another site is refused", async () => {
    f = await appFixture();
    const res = await request(f.app)
      .post("/login")
      .set("Host", host)
      .set("Origin", "https://evil.example")
      .send({ token: f.tokens.admin });
    expect(res.status).toBe(403);
  });
});

describe("tokens", () => {
  it("are stored only as sha256 hashes; the plain token appears nowhere in the database", async () => {
    f = await appFixture();
    const res = await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "town", unit: "310118003", label: "香花桥" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: "town", unit: "310118003", label: "香花桥" });
    const plain = res.body.token as string;
    for (const table of ["tokens", "audit", "sessions"]) {
      const rows = await f.db.query(`SELECT * FROM ${table}`);
      expect(JSON.stringify(rows)).not.toContain(plain);
    }
    const [row] = await f.db.query<{ hash: string }>("SELECT hash FROM tokens WHERE token_id = $id", {
      id: res.body.token_id,
    });
    expect(row.hash).toBe(hashSecret(plain));
    const audit = await f.db.query("SELECT * FROM audit WHERE action = 'token.create' AND target = $id", {
      id: String(res.body.token_id),
    });
    expect(audit.length).toBe(1);
    const list = await request(f.app).get("/api/tokens").set("Authorization", f.bearer("admin"));
    expect(JSON.stringify(list.body)).not.toContain(plain);
    expect(JSON.stringify(list.body)).not.toContain(row.hash);
  });

  it("a town token needs a known unit; errors are 422 with zh/en messages", async () => {
    f = await appFixture();
    const none = await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "town" });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("unit_required");
    const unknown = await request(f.app)
      .post("/api/tokens?lang=en")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "town", unit: "999" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain("no unit 999");
    const role = await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "root" });
    expect(role.body.error.code).toBe("bad_role");
    expect(hasStackTrace(role.text)).toBe(false);
  });

  it("GET /api/audit pages the trail newest first", async () => {
    f = await appFixture();
    await request(f.app)
      .post("/api/tokens")
      .set("Authorization", f.bearer("admin"))
      .send({ role: "viewer", label: "a" });
    await request(f.app).post("/login").send({ token: "jt_nopenopenopenopenopenope" });
    const page = await request(f.app).get("/api/audit?limit=2").set("Authorization", f.bearer("admin"));
    expect(page.status).toBe(200);
    expect(page.body.limit).toBe(2);
    expect(page.body.entries.length).toBe(2);
    expect(page.body.entries[0]).toMatchObject({ action: "login", result: "failure" });
    expect(page.body.total).toBeGreaterThan(2);
    const next = await request(f.app)
      .get("/api/audit?limit=2&offset=2")
      .set("Authorization", f.bearer("admin"));
    expect(next.body.entries[0].action).toBe("token.create");
    const creates = await request(f.app)
      .get("/api/audit?action=token.create")
      .set("Authorization", f.bearer("admin"));
    expect(creates.body.entries.every((e: { action: string }) => e.action === "token.create")).toBe(true);
  });

  it("DELETE of an unknown token is 404", async () => {
    f = await appFixture();
    const res = await request(f.app).delete("/api/tokens/4242").set("Authorization", f.bearer("admin"));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("no_such_token");
  });
});

describe("the dashboard", () => {
  it("before it is built, / says so in Chinese and English", async () => {
    f = await appFixture();
    const res = await request(f.app).get("/").set("Authorization", f.bearer("viewer"));
    expect(res.status).toBe(503);
    expect(res.text).toContain("看板尚未生成");
    const en = await request(f.app).get("/?lang=en").set("Authorization", f.bearer("viewer"));
    expect(en.text).toContain("has not been built");
  });

  it("serves the built site to the signed-in and sends a browser that is not to the login page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-site-"));
    try {
      writeFileSync(join(dir, "index.html"), "<!doctype html><title>看板</title>");
      writeFileSync(join(dir, "upload.html"), "<!doctype html><title>上传</title>");
      f = await appFixture({ siteDir: dir });
      const res = await request(f.app).get("/").set("Authorization", f.bearer("viewer"));
      expect(res.status).toBe(200);
      expect(res.text).toContain("看板");
      const browser = await request(f.app).get("/").set("Accept", "text/html");
      expect(browser.status).toBe(303);
      expect(browser.headers.location).toBe("/login?next=%2F");
      expect((await request(f.app).get("/upload").set("Authorization", f.bearer("viewer"))).status).toBe(403);
      expect((await request(f.app).get("/upload").set("Authorization", f.bearer("town"))).status).toBe(200);
      expect((await request(f.app).get("/index.html")).status).toBe(401);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
