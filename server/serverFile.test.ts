import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeServerFile } from "./serverFile.ts";

const mode = (path: string) => statSync(path).mode & 0o777;

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

describe("the server file", () => {
  it("the server's hand-off file is 0600, even over a file left readable by others", () => {
    dir = mkdtempSync(join(tmpdir(), "jobtrack-perm-"));
    const path = join(dir, "jobtrack.duckdb");
    writeFileSync(`${path}.server.json`, "{}", { mode: 0o644 });
    writeServerFile(path, { pid: process.pid, url: "http://127.0.0.1:1", key: "k" });
    expect(mode(`${path}.server.json`)).toBe(0o600);
  });
});
