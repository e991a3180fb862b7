/**
 * What every router works with: the open warehouse, the unit registry, the plans, the clock, the
 * normalized options, the login limiter and who recent credentials stand for. Built once by createApp; nothing here is global.
 */
import type { CliIO } from "../cli/io.ts";
import type { Plan } from "../metrics/plan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { normalizeSandboxOptions, type SandboxLimits } from "../warehouse/sandbox.ts";
import { LoginLimiter, type LoginLimiterOptions } from "./loginLimiter.ts";
import { PrincipalCache } from "./principalCache.ts";

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
  /** Failed sign-ins allowed per address; defaults to 10 per 15 minutes. */
  login?: LoginLimiterOptions;
  /** Express's "trust proxy" setting, for a server behind a reverse proxy; defaults to false. */
  trustProxy?: boolean | number | string;
  /** The local key of `<db>.server.json`; enables POST /api/cli for the command line. Defaults to off. */
  localKey?: string | null;
  /** Runs a command line for POST /api/cli; defaults to `main` of cli/jobtrack.ts. */
  runCli?: (argv: string[], io: CliIO) => Promise<number>;
  /** Where unexpected errors are logged; defaults to console.error. */
  log?: (message: string) => void;
  /** Called after data may have changed (an accepted upload, a command run for the CLI), e.g. to rebuild the dashboard. */
  onDataChanged?: () => void;
}

export interface AppDeps {
  db: Warehouse;
  units: Unit[];
  plans: Plan[];
  /** Now; the app never reads the system clock itself. */
  clock: () => Date;
  options?: AppOptions;
}

export interface ServerConfig {
  siteDir: string | null;
  uploadLimitBytes: number;
  sql: SandboxLimits;
  sessionTtlMs: number;
  trustProxy: boolean | number | string;
  localKey: string | null;
  runCli: ((argv: string[], io: CliIO) => Promise<number>) | null;
  log: (message: string) => void;
  onDataChanged: (() => void) | null;
}

export interface ServerContext {
  db: Warehouse;
  units: Unit[];
  plans: Plan[];
  clock: () => Date;
  config: ServerConfig;
  limiter: LoginLimiter;
  /** Who each recent token or session is, until the warehouse next changes. */
  principals: PrincipalCache;
}

export function normalizeAppOptions(options: AppOptions = {}): ServerConfig {
  return {
    siteDir: options.siteDir ?? null, // defaults to no dashboard yet
    uploadLimitBytes: options.uploadLimitBytes ?? 10 * 1024 * 1024, // defaults to 10 MB
    sql: normalizeSandboxOptions({
      timeoutMs: options.sqlTimeoutMs,
      maxRows: options.sqlMaxRows,
      maxResultBytes: options.sqlMaxResultBytes,
    }),
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600_000, // defaults to 12 hours
    trustProxy: options.trustProxy ?? false, // defaults to the socket's own address
    localKey: options.localKey ?? null, // defaults to no command-line endpoint
    runCli: options.runCli ?? null, // defaults to cli/jobtrack.ts, loaded when first used
    log: options.log ?? ((message) => console.error(message)), // defaults to stderr
    onDataChanged: options.onDataChanged ?? null, // defaults to nothing to refresh
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
    limiter: new LoginLimiter(deps.options?.login),
    principals: new PrincipalCache(),
  };
}
