/**
 * No user-facing message shows a bare internal code (test/bareCodes.ts has the rule): not the
 * findings of any file the ingest refuses or warns about, not an HTTP error's message, not the
 * text of a page (the server's working pages, the built dashboard, the strings the pages' scripts
 * write), not the command line's output of its main commands — in Chinese and in English.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../dashboard/build.ts";
import { sampleInput } from "../dashboard/testdata/sampleInput.ts";
import { ingestFile } from "../etl/ingest.ts";
import { INPUT_CASES, INPUTS_CLOCK } from "../fixtures/inputCases.ts";
import { loadPlans } from "../metrics/loadPlans.ts";
import { planPeriods } from "../metrics/plan.ts";
import { type AppFixture, appFixture, type TestRole, YINGPU } from "../server/appFixture.ts";
import { checkGrid } from "../server/precheck/uploadChecks.ts";
import { bareCodes, codesInSource, contractWords } from "../test/bareCodes.ts";
import { REPO_ROOT } from "../test/paths.ts";
import { Warehouse } from "../warehouse/db.ts";
import { readRegistry, syncRegistry } from "../warehouse/registry.ts";
import { SAFE_TABLE_FUNCTIONS } from "../warehouse/sandboxPolicy.ts";
import { VIEW_DESCRIPTIONS } from "../warehouse/viewDescriptions.ts";
import { runCli } from "./testIO.ts";

const plans = loadPlans(join(REPO_ROOT, "metrics", "plans"));
const units = readRegistry(join(REPO_ROOT, "fixtures", "units.csv"));
const CONTRACT = contractWords({
  itemKeys: plans.flatMap((p) => p.catalogue.items.map((i) => i.key)),
  metricIds: plans.flatMap((p) => p.metrics.map((m) => m.id)),
  views: VIEW_DESCRIPTIONS,
  tableFunctions: SAFE_TABLE_FUNCTIONS,
  planIds: plans.map((p) => p.id),
});

interface Message {
  where: string;
  lang: "zh" | "en";
  text: string;
  /** What the person sent that the message quotes back (data, not the message's words). */
  echo?: readonly string[];
}

