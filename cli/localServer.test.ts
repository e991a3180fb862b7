import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { type AppFixture, appFixture, hasStackTrace } from "../server/appFixture.ts";
import { startServer } from "../server/main.ts";
import { LOCAL_KEY_HEADER } from "../server/routes/cli.ts";
import { serverFilePath } from "../server/serverFile.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { token } from "./commands/token.ts";
import type { CliIO } from "./io.ts";
import { runHosted } from "./jobtrack.ts";
import { findLocalServer, forwardToServer } from "./localServer.ts";

let f: AppFixture | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await f?.db.close();
  f = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "jobtrack-local-"));
  dirs.push(d);
  return d;
}

describe("POST /api/cli", () => {
  const KEY = "k".repeat(43);

  it("an unexpected failure is a 500 with a generic message: no stack, no paths, no internals", async () => {
    const logged: string[] = [];
    f = await appFixture({
      localKey: KEY,
      log: (m) => logged.push(m),
      runCli: async () => {
        throw new Error("boom in /srv/jobtrack/secret/thing.ts:12");
      },
    });
    const res = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, KEY)
      .send({ argv: ["x"], cwd: "/" });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: "internal", message: expect.any(String) } });
    expect(res.text).not.toContain("boom");
    expect(hasStackTrace(res.text)).toBe(false);
    expect(logged.join("\n")).toContain("boom");
  });

  it("is refused without the local key or with a wrong one", async () => {
    f = await appFixture({ localKey: KEY, runCli: runHosted });
    const none = await request(f.app)
      .post("/api/cli")
      .send({ argv: ["--help"], cwd: "/" });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe("local_only");
    const wrong = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, "x".repeat(43))
      .send({ argv: ["--help"], cwd: "/" });
    expect(wrong.status).toBe(403);
    const proxied = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, KEY)
      .set("X-Forwarded-For", "203.0.113.9")
      .send({ argv: ["--help"], cwd: "/" });
    expect(proxied.status).toBe(403);
    const bearer = await request(f.app)
      .post("/api/cli")
      .set("Authorization", f.bearer("admin"))
      .send({ argv: ["--help"], cwd: "/" });
    expect(bearer.status).toBe(403);
  });

  it("does not exist when the server has no local key", async () => {
    f = await appFixture();
    const res = await request(f.app)
      .post("/api/cli")
      .set("Authorization", f.bearer("admin"))
      .send({ argv: ["--help"], cwd: "/" });
    expect(res.status).toBe(404);
  });

  it("with the key runs the command on the server's own database and returns its exit code and output", async () => {
    f = await appFixture({ localKey: KEY, runCli: runHosted });
    const res = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, KEY)
      .send({ argv: ["sql", "SELECT count(*) AS n FROM v_units", "--format", "json"], cwd: tmpdir() });
    expect(res.status).toBe(200);
    expect(res.body.exitCode).toBe(0);
    expect(JSON.parse(res.body.stdout).rows).toEqual([[15]]);
    expect(res.body.stderr).toBe("");
    const usage = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, KEY)
      .send({ argv: ["no-such-command"], cwd: tmpdir() });
    expect(usage.body.exitCode).toBe(2);
    expect(usage.body.stderr).toContain("no-such-command");
    const bad = await request(f.app)
      .post("/api/cli")
      .set(LOCAL_KEY_HEADER, KEY)
      .send({ argv: "sql", cwd: "relative" });
    expect(bad.status).toBe(400);
  });
});

function capture(hosted?: AppFixture): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    now: () => new Date("2022-09-15T02:00:00Z"),
    env: {},
    cwd: tmpdir(),
    hosted: hosted ? { db: hosted.db, units: hosted.units, plans: hosted.plans } : undefined,
  };
  return { io, out, err };
}

