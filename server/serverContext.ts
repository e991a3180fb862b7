/**
 * What every router works with: the open warehouse, the unit registry, the plans, the clock, the
 * normalized options, the count of failed credentials, the summary of anonymous refusals and who
 * recent credentials stand for. Built once by createApp; nothing here is global.
 */
import type { Plan } from "../metrics/plan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { normalizeSandboxOptions, type SandboxLimits } from "../warehouse/sandbox.ts";
import { AnonymousAudit } from "./anonymousAudit.ts";
import { recordAudits } from "./audit.ts";
import { FailureLimiter, type FailureLimiterOptions } from "./failureLimiter.ts";
import { PrincipalCache } from "./principalCache.ts";
import type { Scheduler } from "./schedule/scheduler.ts";

/** What a server works on: the open warehouse, the unit registry and the plans. */
export interface ServerData {
  db: Warehouse;
  units: Unit[];
  plans: Plan[];
}

/** What a command run inside the server uses instead of opening the database itself. */
interface Hosted extends ServerData {
  scheduler: Scheduler | null;
}

/** A command line the server runs for the command line on this machine (POST /api/cli). */
export interface HostedCommand {
  argv: string[];
  /** The caller's working directory, against which relative paths in argv are read. */
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  hosted: Hosted;
}

export interface HostedOutcome {
  exitCode: number;
  /** Whether the command is one that writes data (an ingest, a restore), so what is derived from it is refreshed. */
  wroteData: boolean;
}

/** Runs a command line inside the server; the command line's own dispatcher, handed in by whoever starts the server. */
export type RunCli = (command: HostedCommand) => Promise<HostedOutcome>;

/** Uploads and request bodies: a monthly report is a few KB; a large town's workbook stays well below. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/** A sign-in lasts a working day. */
const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

export interface AppOptions {
  /** The built dashboard folder (index.html and its assets); without it `/` says it is not built yet. */
  siteDir?: string | null;
  /** Upload and request body limit in bytes; defaults to 10 MB. */
  uploadLimitBytes?: number;
  /** The SQL console's limits; warehouse/sandbox.ts holds their defaults (SANDBOX_DEFAULTS). */
  sqlTimeoutMs?: number;
  sqlMaxRows?: number;
  sqlMaxResultBytes?: number;
  /** How long a login lasts; defaults to 12 hours. */
  sessionTtlMs?: number;
  /** Failed credentials allowed per address and per presented value; default 10 and 5 per 15 minutes. */
  failures?: FailureLimiterOptions;
  /**
   * Express's "trust proxy" setting, for a server behind a reverse proxy (server/trustProxy.ts
   * reads it from `serve --trust-proxy` or JOBTRACK_TRUST_PROXY); defaults to false: the
   * client is the socket's peer and X-Forwarded-* headers are ignored.
   */
  trustProxy?: boolean | number | string;
  /** The local key of `<db>.server.json`; with `runCli`, enables POST /api/cli for the command line. */
  localKey?: string | null;
  /** Runs a command line for POST /api/cli; without it there is no such route. */
  runCli?: RunCli | null;
  /** Where unexpected errors are logged; defaults to console.error. */
  log?: (message: string) => void;
  /** Called after data may have changed (an accepted upload, a command run for the CLI), e.g. to rebuild the dashboard. */
  onDataChanged?: () => void;
  /** The running scheduler, for the jobs' status (`/api/jobs`, `/admin`); defaults to none. */
  scheduler?: Scheduler | null;
}

export interface AppDeps extends ServerData {
  /** Now; the app never reads the system clock itself. */
  clock: () => Date;
  options?: AppOptions;
}

interface ServerConfig {
  siteDir: string | null;
  uploadLimitBytes: number;
  sql: SandboxLimits;
  sessionTtlMs: number;
  trustProxy: boolean | number | string;
  localKey: string | null;
  runCli: RunCli | null;
  log: (message: string) => void;
  onDataChanged: (() => void) | null;
  scheduler: Scheduler | null;
}

export interface ServerContext {
  db: Warehouse;
  units: Unit[];
  plans: Plan[];
  clock: () => Date;
  config: ServerConfig;
  limiter: FailureLimiter;
  /** Refusals of requests nobody signed in for, summarised per address and minute. */
  anonymousAudit: AnonymousAudit;
  /** Who each recent token or session is, until the warehouse next changes. */
  principals: PrincipalCache;
}

function normalizeAppOptions(options: AppOptions = {}): ServerConfig {
  return {
    siteDir: options.siteDir ?? null,
    uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
    sql: normalizeSandboxOptions({
      timeoutMs: options.sqlTimeoutMs,
      maxRows: options.sqlMaxRows,
      maxResultBytes: options.sqlMaxResultBytes,
    }),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    trustProxy: options.trustProxy ?? false,
    localKey: options.localKey ?? null,
    runCli: options.runCli ?? null,
    log: options.log ?? ((message) => console.error(message)),
    onDataChanged: options.onDataChanged ?? null,
    scheduler: options.scheduler ?? null,
  };
}

export function serverContext(deps: AppDeps): ServerContext {
  const config = normalizeAppOptions(deps.options);
  return {
    db: deps.db,
    units: deps.units,
    plans: deps.plans,
    clock: deps.clock,
    config,
    limiter: new FailureLimiter(deps.options?.failures),
    anonymousAudit: new AnonymousAudit((entries) => recordAudits(deps.db, entries)),
    principals: new PrincipalCache(),
  };
}
