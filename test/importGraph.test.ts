/**
 * The shape of the house, checked on every import: the folders form one chain, core ← warehouse ←
 * etl ← metrics ← dashboard ← server ← cli, and a folder imports only folders to its left (and
 * itself). core/ imports nothing of the project; nothing imports cli/ but the executable (bin/) and
 * the benchmark, which drive the product from outside as a shell does; no two folders import each
 * other, even through a third; and inside etl/ no two of its parts do. The folders outside the
 * chain (fixtures/, bench/, test/, scripts/) are imported by nothing in it except test files, which
 * may also use the test helpers beside them.
 *
 * Every import form counts: `import`, `import type`, `export … from` and `import("…")`, as the
 * TypeScript compiler's own pre-processor finds them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const CHAIN = ["core", "warehouse", "etl", "metrics", "dashboard", "server", "cli"] as const;
const OUTSIDE = new Set(["fixtures", "bench", "test", "scripts", "bin"]);
/** The drivers that may run the command line's own modules. */
const CLI_DRIVERS = new Set(["bin", "bench"]);
const SKIPPED = new Set(["node_modules", "dist", "data", ".git", ".tmp", "test-output"]);
const SOURCE = /\.(ts|js|mjs)$/;
const TEST_FILE = /\.test\.ts$/;

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir = ""): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Every import specifier of a file, as written. */
function specifiersOf(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true)
    .importedFiles.map((f) => f.fileName);
}

/** Every relative import of a file, as repository paths. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((spec) => spec.startsWith("."))
    .map((spec) =>
      relative(ROOT, normalize(join(ROOT, dirname(file), spec)))
        .split(sep)
        .join("/"),
    );
}

const folderOf = (path: string) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : ".");
const chainIndex = (folder: string) => (CHAIN as readonly string[]).indexOf(folder);

/** The part of etl/ a file belongs to: its subfolder, or etl itself for the files at its top. */
function etlPartOf(path: string): string {
  const parts = path.split("/");
  return parts.length > 2 ? `etl/${parts[1]}` : "etl";
}

/** The groups of nodes that reach each other (Tarjan), those of two or more. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (from === to) continue;
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(to);
    if (!next.has(to)) next.set(to, new Set());
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Why an import breaks the shape, or null when it keeps it. */
function refusal(from: string, to: string, isTest: boolean): string | null {
  const a = folderOf(from);
  const b = folderOf(to);
  if (a === b) return null;
  if (b === "cli" && !CLI_DRIVERS.has(a)) return "nothing imports cli/";
  if (a === "core") return "core/ imports nothing of the project";
  if (chainIndex(a) < 0) return null;
  if (chainIndex(b) >= 0) return chainIndex(b) < chainIndex(a) ? null : `${b}/ is not to the left of ${a}/`;
  if (isTest && (b === "fixtures" || b === "test")) return null;
  return OUTSIDE.has(b)
    ? `${a}/ is in the chain and ${b}/ is outside it`
    : `${b} is no folder of the project`;
}

const files = sourceFiles();
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

/**
 * Test files, and the helpers only tests use (fixtures of a folder, captured IO, test data): a
 * file joins them when every file that imports it is one of them.
 */
function testSide(): Set<string> {
  const side = new Set(files.filter((f) => TEST_FILE.test(f)));
  const importers = new Map<string, string[]>();
  for (const e of edges) importers.set(e.to, [...(importers.get(e.to) ?? []), e.from]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [file, by] of importers) {
      if (!side.has(file) && by.every((f) => side.has(f))) {
        side.add(file);
        grew = true;
      }
    }
  }
  return side;
}

const tests = testSide();
const shipped = edges.filter((e) => !tests.has(e.from));

describe("the import graph", () => {
  it("reads every source file of the chain", () => {
    for (const folder of CHAIN) expect(files.some((f) => folderOf(f) === folder)).toBe(true);
    expect(shipped.length).toBeGreaterThan(500);
  });

  it("no import runs against the chain core ← warehouse ← etl ← metrics ← dashboard ← server ← cli", () => {
    const against = edges
      .map((e) => ({ ...e, why: refusal(e.from, e.to, tests.has(e.from)) }))
      .filter((e) => e.why !== null)
      .map((e) => `${e.from} → ${e.to}: ${e.why}`);
    expect(against).toEqual([]);
  });

  it("core/ imports nothing of the project", () => {
    const core = edges.filter((e) => folderOf(e.from) === "core" && folderOf(e.to) !== "core");
    expect(core).toEqual([]);
  });

  it("nothing but bin/ and bench/ imports cli/", () => {
    const users = edges.filter(
      (e) => folderOf(e.to) === "cli" && !["cli", ...CLI_DRIVERS].includes(folderOf(e.from)),
    );
    expect(users).toEqual([]);
  });

  it("no two folders import each other, even through others", () => {
    expect(cycles(shipped.map((e) => ({ from: folderOf(e.from), to: folderOf(e.to) })))).toEqual([]);
  });

  it("no two parts of etl/ import each other, even through others", () => {
    const inside = shipped.filter((e) => folderOf(e.from) === "etl" && folderOf(e.to) === "etl");
    expect(cycles(inside.map((e) => ({ from: etlPartOf(e.from), to: etlPartOf(e.to) })))).toEqual([]);
  });

  it("warehouse/ is the only folder that imports DuckDB (the benchmark's baselines aside)", () => {
    const duckdb = files
      .filter((f) => !tests.has(f) && folderOf(f) !== "warehouse" && folderOf(f) !== "bench")
      .filter((f) => specifiersOf(f).some((spec) => spec.startsWith("@duckdb/")));
    expect(duckdb).toEqual([]);
  });

  it("finds what it is meant to find", () => {
    expect(refusal("warehouse/db.ts", "etl/ingest.ts", false)).toBe("etl/ is not to the left of warehouse/");
    expect(refusal("core/lang.ts", "warehouse/db.ts", false)).toBe("core/ imports nothing of the project");
    expect(refusal("server/main.ts", "cli/context.ts", false)).toBe("nothing imports cli/");
    expect(refusal("metrics/report.ts", "fixtures/demo.ts", false)).toBe(
      "metrics/ is in the chain and fixtures/ is outside it",
    );
    expect(refusal("metrics/report.test.ts", "fixtures/demo.ts", true)).toBeNull();
    expect(refusal("cli/context.ts", "metrics/plan.ts", false)).toBeNull();
    expect(
      cycles([
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "c", to: "a" },
        { from: "c", to: "d" },
      ]),
    ).toEqual([["a", "b", "c"]]);
  });
});