describe("jobtrack token", () => {
  it("create prints the token alone on its last line, and it works against the server", async () => {
    f = await appFixture();
    const { io, out } = capture(f);
    const code = await token.run({
      positionals: ["create"],
      flags: { role: "analyst", label: "数据分析" },
      lang: "zh",
      format: undefined,
      io,
    });
    expect(code).toBe(0);
    const lines = out.join("").trimEnd().split("\n");
    const secret = lines[lines.length - 1];
    expect(secret).toMatch(/^jt_[A-Za-z0-9_-]{43}$/);
    const res = await request(f.app).get("/api/schema").set("Authorization", `Bearer ${secret}`);
    expect(res.status).toBe(200);
  });

  it("create --format json gives { token, role, unit }; a town needs a known unit", async () => {
    f = await appFixture();
    const json = capture(f);
    await token.run({
      positionals: ["create"],
      flags: { role: "town", unit: "310118104" },
      lang: "en",
      format: "json",
      io: json.io,
    });
    expect(JSON.parse(json.out.join(""))).toMatchObject({
      role: "town",
      unit: "310118104",
      token: expect.stringMatching(/^jt_/),
    });
    const missing = capture(f);
    await expect(
      token.run({
        positionals: ["create"],
        flags: { role: "town" },
        lang: "en",
        format: undefined,
        io: missing.io,
      }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      token.run({
        positionals: ["create"],
        flags: { role: "town", unit: "000" },
        lang: "en",
        format: undefined,
        io: missing.io,
      }),
    ).rejects.toThrow(/no unit 000/);
  });

  it("list shows no secrets and revoke ends a token", async () => {
    f = await appFixture();
    const list = capture(f);
    await token.run({ positionals: ["list"], flags: {}, lang: "en", format: "json", io: list.io });
    const tokens = JSON.parse(list.out.join(""));
    expect(tokens.length).toBe(5);
    expect(list.out.join("")).not.toContain("jt_");
    const revoke = capture(f);
    expect(
      await token.run({
        positionals: ["revoke", String(f.ids.viewer)],
        flags: {},
        lang: "en",
        format: undefined,
        io: revoke.io,
      }),
    ).toBe(0);
    expect(revoke.out.join("")).toContain(`Token #${f.ids.viewer} is revoked`);
    expect((await request(f.app).get("/api/report").set("Authorization", f.bearer("viewer"))).status).toBe(
      401,
    );
    await expect(
      token.run({ positionals: ["revoke", "999"], flags: {}, lang: "en", format: undefined, io: revoke.io }),
    ).rejects.toMatchObject({ exitCode: 1 });
  });
});

describe("the command line beside a running server", () => {
  it("serve writes <db>.server.json (0600); findLocalServer finds it; forwardToServer runs a command there; shutdown removes it", async () => {
    const dir = tempDir();
    const path = join(dir, "jobtrack.duckdb");
    const db = await Warehouse.open({ path });
    const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
    await syncRegistry(db, units);
    const lines: string[] = [];
    const running = await startServer(
      { db, units, plans: [] },
      { port: 0, handleSignals: false, say: (l) => lines.push(l), app: { runCli: runHosted } },
    );
    try {
      expect(lines.join("\n")).toContain(running.url);
      const file = serverFilePath(path);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const content = JSON.parse(readFileSync(file, "utf8"));
      expect(content).toMatchObject({ pid: process.pid, url: running.url });
      const found = await findLocalServer(path);
      expect(found).toEqual({ url: running.url, key: content.key });
      const run = await forwardToServer(
        found!,
        ["sql", "SELECT count(*) AS n FROM v_units", "--format", "json"],
        dir,
      );
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.stdout).rows).toEqual([[15]]);
      await expect(
        forwardToServer({ url: running.url, key: "wrong" }, ["--help"], dir),
      ).rejects.toMatchObject({ exitCode: 1 });
    } finally {
      await running.close();
    }
    expect(existsSync(serverFilePath(path))).toBe(false);
    await running.closed;
    // the warehouse is closed: the file can be opened again
    const again = await Warehouse.open({ path });
    await again.close();
  });

  it("a server file whose process is gone is stale and removed", async () => {
    const dir = tempDir();
    const path = join(dir, "jobtrack.duckdb");
    writeFileSync(
      serverFilePath(path),
      JSON.stringify({ pid: 2 ** 22 + 12345, url: "http://127.0.0.1:1", key: "x" }),
    );
    expect(await findLocalServer(path)).toBeNull();
    expect(existsSync(serverFilePath(path))).toBe(false);
    expect(await findLocalServer(join(dir, "none.duckdb"))).toBeNull();
  });
});
