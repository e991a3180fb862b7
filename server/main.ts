/**
 * Listening: starts the app on a host and port, writes `<db>.server.json` so the command line on
 * this machine can reach the running server, prints the address, and on SIGINT or SIGTERM stops
 * taking requests, lets the ones in flight finish, removes the server file and closes the
 * warehouse.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "../cli/context.ts";
import type { Lang } from "../etl/finding.ts";
import { createApp } from "./app.ts";
import { newLocalKey, removeServerFile, writeServerFile } from "./localServer.ts";
import type { AppOptions } from "./serverContext.ts";

export interface ServeOptions {
  /** Defaults to 127.0.0.1 (this machine only). */
  host?: string;
  /** Defaults to 3000; 0 picks a free port. */
  port?: number;
  /** The built dashboard folder. */
  siteDir?: string | null;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** Further app options (limits, proxy trust). */
  app?: Omit<AppOptions, "siteDir" | "localKey">;
  /** Whether SIGINT and SIGTERM stop the server; defaults to true. */
  handleSignals?: boolean;
  /** The language of what the server prints; defaults to zh. */
  lang?: Lang;
  /** Where the server says what it is doing; defaults to stdout. */
  say?: (line: string) => void;
  /** Requests in flight get this long to finish at shutdown; defaults to 5 s. */
  graceMs?: number;
}

export interface RunningServer {
  /** The address to open in a browser. */
  url: string;
  server: Server;
  /** Resolves once the server has stopped and the warehouse is closed. */
  closed: Promise<void>;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  // a server on every interface is reached from this machine through loopback
  const shown = host === "0.0.0.0" || host === "" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

export async function startServer(ctx: Context, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1"; // defaults to this machine only
  const port = options.port ?? 3000; // defaults to 3000
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const graceMs = options.graceMs ?? 5000; // defaults to 5 s
  const zh = (options.lang ?? "zh") === "zh"; // defaults to Chinese
  const key = newLocalKey();
  const app = createApp({
    db: ctx.db,
    units: ctx.units,
    plans: ctx.plans,
    clock: options.clock ?? (() => new Date()),
    options: { ...options.app, siteDir: options.siteDir ?? null, localKey: key },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host);
    s.once("listening", () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const url = urlOf(host, address.port);
  const fileBacked = ctx.db.path !== ":memory:";
  if (fileBacked) writeServerFile(ctx.db.path, { pid: process.pid, url, key });

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    say(zh ? `收到 ${signal}，正在停止服务…` : `${signal} received, stopping…`);
    void close();
  };
  const close = (): Promise<void> => {
    if (closing) return closing;
    closing = (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (fileBacked) removeServerFile(ctx.db.path, key);
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await stopped;
      clearTimeout(timer);
      await ctx.db.close();
      resolveClosed();
    })();
    return closing;
  };
  say(zh ? `服务已启动：${url}（按 Ctrl+C 停止）` : `Serving at ${url} (Ctrl+C to stop)`);
  if (options.handleSignals ?? true) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  return { url, server, closed, close };
}
