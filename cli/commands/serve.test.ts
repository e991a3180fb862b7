import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../io.ts";
import { main } from "../jobtrack.ts";

describe("jobtrack serve", () => {
  it("serve refuses a bad --trust-proxy or JOBTRACK_TRUST_PROXY as a usage error, before opening anything", async () => {
    const err: string[] = [];
    const io = (env: Record<string, string>): CliIO => ({
      stdout: () => {},
      stderr: (t) => err.push(t),
      stderrIsTTY: false,
      stdoutIsTTY: false,
      now: () => new Date(),
      env,
      cwd: resolve("."),
    });
    expect(await main(["serve", "--trust-proxy", "true", "--db", ":memory:"], io({}))).toBe(2);
    expect(err.join("")).toContain("--trust-proxy 不能是 true");
    expect(
      await main(["serve", "--lang", "en", "--db", ":memory:"], io({ JOBTRACK_TRUST_PROXY: "bogus" })),
    ).toBe(2);
    expect(err.join("")).toContain("--trust-proxy is not understood: bogus");
  });
});
