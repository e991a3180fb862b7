/**
 * Listening: starts the app on a host and port, writes `<db>.server.json` so the command line on
 * this machine can reach the running server, makes the scheduler's folders (inbox, outbox,
 * backups) and starts the scheduler (server/schedule/), prints the address and the folders, and
 * on SIGINT or SIGTERM stops taking requests, stops the scheduler, lets the requests and jobs in
 * flight finish, writes the last summaries of anonymous refusals, removes the server file and
 * closes the warehouse. Those summaries are also written every 15 seconds once their minute is
 * over, so the audit trail is never more than a little behind.
 *
 * This is where every accepted write meets its consequences: an upload, a file a source
 * delivered, an ingest or restore the command line handed over all end in `dataChanged`, which
 * refreshes v_progress (server/progressRefresher.ts) and asks for a dashboard rebuild.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Lang } from "../core/lang.ts";
import type { Plan } from "../metrics/plan.ts";
import { createApp, flushAnonymousAudit } from "./app.ts";
import { type ProgressRefresher, progressRefresher } from "./progressRefresher.ts";
import { loadScheduleConfig } from "./schedule/scheduleConfig.ts";
import { createScheduler, type Scheduler } from "./schedule/scheduler.ts";
import { ensureSchedulerFolders } from "./schedule/schedulerFolders.ts";
import type { AppOptions, ServerData } from "./serverContext.ts";
import { newLocalKey, removeServerFile, writeServerFile } from "./serverFile.ts";

/** This machine only: serving further is a choice (`--host`). */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 3000;
/** Requests in flight at shutdown get this long to finish. */
const GRACE_MS = 5000;

