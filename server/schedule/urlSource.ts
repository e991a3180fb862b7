/**
 * A URL source: the town's own system publishes its latest report at an HTTP(S) address. Each look
 * is a conditional GET (If-None-Match / If-Modified-Since from the last fetch): 304 means nothing
 * new; 200 brings a body that is ingested for the source's unit under the file name of
 * Content-Disposition, else the URL's last path segment. A body identical to the last one ingested
 * (a server without validators) is not ingested again. Any other answer fails the job, which
 * retries at the next tick.
 *
 * Redirects are followed by hand, at most five. A source's own headers (an access key of the
 * town's system) go only to the origin (scheme, host and port) the source names, or to the same
 * host over https when the source names plain http: a redirect anywhere else is refused for a
 * source that has headers, naming where it led, so the administrator can put the final address
 * in the config; a source without headers follows it.
 * The scheduler fetches from the server's own network position: it reaches whatever the server
 * can, internal addresses included, so only administrators write its config.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import type { IngestResult } from "../../etl/ingest.ts";
import { JobError } from "./guardedJob.ts";
import type { Source } from "./scheduleConfig.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";
import { readScheduleState, writeScheduleState } from "./scheduleState.ts";
import { ingestForSource } from "./sourceIngest.ts";

type UrlSource = Extract<Source, { kind: "url" }>;

export type UrlFetch =
  | { status: "not_modified" }
  | { status: "same_body" }
  | { status: "ingested"; fileName: string; result: IngestResult };

/** A publishing system that has not answered in a minute is down for this pull; the next one tries again. */
const FETCH_TIMEOUT_MS = 60_000;

interface UrlFetchOptions {
  stateFile: string;
  maxBytes: number;
  onAccepted?: () => void;
  /** Per request; defaults to FETCH_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The state key of a source: its unit and address. */
function urlStateKey(source: UrlSource): string {
  return `${source.unit.code} ${source.url}`;
}

/** The file name a response names: Content-Disposition (filename* first), else the URL's last segment. */
export function deliveredName(disposition: string | null, url: string, fallback: string): string {
  let name = "";
  if (disposition) {
    const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
    try {
      if (star) name = decodeURIComponent(star[2].trim());
    } catch {
      name = "";
    }
    if (!name && plain) name = (plain[1] ?? plain[2] ?? "").replace(/\\(.)/g, "$1").trim();
  }
  if (!name) {
    try {
      name = decodeURIComponent(basename(new URL(url).pathname));
    } catch {
      name = "";
    }
  }
  const clean = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || fallback;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** The http(s) address a redirect points at, relative to where it came from; null when there is none. */
function redirectTarget(location: string | null, from: string): URL | null {
  if (!location) return null;
  try {
    const url = new URL(location, from);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** Whether a source's headers may go to `url`: its own origin, or the same host moved from http to https. */
export function ownSite(url: URL, source: URL): boolean {
  if (url.origin === source.origin) return true;
  return (
    source.protocol === "http:" &&
    url.protocol === "https:" &&
    url.hostname === source.hostname &&
    source.port === "" &&
    url.port === ""
  );
}

/** Reads a body up to `limit` bytes; null when it is longer. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

export async function fetchUrlSource(
  env: SchedulerEnv,
  source: UrlSource,
  options: UrlFetchOptions,
): Promise<UrlFetch> {
  const state = readScheduleState(options.stateFile);
  const key = urlStateKey(source);
  const last = state.urls[key];
  const common: Record<string, string> = { "User-Agent": "jobtrack-scheduler" };
  if (last?.etag) common["If-None-Match"] = last.etag;
  if (last?.lastModified) common["If-Modified-Since"] = last.lastModified;
  const own = { ...common, ...source.headers };
  const home = new URL(source.url);
  const hasHeaders = Object.keys(source.headers).length > 0;
  const get = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let url = source.url;
  let response: Response;
  for (let hops = 0; ; hops++) {
    try {
      response = await get(url, {
        headers: ownSite(new URL(url), home) ? own : common,
        redirect: "manual",
        signal,
      });
    } catch (error) {
      const reason = (error as Error).cause ? String((error as Error).cause) : (error as Error).message;
      throw new JobError(
        `无法获取 ${source.url}（${source.name}）：${reason}`,
        `Cannot fetch ${source.url} (${source.name}): ${reason}`,
      );
    }
    if (!REDIRECTS.has(response.status)) break;
    await response.body?.cancel();
    const next = redirectTarget(response.headers.get("location"), url);
    if (!next || hops >= MAX_REDIRECTS) {
      throw new JobError(
        `获取 ${source.url}（${source.name}）失败：重定向无效或超过 ${MAX_REDIRECTS} 次。`,
        `Fetching ${source.url} (${source.name}) failed: a redirect without a valid address, or more than ${MAX_REDIRECTS}.`,
      );
    }
    if (hasHeaders && !ownSite(next, home)) {
      throw new JobError(
        `${source.url}（${source.name}）重定向到另一个站点 ${next.origin}；为免把此来源的请求头（如访问密钥）交给别的站点，未跟随。如该地址可信，请在配置中直接写它。`,
        `${source.url} (${source.name}) redirects to another site, ${next.origin}; it was not followed, so that the source's headers (such as an access key) go to no other site. If that address is trusted, put it in the config instead.`,
      );
    }
    url = next.href;
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { status: "not_modified" };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new JobError(
      `获取 ${source.url}（${source.name}）失败：HTTP ${response.status}。`,
      `Fetching ${source.url} (${source.name}) failed: HTTP ${response.status}.`,
    );
  }
  const fileName = deliveredName(
    response.headers.get("content-disposition"),
    source.url,
    `${source.unit.code}.csv`,
  );
  const body = await readCapped(response, options.maxBytes);
  const sha256 = body ? createHash("sha256").update(body).digest("hex") : null;
  const validators = {
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
    sha256,
    fetchedAt: env.clock().toISOString(),
  };
  if (sha256 !== null && last?.sha256 === sha256) {
    state.urls[key] = validators;
    writeScheduleState(options.stateFile, state);
    return { status: "same_body" };
  }
  const delivered = body
    ? { fileName, bytes: body }
    : { fileName, bytes: new Uint8Array(0), size: options.maxBytes + 1 };
  const result = await ingestForSource(env, source, delivered, options.maxBytes);
  // the validators are kept only once the body has been judged, so a failed ingest is fetched again
  const fresh = readScheduleState(options.stateFile);
  fresh.urls[key] = validators;
  writeScheduleState(options.stateFile, fresh);
  if (result.status === "accepted") options.onAccepted?.();
  return { status: "ingested", fileName, result };
}
