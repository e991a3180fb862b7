/**
 * A URL source: the town's own system publishes its latest report at an HTTP(S) address. Each look
 * is a conditional GET (If-None-Match / If-Modified-Since from the last fetch): 304 means nothing
 * new; 200 brings a body that is ingested for the source's unit under the file name of
 * Content-Disposition, else the URL's last path segment. A body identical to the last one ingested
 * (a server without validators) is not ingested again. Any other answer fails the job, which
 * retries at the next tick.
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

export interface UrlFetchOptions {
  stateFile: string;
  maxBytes: number;
  onAccepted?: () => void;
  /** Defaults to 60 s per request. */
  timeoutMs?: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The state key of a source: its unit and address. */
export function urlStateKey(source: UrlSource): string {
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
  const headers: Record<string, string> = { "User-Agent": "jobtrack-scheduler", ...source.headers };
  if (last?.etag) headers["If-None-Match"] = last.etag;
  if (last?.lastModified) headers["If-Modified-Since"] = last.lastModified;
  const get = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await get(source.url, {
      headers,
      redirect: "follow",
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000), // defaults to 60 s
    });
  } catch (error) {
    const reason = (error as Error).cause ? String((error as Error).cause) : (error as Error).message;
    throw new JobError(
      `无法获取 ${source.url}（${source.name}）：${reason}`,
      `Cannot fetch ${source.url} (${source.name}): ${reason}`,
    );
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
