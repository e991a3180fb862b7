import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, hasStackTrace, type TestRole, YINGPU_AUGUST } from "./appFixture.ts";

interface RouteCase {
  name: string;
  call: (app: AppFixture["app"], auth: string | null) => request.Test;
  allowed: TestRole[];
}

const withAuth = (test: request.Test, auth: string | null) => (auth ? test.set("Authorization", auth) : test);

const ROUTES: RouteCase[] = [
  {
    name: "GET /api/submissions",
    call: (app, a) => withAuth(request(app).get("/api/submissions"), a),
    allowed: ["viewer", "town", "analyst", "admin"],
  },
  {
    name: "GET /api/report",
    call: (app, a) => withAuth(request(app).get("/api/report?asOf=2022-08"), a),
    allowed: ["viewer", "town", "analyst", "admin"],
  },
  {
    name: "POST /api/sql",
    call: (app, a) => withAuth(request(app).post("/api/sql").send({ sql: "SELECT 1 AS x" }), a),
    allowed: ["analyst", "admin"],
  },
  {
    name: "GET /api/schema",
    call: (app, a) => withAuth(request(app).get("/api/schema"), a),
    allowed: ["analyst", "admin"],
  },
  {
    name: "GET /api/sql/history",
    call: (app, a) => withAuth(request(app).get("/api/sql/history"), a),
    allowed: ["analyst", "admin"],
  },
  {
    name: "POST /api/tokens",
    call: (app, a) => withAuth(request(app).post("/api/tokens").send({ role: "viewer", label: "table" }), a),
    allowed: ["admin"],
  },
  {
    name: "GET /api/tokens",
    call: (app, a) => withAuth(request(app).get("/api/tokens"), a),
    allowed: ["admin"],
  },
  {
    name: "DELETE /api/tokens/999",
    call: (app, a) => withAuth(request(app).delete("/api/tokens/999"), a),
    allowed: ["admin"],
  },
  {
    name: "GET /api/audit",
    call: (app, a) => withAuth(request(app).get("/api/audit"), a),
    allowed: ["admin"],
  },
  {
    name: "GET /api/template",
    call: (app, a) => withAuth(request(app).get("/api/template?month=2022-08"), a),
    allowed: ["town", "analyst", "admin"],
  },
  {
    name: "POST /api/submissions",
    call: (app, a) => withAuth(request(app).post("/api/submissions").type("text/csv").send(YINGPU_AUGUST), a),
    allowed: ["town", "admin"],
  },
];

const ROLES: TestRole[] = ["viewer", "town", "analyst", "admin"];

describe("every route × role", () => {
  let f: AppFixture;
  beforeAll(async () => {
    // the made-up token below, sent once per route, would otherwise reach the limits on failed credentials
    f = await appFixture({ failures: { perAddress: 1000, perCredential: 1000 } });
  });
  afterAll(async () => {
    await f.db.close();
  });

  it("GET /healthz answers anyone with { ok: true }", async () => {
    const res = await request(f.app).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  for (const route of ROUTES) {
    it(`${route.name} without credentials is 401 with a JSON error`, async () => {
      const res = await route.call(f.app, null);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      expect(typeof res.body.error.message).toBe("string");
      expect(hasStackTrace(res.text)).toBe(false);
    });
    it(`${route.name} with a made-up token is 401`, async () => {
      const res = await route.call(f.app, "Bearer jt_thisIsNotARealTokenAtAllxxxxxxxxxxxxxxxx");
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("bad_token");
    });
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} as ${role} is ${allowed ? "allowed" : "403"}`, async () => {
        const res = await route.call(f.app, f.bearer(role));
        if (allowed) {
          expect([401, 403]).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe("forbidden");
        }
        expect(hasStackTrace(res.text)).toBe(false);
      });
    }
  }

  it("an unknown API address is a JSON 404, in the request's language", async () => {
    const zh = await request(f.app).get("/api/nothing-here").set("Authorization", f.bearer("viewer"));
    expect(zh.status).toBe(404);
    expect(zh.body).toEqual({ error: { code: "not_found", message: "没有这个地址。" } });
    const en = await request(f.app).get("/api/nothing-here?lang=en").set("Authorization", f.bearer("viewer"));
    expect(en.body.error.message).toBe("No such address.");
    const accept = await request(f.app)
      .get("/api/nothing-here")
      .set("Authorization", f.bearer("viewer"))
      .set("Accept-Language", "en-US,en;q=0.9");
    expect(accept.body.error.message).toBe("No such address.");
  });

  it("refusals are recorded in the audit trail", async () => {
    await request(f.app).get("/api/audit").set("Authorization", f.bearer("viewer"));
    const rows = await f.db.query<{ action: string; result: string; role: string; detail: string }>(
      "SELECT action, result, role, detail::VARCHAR AS detail FROM audit WHERE action = 'request' AND role = 'viewer'",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.result === "refused")).toBe(true);
    expect(rows.some((r) => JSON.parse(r.detail).status === 403)).toBe(true);
  });

  it("security headers are on every response and X-Powered-By on none", async () => {
    for (const res of [
      await request(f.app).get("/healthz"),
      await request(f.app).get("/api/none"),
      await request(f.app).get("/login"),
    ]) {
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("same-origin");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });
});
