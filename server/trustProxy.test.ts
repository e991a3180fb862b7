import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../cli/io.ts";
import { main } from "../cli/jobtrack.ts";
import { parseTrustProxy } from "./trustProxy.ts";

describe("the trust-proxy setting", () => {
  it("believes no proxy by default", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
  });

  it("takes proxy addresses, subnets and names, or a number of proxies", () => {
    expect(parseTrustProxy("loopback")).toBe("loopback");
    expect(parseTrustProxy(" 10.0.0.5 , 10.0.1.0/24 ")).toBe("10.0.0.5,10.0.1.0/24");
    expect(parseTrustProxy("::1")).toBe("::1");
    expect(parseTrustProxy("1")).toBe(1);
  });

  it("refuses to believe everyone, and values that name no proxy", () => {
    expect(() => parseTrustProxy("true")).toThrow(/any client could then claim any address/);
    expect(() => parseTrustProxy("10.0.0.999")).toThrow(/not understood/);
    expect(() => parseTrustProxy("proxy.example")).toThrow(/not understood/);
    expect(() => parseTrustProxy("99")).toThrow(/from 1 to 10/);
  });

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
