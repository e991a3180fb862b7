/**
 * Every route has its role check. The test walks the app's router (nested routers included),
 * finds each route's guard (requireRole or another handler marked with ROLE_GUARD, on the route
 * or mounted before it in its router), and fails for any route without one besides the health
 * check and signing in and out. It then asks every guarded route without credentials and expects
 * a refusal, and checks that docs/security.md names every route.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../test/paths.ts";
import { type AppFixture, appFixture } from "./appFixture.ts";
import { type GuardedBy, guardOf } from "./auth.ts";

interface Layer {
  name: string;
  handle: ((...args: unknown[]) => unknown) & { stack?: Layer[] };
  route?: { path: string | string[]; methods: Record<string, boolean>; stack: Layer[] };
}

interface FoundRoute {
  method: string;
  path: string;
  guard: GuardedBy | null;
}

/** Routes with the guard in force for each, and the middleware that runs with no guard before it. */
function walk(stack: Layer[], inherited: GuardedBy | null, routes: FoundRoute[], unguarded: string[]): void {
  let guard = inherited;
  for (const layer of stack) {
    if (layer.route) {
      const own = layer.route.stack.map((l) => guardOf(l.handle)).find((g) => g !== null) ?? null;
      for (const method of Object.keys(layer.route.methods))
        for (const path of ([] as string[]).concat(layer.route.path))
          routes.push({ method: method.toUpperCase(), path, guard: own ?? guard });
    } else if (Array.isArray(layer.handle.stack)) {
      walk(layer.handle.stack, guard, routes, unguarded);
    } else if (guardOf(layer.handle)) {
      guard = guardOf(layer.handle);
    } else if (!guard) {
      unguarded.push(layer.name);
    }
  }
}

/** Open to anyone: the health check for monitors, and signing in and out. */
const OPEN = ["GET /healthz", "GET /login", "POST /login", "GET /logout", "POST /logout"];

/** Middleware that runs for every request and never answers with data (headers, who is asking, refusals, 404). */
const PLUMBING = ["securityHeaders", "authenticate", "csrfGuard", "notFound", "handleError"];

let f: AppFixture;
const routes: FoundRoute[] = [];
const unguarded: string[] = [];

beforeAll(async () => {
  // the command line's dispatcher is handed in by the command line; every call here is refused before it
  const runCli = async () => ({ exitCode: 0, wroteData: false });
  f = await appFixture({ localKey: "local-key", siteDir: join(REPO_ROOT, "fixtures"), runCli });
  walk((f.app as unknown as { router: { stack: Layer[] } }).router.stack, null, routes, unguarded);
});
afterAll(async () => {
  await f.db.close();
});

const name = (r: FoundRoute) => `${r.method} ${r.path}`;

describe("role guards", () => {
  it("the walk finds the app's routes", () => {
    const names = routes.map(name);
    for (const expected of [
      "POST /api/submissions",
      "GET /api/report",
      "POST /api/sql",
      "DELETE /api/tokens/:id",
      "GET /api/audit",
      "POST /api/cli",
      "GET /assets/portal/:file",
      "GET /",
      ...OPEN,
    ])
      expect(names).toContain(expected);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("every route but the health check and signing in and out has a role guard", () => {
    const missing = routes.filter((r) => r.guard === null && !OPEN.includes(name(r))).map(name);
    expect(missing).toEqual([]);
    // and the open ones are really open: the list above stays true
    expect(routes.filter((r) => OPEN.includes(name(r))).map((r) => [name(r), r.guard])).toEqual(
      OPEN.map((n) => [n, null]),
    );
  });

  it("no middleware that could answer runs before a guard, besides the app's plumbing", () => {
    expect(unguarded).toEqual(PLUMBING);
  });

  it("every guarded route, asked without credentials, refuses", async () => {
    const answers: string[] = [];
    for (const route of routes.filter((r) => r.guard !== null)) {
      const path = route.path.replace(":id", "1").replace(":file", "portal.js");
      const method = route.method.toLowerCase() as "get" | "post" | "delete";
      const res = await request(f.app)[method](path).set("Accept", "application/json");
      const refused =
        res.status === 401 ||
        (res.status === 303 && String(res.headers.location).startsWith("/login")) ||
        (route.guard === "local" && res.status === 403);
      if (!refused) answers.push(`${name(route)} → ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it("docs/security.md names every route", () => {
    const doc = readFileSync(join(REPO_ROOT, "docs", "security.md"), "utf8");
    const missing = routes
      .map((r) => ({ ...r, path: r.path.startsWith("/assets/vendor/") ? "/assets/vendor/…" : r.path }))
      .filter((r) => !r.path.endsWith(".html"))
      .filter((r) => !doc.includes(`${r.method} ${r.path}`))
      .map(name);
    expect([...new Set(missing)]).toEqual([]);
  });
});
