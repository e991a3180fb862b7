import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSite } from "./writeSite.ts";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "jobtrack-site-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("writeSite", () => {
  it("writes text and bytes under nested folders", () => {
    const out = join(root, "dist");
    writeSite(
      new Map<string, string | Uint8Array>([
        ["index.html", "<p>首页</p>"],
        ["en/metric/a.html", "a"],
        ["assets/x.bin", new Uint8Array([1, 2, 3])],
      ]),
      out,
    );
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>首页</p>");
    expect(readFileSync(join(out, "en/metric/a.html"), "utf8")).toBe("a");
    expect([...readFileSync(join(out, "assets/x.bin"))]).toEqual([1, 2, 3]);
  });

  it("replaces the previous site as a whole and leaves no temporary folders", () => {
    const out = join(root, "dist");
    mkdirSync(join(out, "unit"), { recursive: true });
    writeFileSync(join(out, "unit", "gone.html"), "old");
    writeSite(new Map([["index.html", "new"]]), out);
    expect(existsSync(join(out, "unit", "gone.html"))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new");
    expect(readdirSync(root)).toEqual(["dist"]);
  });

  it("refuses a path that leaves the output folder, and keeps the old site", () => {
    const out = join(root, "dist");
    writeSite(new Map([["index.html", "old"]]), out);
    expect(() => writeSite(new Map([["../escape.html", "x"]]), out)).toThrow(/refusing/);
    expect(() => writeSite(new Map([["/abs.html", "x"]]), out)).toThrow(/refusing/);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("old");
    expect(readdirSync(root)).toEqual(["dist"]);
  });
});