interface ServeOptions {
  /** Defaults to DEFAULT_HOST (this machine only). */
  host?: string;
  /** Defaults to DEFAULT_PORT; 0 picks a free port. */
  port?: number;
  /** The built dashboard folder. */
  siteDir?: string | null;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** Further app options (limits, proxy trust, the command line's dispatcher for POST /api/cli). */
  app?: Omit<AppOptions, "siteDir" | "localKey">;
  /** Whether SIGINT and SIGTERM stop the server; defaults to true. */
  handleSignals?: boolean;
  /** The language of what the server prints; defaults to zh. */
  lang?: Lang;
  /** Where the server says what it is doing; defaults to stdout. */
  say?: (line: string) => void;
  /** Requests in flight get this long to finish at shutdown; defaults to GRACE_MS. */
  graceMs?: number;
  /**
   * The scheduler (sources, dashboard rebuild, reminders, nightly backup); false turns it off.
   * Defaults to on for a database file, with `jobtrack.schedule.json` beside it when present.
   */
  schedule?: ScheduleServeOptions | false;
}

interface ScheduleServeOptions {
  /** The scheduler's JSON or YAML config; defaults to jobtrack.schedule.json/.yaml beside the database. */
  configFile?: string | null;
  /** Rebuilds the dashboard after accepted ingests (debounced); defaults to none. */
  rebuild?: (() => Promise<unknown>) | null;
}

export interface RunningServer {
  /** The address to open in a browser. */
  url: string;
  server: Server;
  /** Resolves once the server has stopped and the warehouse is closed. */
  closed: Promise<void>;
  /** The running scheduler; null when it is off. */
  scheduler: Scheduler | null;
  /** The refresher of v_progress after accepted writes (`idle()` waits for it). */
  progress: ProgressRefresher;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  // a server on every interface is reached from this machine through loopback
  const shown = host === "0.0.0.0" || host === "" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

export async function startServer(ctx: ServerData, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const graceMs = options.graceMs ?? GRACE_MS;
  const zh = options.lang !== "en";
  const key = newLocalKey();
  const clock = options.clock ?? (() => new Date());
  const log = options.app?.log ?? ((line: string) => console.error(line));
  const fileBacked = ctx.db.path !== ":memory:";
  const progress = progressRefresher({ db: ctx.db, plans: ctx.plans, clock, log });
  const scheduleOptions = options.schedule === false ? null : (options.schedule ?? {});
  // a mistake in the scheduler's config stops the start, before anything listens
  const scheduler =
    scheduleOptions && (fileBacked || scheduleOptions.configFile)
      ? createScheduler({
          config: loadScheduleConfig({
            configFile: scheduleOptions.configFile,
            dbPath: ctx.db.path,
            units: ctx.units,
            dueDay: latestDueDay(ctx.plans),
            maxBytes: options.app?.uploadLimitBytes,
          }),
          env: { db: ctx.db, units: ctx.units, plans: ctx.plans, clock, log },
          rebuild: scheduleOptions.rebuild ?? null,
          onDataChanged: () => progress.request(),
        })
      : null;
  const folders = scheduler ? ensureSchedulerFolders(scheduler.config) : null;
  const app = createApp({
    db: ctx.db,
    units: ctx.units,
    plans: ctx.plans,
    clock,
    options: {
      ...options.app,
      siteDir: options.siteDir ?? null,
      localKey: key,
      scheduler,
      onDataChanged: () => {
        progress.request();
        options.app?.onDataChanged?.();
        scheduler?.rebuildSoon();
      },
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host);
    s.once("listening", () => resolve(s));
    s.once("error", reject);
  });
  const summaries = setInterval(() => {
    flushAnonymousAudit(app).catch((error) =>
      log(`jobtrack server: could not record refusals: ${String(error)}`),
    );
  }, 15_000);
  summaries.unref();
  const address = server.address() as AddressInfo;
  const url = urlOf(host, address.port);
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
      await scheduler?.stop();
      await stopped;
      await progress.idle();
      clearTimeout(timer);
      clearInterval(summaries);
      await flushAnonymousAudit(app, true).catch((error) =>
        log(`jobtrack server: could not record refusals: ${String(error)}`),
      );
      await ctx.db.close();
      resolveClosed();
    })();
    return closing;
  };
  scheduler?.start();
  // a database upgraded to v_progress, or one whose rows were never written, gets them now
  const [{ n }] = await ctx.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM progress");
  if (n === 0) progress.request();
  say(zh ? `服务已启动：${url}（按 Ctrl+C 停止）` : `Serving at ${url} (Ctrl+C to stop)`);
  if (scheduler) {
    const file = scheduler.config.file;
    const names = {
      ingest: ["收件", "sources"],
      reminders: ["催报提醒", "reminders"],
      backup: ["夜间备份", "backup"],
    };
    const jobs = scheduler.ticks().map((t) => names[t.job as keyof typeof names][zh ? 0 : 1]);
    const list = jobs.length ? jobs.join(zh ? "、" : ", ") : zh ? "无定时任务" : "no timed jobs";
    say(
      zh
        ? `计划任务（${file ? `配置 ${file}` : "默认设置"}）：${list}。`
        : `Scheduler (${file ? `config ${file}` : "defaults"}): ${list}.`,
    );
  }
  if (folders) {
    const made = (path: string) =>
      folders.created.some((p) => p === path || p.startsWith(`${path}/`)) ? (zh ? "（新建）" : " (new)") : "";
    if (folders.inbox) {
      say(
        zh
          ? `收件夹：${folders.inbox}${made(folders.inbox)}，每个单位一个子文件夹（以单位代码命名），放入的月报将自动导入。`
          : `Inbox: ${folders.inbox}${made(folders.inbox)}, a folder per unit (named by its code); reports put there are loaded.`,
      );
    }
    const others = folders.sources.filter((path) => !folders.inbox || !path.startsWith(`${folders.inbox}/`));
    if (others.length) say(`${zh ? "收件来源文件夹：" : "Source folders: "}${others.join(zh ? "、" : ", ")}`);
    say(
      zh
        ? `催报发件夹：${folders.outbox}${made(folders.outbox)}；备份：${folders.backups}${made(folders.backups)}`
        : `Reminders outbox: ${folders.outbox}${made(folders.outbox)}; backups: ${folders.backups}${made(folders.backups)}`,
    );
  }
  if (options.handleSignals ?? true) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  return { url, server, closed, close, scheduler, progress };
}

/** The due day of the plan that began last; undefined without plans (the scheduler's default applies). */
export function latestDueDay(plans: readonly Plan[]): number | undefined {
  const latest = [...plans].sort((a, b) => (a.period.first < b.period.first ? 1 : -1))[0];
  return latest?.dueDay;
}
