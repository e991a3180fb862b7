import { describe, expect, it } from "vitest";
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
});
