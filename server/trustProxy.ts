/**
 * Which proxies the server believes about the client's address and scheme (Express's "trust
 * proxy"), from `serve --trust-proxy` or JOBTRACK_TRUST_PROXY. By default nobody is believed:
 * the client is the socket's peer, and X-Forwarded-For / -Proto / -Host are ignored, since any
 * client could send them. Behind a reverse proxy, name the proxy: `loopback` (on this machine),
 * its addresses or subnets (`10.0.0.5`, `10.0.0.0/24`, comma-separated), or the number of proxies
 * in front (`1`). "Trust everyone" (`true`) is refused: anyone reaching the port directly could
 * then choose their own address and escape the limits on failed sign-ins.
 */
import express from "express";

type TrustProxy = false | number | string;

export class TrustProxyError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(en);
    this.zh = zh;
    this.en = en;
  }
}

/** The setting named by `text`; throws TrustProxyError for a value that names no proxy. */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? "").trim();
  if (value === "" || value === "false" || value === "off" || value === "0") return false;
  if (value === "true" || value === "all" || value === "*") {
    throw new TrustProxyError(
      `--trust-proxy 不能是 ${value}：那样任何客户端都能自称任意地址。请写代理的地址（如 loopback、10.0.0.5、10.0.0.0/24）或代理的层数（如 1）。`,
      `--trust-proxy cannot be ${value}: any client could then claim any address. Name the proxy's address (e.g. loopback, 10.0.0.5, 10.0.0.0/24) or the number of proxies (e.g. 1).`,
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) {
      throw new TrustProxyError(
        "--trust-proxy 的代理层数须为 1 到 10。",
        "--trust-proxy as a number of proxies must be from 1 to 10.",
      );
    }
    return hops;
  }
  const list = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .join(",");
  try {
    // Express compiles the list (proxy-addr) and refuses what is not an address, subnet or name
    express().set("trust proxy", list);
  } catch {
    throw new TrustProxyError(
      `--trust-proxy 的值无法识别：${value}。请写 loopback、IP 地址或子网（逗号分隔），或代理层数。`,
      `--trust-proxy is not understood: ${value}. Give loopback, IP addresses or subnets (comma-separated), or a number of proxies.`,
    );
  }
  return list;
}