/** Every message that shows a bare code, as `where [lang]: code … in "text"`. */
function offenders(messages: readonly Message[]): string[] {
  return messages.flatMap((m) => {
    const text = (m.echo ?? []).reduce(
      (t, word) => t.replace(new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`, "g"), " "),
      m.text,
    );
    const found = bareCodes(text, m.lang, CONTRACT);
    return found.length ? [`${m.where} [${m.lang}]: ${found.join(", ")} in "${m.text.slice(0, 160)}"`] : [];
  });
}

/** The text a person reads on an HTML page: its text nodes and its titles, labels and placeholders; not code or data. */
function pageText(html: string): string {
  // a chart's own marks (grid, ticks, bars) are labelled by the plotting library; its title is the page's
  const page = html.replace(
    /<svg\b[\s\S]*?<\/svg>/g,
    (svg) => /<title>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? " ",
  );
  const attributes = [...page.matchAll(/\s(?:title|aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  const body = page
    .replace(/<(script|style|code|pre|kbd|samp)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return [body, ...attributes]
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ");
}

/** A page's text as messages, one per line, in the page's language. */
function pageMessages(where: string, html: string, echo: readonly string[] = []): Message[] {
  const lang = /<html lang="en"/.test(html) ? "en" : "zh";
  return pageText(html)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => ({ where, lang, text, echo }));
}

describe("the rule (test/bareCodes.ts)", () => {
  it("finds a lowercase code in Chinese and a snake_case code in either language", () => {
    expect(bareCodes("已退回 forbidden 只能报送本单位的数据", "zh", CONTRACT)).toEqual(["forbidden"]);
    expect(bareCodes("文件超过大小上限（too_large）", "zh", CONTRACT)).toEqual(["too_large"]);
    expect(bareCodes("Refused: bad_upload, other_unit.", "en", CONTRACT)).toEqual([
      "bad_upload",
      "other_unit",
    ]);
    expect(bareCodes("The file was refused; nothing of it was kept.", "en", CONTRACT)).toEqual([]);
  });

  it("lets pass what a person types or reads as data: the contract's words, quotes, paths and flags", () => {
    expect(bareCodes("请填写统计项的英文键（如 reemployed）或查询 v_facts", "zh", CONTRACT)).toEqual([]);
    expect(bareCodes("单位“nowhere”不在单位名录中", "zh", CONTRACT)).toEqual([]);
    expect(bareCodes("已写出模板：/tmp/jobtrack-monthly-template.csv", "zh", CONTRACT)).toEqual([]);
    expect(bareCodes("--month 须为月份，如 2022-08", "zh", CONTRACT)).toEqual([]);
    expect(bareCodes("访问令牌以 jt_ 开头，CSV 与 Excel 均可", "zh", CONTRACT)).toEqual([]);
  });

  it("no internal code is let through as a contract word, but the §8 values that are also codes", () => {
    const sources = ["core", "warehouse", "etl", "metrics", "dashboard", "server", "cli"].flatMap((dir) =>
      readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => readFileSync(join(REPO_ROOT, dir, f), "utf8")),
    );
    const codes = new Set(sources.flatMap(codesInSource));
    expect(codes.size).toBeGreaterThan(80);
    expect(codes).toContain("other_unit");
    expect(codes).toContain("too_large");
    // both codes and §8 values: a refused upload's error and a v_submissions status; a file with no
    // data rows and a target with nothing reported
    expect([...codes].filter((c) => CONTRACT.has(c)).sort()).toEqual(["no_data", "rejected"]);
  });
});

describe("findings of the ingest and the browser's precheck", () => {
  let db: Warehouse;
  beforeAll(async () => {
    db = await Warehouse.open({ path: ":memory:" });
    await syncRegistry(db, units);
  });
  afterAll(() => db.close());

  it("every refused or warned fixture input, and the refusals that record nothing", async () => {
    const messages: Message[] = [];
    for (const lang of ["zh", "en"] as const) {
      const ctx = { db, units, periods: planPeriods(plans), today: INPUTS_CLOCK, lang };
      const inputs = [
        ...(await Promise.all(INPUT_CASES.map(async (c) => ({ name: c.file, bytes: await c.bytes() })))),
        { name: "other.csv", bytes: Buffer.from("单位,报告月份,新增就业人数\n朱家角,2022-08,3\n") },
        {
          name: "ledger.csv",
          bytes: Buffer.from("单位,编号,类别,认定日期,就业日期\n盈浦,A1,未知,2022-13-01,\n"),
        },
        {
          name: "note.csv",
          bytes: Buffer.from(`单位,报告月份,新增就业人数,备注\n盈浦,2022-08,3,${"说".repeat(2001)}\n`),
        },
      ];
      for (const input of inputs) {
        const result = await ingestFile(
          ctx,
          {
            fileName: input.name,
            bytes: input.bytes,
            receivedAt: "2023-01-10T10:00:00+08:00",
            receivedBy: "t",
          },
          { onlyUnit: YINGPU, maxBytes: input.name === "implausible.csv" ? 10 : undefined },
        );
        for (const f of [...result.errors, ...result.warnings]) {
          messages.push({ where: `${input.name} ${f.code}`, lang: "zh", text: f.zh });
          messages.push({ where: `${input.name} ${f.code}`, lang: "en", text: f.en });
        }
      }
    }
    expect(messages.length).toBeGreaterThan(60);
    const grid = [
      ["单位", "报告月份", "新增就业人数", "核对人"],
      ["朱家角", "2020-01", "约5", "13800138000"],
      ["", "", "-1", ""],
      ["nowhere", "2030-01", "", ""],
    ];
    const periods = planPeriods(plans).map(({ first, last }) => ({ first, last }));
    const hints = {
      unit: ["单位"],
      month: ["报告月份"],
      indicator: [],
      value: [],
      note: [],
      numeric: ["新增就业人数"],
      ledger: [],
    };
    const check = checkGrid(grid, hints, { units, own: YINGPU, periods, currentMonth: "2022-09" });
    for (const p of [...check.problems, ...checkGrid([["x"]], hints).problems]) {
      messages.push({ where: `precheck ${p.code}`, lang: "zh", text: p.zh });
      messages.push({ where: `precheck ${p.code}`, lang: "en", text: p.en });
    }
    expect(offenders(messages)).toEqual([]);
  });
});

describe("HTTP error messages and the server's pages", () => {
  let f: AppFixture;
  beforeAll(async () => {
    f = await appFixture({ uploadLimitBytes: 64 * 1024 });
  });
  afterAll(() => f.db.close());

  const as = (role: TestRole | null, r: request.Test) => (role ? r.set("Authorization", f.bearer(role)) : r);

  /** A request that fails, and what of it the error message may quote back (the sender's own input). */
  interface Failing {
    where: string;
    role: TestRole | null;
    method?: "get" | "post" | "delete";
    path: string;
    body?: string | object;
    type?: string;
    echo?: string[];
  }

  const FAILING: Failing[] = [
    { where: "no credentials", role: null, path: "/api/report" },
    {
      where: "a role below",
      role: "viewer",
      method: "post",
      path: "/api/submissions",
      type: "text/csv",
      body: "x",
    },
    { where: "no such address", role: "viewer", path: "/api/nowhere" },
    { where: "no file", role: "town", method: "post", path: "/api/submissions" },
    {
      where: "over the limit",
      role: "town",
      method: "post",
      path: "/api/submissions",
      type: "text/csv",
      body: "x".repeat(70 * 1024),
    },
    {
      where: "another unit",
      role: "town",
      method: "post",
      path: "/api/submissions",
      type: "text/csv",
      body: "单位,报告月份,新增就业人数\n朱家角,2022-08,3\n",
    },
    {
      where: "refused file",
      role: "town",
      method: "post",
      path: "/api/submissions",
      type: "text/csv",
      body: "单位,报告月份,新增就业人数\n盈浦,2022-08,x\n",
    },
    { where: "bad page", role: "viewer", path: "/api/submissions?limit=0" },
    { where: "bad month", role: "viewer", path: "/api/report?asOf=2022-13", echo: ["asOf"] },
    { where: "bad day", role: "viewer", path: "/api/report?asReported=x", echo: ["x"] },
    { where: "unknown unit", role: "viewer", path: "/api/report?unit=x", echo: ["x"] },
    { where: "template kind", role: "town", path: "/api/template?kind=x" },
    { where: "template format", role: "town", path: "/api/template?format=x" },
    { where: "template month", role: "town", path: "/api/template?month=2020-01" },
    { where: "template future", role: "town", path: "/api/template?month=2022-12" },
    { where: "template other unit", role: "town", path: "/api/template?unit=310118102" },
    { where: "note body", role: "town", method: "post", path: "/api/notes", body: [] },
    {
      where: "note month",
      role: "town",
      method: "post",
      path: "/api/notes",
      body: { metric: "reemployed", month: "x", text: "a" },
    },
    {
      where: "note metric",
      role: "town",
      method: "post",
      path: "/api/notes",
      body: { metric: "x", month: "2022-08", text: "a" },
      echo: ["x"],
    },
    {
      where: "note empty",
      role: "town",
      method: "post",
      path: "/api/notes",
      body: { metric: "reemployed", month: "2022-08", text: " " },
    },
    {
      where: "note number",
      role: "town",
      method: "post",
      path: "/api/notes",
      body: { metric: "reemployed", month: "2022-08", text: "13800138000" },
    },
    {
      where: "note admin",
      role: "admin",
      method: "post",
      path: "/api/notes",
      body: { metric: "reemployed", month: "2022-08", text: "a" },
    },
    { where: "note filter", role: "viewer", path: "/api/notes?month=x" },
    { where: "bad json", role: "analyst", method: "post", path: "/api/sql", type: "json", body: "{" },
    { where: "no sql", role: "analyst", method: "post", path: "/api/sql", body: {} },
    {
      where: "not a view",
      role: "analyst",
      method: "post",
      path: "/api/sql",
      body: { sql: "SELECT * FROM facts" },
      echo: ["facts"],
    },
    {
      where: "two statements",
      role: "analyst",
      method: "post",
      path: "/api/sql",
      body: { sql: "SELECT 1; SELECT 2" },
    },
    {
      where: "not a select",
      role: "analyst",
      method: "post",
      path: "/api/sql",
      body: { sql: "DELETE FROM v_units" },
    },
    { where: "syntax", role: "analyst", method: "post", path: "/api/sql", body: { sql: "SELEC 1" } },
    {
      where: "no column",
      role: "analyst",
      method: "post",
      path: "/api/sql",
      body: { sql: "SELECT nope FROM v_units" },
      echo: ["nope"],
    },
    {
      where: "a file",
      role: "analyst",
      method: "post",
      path: "/api/sql",
      body: { sql: "SELECT * FROM read_csv('x.csv')" },
      echo: ["read_csv"],
    },
    {
      where: "sql format",
      role: "analyst",
      method: "post",
      path: "/api/sql?format=x",
      body: { sql: "SELECT 1" },
    },
    {
      where: "token role",
      role: "admin",
      method: "post",
      path: "/api/tokens",
      body: { role: "x" },
      echo: ["x"],
    },
    { where: "token unit", role: "admin", method: "post", path: "/api/tokens", body: { role: "town" } },
    { where: "token id", role: "admin", method: "delete", path: "/api/tokens/x" },
    { where: "bad sign-in", role: null, method: "post", path: "/login", body: { token: "jt_wrong" } },
  ];

  it("every error a request can meet, in both languages", async () => {
    const messages: Message[] = [];
    for (const c of FAILING) {
      for (const lang of ["zh", "en"] as const) {
        const path = `${c.path}${c.path.includes("?") ? "&" : "?"}lang=${lang}`;
        let req = request(f.app)[c.method ?? "get"](path);
        if (c.type) req = req.type(c.type);
        if (c.body !== undefined) req = req.send(c.body);
        const res = await as(c.role, req);
        expect(res.status, `${c.where} ${lang}`).toBeGreaterThanOrEqual(400);
        const body = res.body as { error?: { message?: string }; errors?: { zh: string; en: string }[] };
        expect(body.error?.message, `${c.where} ${lang}`).toBeTruthy();
        // DuckDB's own words are kept below the explanation, as DuckDB wrote them
        const text = (body.error?.message ?? "").split(/\n(?:DuckDB 原始信息：|DuckDB said: )/)[0];
        messages.push({ where: c.where, lang, text, echo: c.echo });
        for (const e of body.errors ?? [])
          messages.push({ where: c.where, lang, text: lang === "zh" ? e.zh : e.en, echo: c.echo });
      }
    }
    expect(offenders(messages)).toEqual([]);
  });

  it("the working pages, the refusal page and the sign-in page, for every role and both languages", async () => {
    const messages: Message[] = [];
    const pages: [TestRole | null, string][] = [
      [null, "/login"],
      ["town", "/upload"],
      ["admin", "/upload"],
      ["analyst", "/sql"],
      ["admin", "/audit"],
      ["admin", "/admin"],
      ["viewer", "/upload"],
      ["town", "/"],
    ];
    for (const [role, path] of pages) {
      for (const lang of ["zh", "en"]) {
        const res = await as(role, request(f.app).get(`${path}?lang=${lang}`).set("Accept", "text/html"));
        expect(res.type, `${path} ${lang}`).toBe("text/html");
        // the signed-in token's label ("test town") is the administrator's data
        messages.push(...pageMessages(`${role ?? "nobody"} ${path}`, res.text, ["test"]));
      }
    }
    expect(messages.length).toBeGreaterThan(100);
    expect(offenders(messages)).toEqual([]);
  });

  it("the strings the pages' scripts write (t(zh, en) in server/assets)", () => {
    const messages: Message[] = [];
    const dir = join(REPO_ROOT, "server", "assets");
    const literal = String.raw`("(?:[^"\\]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60)`;
    const pair = new RegExp(String.raw`\bt\(\s*${literal}\s*,\s*${literal}\s*\)`, "g");
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".js"))) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const m of source.matchAll(pair)) {
        // an interpolation stands for data; its code is not text on the page
        const text = (s: string) => s.slice(1, -1).replace(/\$\{[^}]*\}/g, " ");
        messages.push({ where: file, lang: "zh", text: text(m[1]) });
        messages.push({ where: file, lang: "en", text: text(m[2]) });
      }
    }
    expect(messages.length).toBeGreaterThan(200);
    expect(offenders(messages)).toEqual([]);
  });
});

describe("the built dashboard", () => {
  it("every page's text, in both languages", () => {
    const messages: Message[] = [];
    for (const [path, content] of buildSite(sampleInput())) {
      if (path.endsWith(".html")) messages.push(...pageMessages(path, content as string));
    }
    expect(offenders(messages)).toEqual([]);
  });
});

describe("the command line's main commands", () => {
  it("ingest, report, sql, template, token and usage errors say everything in words", async () => {
    // a file the runs share, as a user's would be; the command line takes --db as a path
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-bare-codes-"));
    const db = join(dir, "jobtrack.duckdb");
    const runs = [
      ["ingest", "--db", db, "fixtures/inputs/gbk-crlf.csv", "fixtures/inputs/many-problems.csv"],
      ["ingest", "--db", db, "nowhere.csv"],
      ["report", "--db", db, "--as-of", "2022-08"],
      ["report", "--db", db, "--as-of", "2030-01"],
      ["sql", "--db", db, "SELECT * FROM facts"],
      ["sql", "--db", db, "SELEC 1"],
      ["template", "--month", "2020-01"],
      ["template", "--kind", "x"],
      ["token", "create", "--db", db, "--role", "town"],
      ["token", "revoke", "--db", db, "x"],
      ["jobs", "--db", db],
      ["nonsense"],
    ];
    const messages: Message[] = [];
    for (const lang of ["zh", "en"] as const) {
      for (const argv of runs) {
        const { out, err } = await runCli([...argv, "--lang", lang]);
        for (const line of `${out}\n${err}`.split("\n")) {
          const text = line.split(/(?:DuckDB 原始信息：|DuckDB said: )/)[0].trim();
          // the sender's own words quoted back: an unknown command, a table that is not a view
          if (text)
            messages.push({ where: argv.slice(0, 2).join(" "), lang, text, echo: ["nonsense", "facts"] });
        }
      }
      // --help: each command's usage is what to type; its description is prose
      const help = await runCli(["--help", "--lang", lang]);
      for (const line of help.out.split("\n")) {
        const text = line
          .split(/\s{2,}/)
          .at(-1)
          ?.trim();
        if (text) messages.push({ where: "--help", lang, text });
      }
    }
    rmSync(dir, { recursive: true, force: true });
    expect(messages.length).toBeGreaterThan(100);
    expect(offenders(messages)).toEqual([]);
  }, 60_000);
});
