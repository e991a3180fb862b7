import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { flushAnonymousAudit } from "./app.ts";
import { type AppFixture, appFixture, hasStackTrace, type TestRole } from "./appFixture.ts";
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
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    // without trust proxy the header is anyone's to send, and believed by nobody
    const direct = await appFixture();
    try {
      const plain = await request(direct.app)
        .post("/login")
        .set("X-Forwarded-Proto", "https")
        .send({ token: direct.tokens.viewer });
      expect(sessionCookie(plain)).not.toMatch(/Secure/i);
      expect(plain.headers["strict-transport-security"]).toBeUndefined();
    } finally {
      await direct.db.close();
    }
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

  it("a form login that asked for no page lands on the role's own work", async () => {
    f = await appFixture();
    const form = await request(f.app).get("/login").set("Accept", "text/html");
    expect(form.text).toContain('<input type="hidden" name="next" value="">');
    const landing: [TestRole, string, string][] = [
      ["town", "/upload", "/upload?lang=en"],
      ["analyst", "/sql", "/sql?lang=en"],
      ["admin", "/admin", "/admin?lang=en"],
      ["viewer", "/", "/en/"],
    ];
    for (const [role, zh, en] of landing) {
      const post = (lang: string) =>
        request(f!.app)
          .post(`/login${lang}`)
          .type("form")
          .set("Accept", "text/html")
          .send({ token: f!.tokens[role], next: "" });
      expect((await post("")).headers.location, role).toBe(zh);
      expect((await post("?lang=en")).headers.location, role).toBe(en);
    }
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
    // both failures come from one address within a minute: one row, which counts them
    expect(await f.db.query("SELECT * FROM audit WHERE action = 'login'")).toEqual([]);
    await flushAnonymousAudit(f.app, true);
    const rows = await f.db.query<{ result: string; actor: string | null; text: string }>(
      "SELECT result, actor, coalesce(target, '') || detail::VARCHAR AS text FROM audit WHERE action = 'login'",
    );
    expect(rows.map((r) => [r.result, r.actor])).toEqual([["failure", null]]);
    expect(JSON.parse(rows[0].text)).toMatchObject({
      requests: 2,
      statuses: { "401": 2 },
      code: "bad_token",
      reason: "bad_token",
    });
    expect(rows[0].text).not.toContain(bad);
  });

  it("past the budget an address's wrong tokens get 429, while valid tokens and sessions from it still work", async () => {
    f = await appFixture({ failures: { perAddress: 3, perCredential: 100, windowMs: 60_000 } });
    const cookie = await login(f, "viewer");
    for (let i = 0; i < 3; i++) {
      const res = await request(f.app)
        .post("/login")
        .send({ token: `jt_guess${i}xxxxxxxxxxxxxxxxxxxx` });
      expect(res.status).toBe(401);
    }
    const zh = await request(f.app).post("/login").send({ token: "jt_guess3xxxxxxxxxxxxxxxxxxxx" });
    expect(zh.status).toBe(429);
    expect(zh.body.error.code).toBe("too_many_attempts");
    expect(zh.body.error.message).toContain("登录失败次数过多");
    expect(zh.body.error.message).toContain("有效的令牌不受影响");
    // the oldest of the last three failures leaves the 60 s window 60 s from now
    expect(zh.headers["retry-after"]).toBe("60");
    const en = await request(f.app).post("/login?lang=en").send({ token: "jt_guess4xxxxxxxxxxxxxxxxxxxx" });
    expect(en.status).toBe(429);
    expect(en.body.error.message).toContain("Too many failed sign-ins");
    const badBearer = await request(f.app).get("/api/report").set("Authorization", "Bearer jt_guess5xxxxxxx");
    expect(badBearer.status).toBe(429);
    expect(badBearer.headers["retry-after"]).toBe("60");

    // the same address, with valid credentials: never limited
    expect((await request(f.app).post("/login").send({ token: f.tokens.admin })).status).toBe(200);
    const bearer = await request(f.app).get("/api/tokens").set("Authorization", f.bearer("admin"));
    expect(bearer.status).toBe(200);
    expect((await request(f.app).get("/api/submissions").set("Cookie", cookie)).status).toBe(200);
    const html = await request(f.app)
      .post("/login")
      .type("form")
      .set("Accept", "text/html")
      .send({ token: f.tokens.viewer, next: "/" });
    expect(html.status).toBe(303);

    // a success clears nothing: the guesser behind the same address is still refused
    expect(
      (await request(f.app).post("/login").send({ token: "jt_guess6xxxxxxxxxxxxxxxxxxxx" })).status,
    ).toBe(429);
    // once the window has passed with no failures in it, a wrong token is an ordinary 401 again
    f.setNow(new Date(Date.parse("2022-09-15T02:00:00Z") + 61_000));
    expect(
      (await request(f.app).post("/login").send({ token: "jt_guess7xxxxxxxxxxxxxxxxxxxx" })).status,
    ).toBe(401);
  });

  it("a wrong token tried again and again is refused by its own count, whatever address it comes from", async () => {
    f = await appFixture({
      trustProxy: "loopback",
      failures: { perAddress: 100, perCredential: 2, windowMs: 60_000 },
    });
    const bad = "Bearer jt_revokedLongAgoxxxxxxxxxxxxxxxxxxxxxx";
    const from = (address: string, auth: string) =>
      request(f!.app).get("/api/report").set("X-Forwarded-For", address).set("Authorization", auth);
    expect((await from("198.51.100.1", bad)).status).toBe(401);
    expect((await from("198.51.100.2", bad)).status).toBe(401);
    const third = await from("198.51.100.3", bad);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("too_many_attempts");
    // another value from another address has its own count
    expect((await from("198.51.100.4", "Bearer jt_anotherWrongOnexxxxxxxxxxxxxxxxxxx")).status).toBe(401);
    expect((await from("198.51.100.3", f.bearer("viewer"))).status).toBe(200);
  });

  it("without trust proxy, X-Forwarded-For is ignored: every failure counts against the socket's address", async () => {
    f = await appFixture({ failures: { perAddress: 2, perCredential: 100, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (const [i, address] of ["203.0.113.1", "203.0.113.2", "203.0.113.3"].entries()) {
      const res = await request(f.app)
        .get("/api/report")
        .set("X-Forwarded-For", address)
        .set("Authorization", `Bearer jt_wrong${i}xxxxxxxxxxxxxxxxxx`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("behind a trusted proxy, each client address has its own budget", async () => {
    f = await appFixture({ trustProxy: "loopback", failures: { perAddress: 2, perCredential: 100 } });
    const wrong = (address: string, i: number) =>
      request(f!.app)
        .post("/login")
        .set("X-Forwarded-For", address)
        .send({ token: `jt_wrong${i}xxxxxxxxxxxxxxxxxxxxxx` });
    expect([(await wrong("203.0.113.9", 1)).status, (await wrong("203.0.113.9", 2)).status]).toEqual([
      401, 401,
    ]);
    expect((await wrong("203.0.113.9", 3)).status).toBe(429);
    expect((await wrong("198.51.100.7", 4)).status).toBe(401);
    // an IPv6 client is counted by its /64: another address in the same /64 shares the budget
    expect((await wrong("2001:db8:1:2::10", 5)).status).toBe(401);
    expect((await wrong("2001:db8:1:2:aaaa::1", 6)).status).toBe(401);
    expect((await wrong("2001:db8:1:2:ffff::2", 7)).status).toBe(429);
    expect((await wrong("2001:db8:1:3::10", 8)).status).toBe(401);
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

  it("the scheme and port count too: an http page may not post to the https site, nor another port", async () => {
    f = await appFixture({ trustProxy: "loopback" });
    const cookie = await login(f);
    const post = (origin: string, proto?: string) => {
      const test = request(f!.app)
        .post("/api/tokens")
        .set("Host", host)
        .set("Cookie", cookie)
        .set("Origin", origin);
      return (proto ? test.set("X-Forwarded-Proto", proto) : test).send({ role: "viewer" });
    };
    // the site is reached over http here: an https page of the same host is another origin
    const https = await post(`https://${host}`);
    expect(https.status).toBe(403);
    expect(https.body.error.code).toBe("cross_site");
    // behind the proxy that terminates https, the https page is this site, and a plain http one is not
    expect((await post(`https://${host}`, "https")).status).toBe(201);
    expect((await post(`http://${host}`, "https")).status).toBe(403);
    expect((await post(`http://${host}:8080`)).status).toBe(403);
    expect((await post(`http://${host}:80`)).status).toBe(201);
    const referer = await request(f.app)
      .delete("/api/tokens/1")
      .set("Host", host)
      .set("Cookie", cookie)
      .set("Referer", `https://${host}/audit`);
    expect(referer.status).toBe(403);
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
    // the failed sign-in's minute is over: reading the trail writes its summary first
    f.setNow(new Date(Date.parse("2022-09-15T02:01:00Z")));
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

describe("the audit of anonymous refusals", () => {
  it("3,000 requests without credentials from one address make one row per minute, with their count", async () => {
    f = await appFixture();
    const start = Date.parse("2022-09-15T02:00:00Z");
    for (let i = 0; i < 3000; i += 100) {
      f.setNow(new Date(start + i * 7)); // 3,000 requests over 21 s
      await Promise.all(Array.from({ length: 100 }, (_, j) => request(f!.app).get(`/api/report?n=${i + j}`)));
    }
    const anonymous = "SELECT * FROM audit WHERE actor IS NULL";
    expect(await f.db.query(anonymous)).toEqual([]);
    // the next refusal after the minute writes the summary and opens a new minute
    f.setNow(new Date(start + 60_000));
    await request(f.app).post("/login").send({ token: "jt_wrongxxxxxxxxxxxxxxxxxx" });
    const rows = await f.db.query<{ at: string; action: string; target: string; detail: string }>(
      `SELECT "at", action, target, detail::VARCHAR AS detail FROM audit WHERE actor IS NULL`,
    );
    expect(rows.length).toBe(1);
    expect(rows[0]).toMatchObject({
      at: "2022-09-15T02:00:00.000Z",
      action: "request",
      target: "GET /api/report",
    });
    expect(JSON.parse(rows[0].detail)).toEqual({
      status: 401,
      code: "unauthorized",
      ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/),
      requests: 3000,
      first: "2022-09-15T02:00:00.000Z",
      last: "2022-09-15T02:00:20.300Z",
      statuses: { "401": 3000 },
    });
    await flushAnonymousAudit(f.app, true);
    const login = await f.db.query<{ detail: string }>(
      "SELECT detail::VARCHAR AS detail FROM audit WHERE action = 'login'",
    );
    expect(login.map((r) => JSON.parse(r.detail).requests)).toEqual([1]);
  });

  it("addresses are summarised apart, and a signed-in caller's refusal is recorded at once", async () => {
    f = await appFixture({ trustProxy: "loopback" });
    for (const address of ["198.51.100.1", "198.51.100.1", "198.51.100.2"]) {
      await request(f.app).get("/api/submissions").set("X-Forwarded-For", address);
    }
    await request(f.app).get("/api/audit").set("Authorization", f.bearer("viewer"));
    const now = await f.db.query<{ role: string }>("SELECT role FROM audit WHERE action = 'request'");
    expect(now).toEqual([{ role: "viewer" }]);
    await flushAnonymousAudit(f.app, true);
    const rows = await f.db.query<{ ip: string; requests: number }>(
      "SELECT detail->>'ip' AS ip, (detail->>'requests')::INTEGER AS requests FROM audit WHERE role IS NULL ORDER BY ip",
    );
    expect(rows).toEqual([
      { ip: "198.51.100.1", requests: 2 },
      { ip: "198.51.100.2", requests: 1 },
    ]);
  });

  it("keeps the attacker's text short and escapes control and bidi characters", async () => {
    f = await appFixture({ trustProxy: "loopback" });
    const path = `/api/${"x".repeat(300)}`;
    await request(f.app).get(path);
    // a header may carry Latin-1 bytes: 0x9b is the one-byte CSI of a terminal escape sequence
    await request(f.app).get("/api/report").set("X-Forwarded-For", "\u009b2J\u009b31mADMIN\u00ad");
    await flushAnonymousAudit(f.app, true);
    const rows = await f.db.query<{ target: string; ip: string }>(
      "SELECT target, detail->>'ip' AS ip FROM audit WHERE action = 'request' ORDER BY target DESC",
    );
    expect(rows.length).toBe(2);
    expect(Array.from(rows[0].target).length).toBe(80);
    expect(rows[0].target).toBe(`GET /api/${"x".repeat(70)}…`);
    expect(rows[1]).toEqual({ target: "GET /api/report", ip: "\\x9b2J\\x9b31mADMIN\u00ad" });
  });
});
