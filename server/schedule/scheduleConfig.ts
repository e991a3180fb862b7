/**
 * The scheduler's configuration: a JSON or YAML file (`jobtrack.schedule.json`, `.yaml` or `.yml`
 * beside the database, or `serve --config FILE`), normalized here with every default filled in.
 * Relative paths are resolved against the config file's folder, or the database's folder when
 * there is no file. A mistake in the file is a DataError naming the field, never a silent default.
 *
 * ```yaml
 * timezone: Asia/Shanghai
 * ingest:
 *   # schedule defaults to every 5 minutes
 *   sources:
 *     - { unit: 310118002, folder: //fileserver/jobtrack/inbox/盈浦 }
 *     - { unit: 朱家角镇, url: https://zjj.example.gov.cn/jobtrack/monthly.csv }
 * rebuild: { debounceSeconds: 30 }
 * reminders: { schedule: "0 9 * * *", dueDay: 5, outbox: outbox }
 * backup: { schedule: "30 2 * * *", dir: backups, keep: 14 }
 * ```
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { validate } from "node-cron";
import { parse as parseYaml } from "yaml";
import { DataError, finding } from "../../core/finding.ts";
import type { Unit } from "../../warehouse/registry.ts";
import { DEFAULT_UPLOAD_LIMIT_BYTES } from "../serverContext.ts";

/** The file as written: every field optional. */
interface ScheduleOptions {
  timezone?: unknown;
  state?: unknown;
  ingest?: { enabled?: unknown; schedule?: unknown; maxBytes?: unknown; sources?: unknown };
  rebuild?: { enabled?: unknown; debounceSeconds?: unknown };
  reminders?: { enabled?: unknown; schedule?: unknown; dueDay?: unknown; outbox?: unknown; kinds?: unknown };
  backup?: { enabled?: unknown; schedule?: unknown; dir?: unknown; keep?: unknown };
}

export type Source =
  | { kind: "folder"; name: string; unit: Unit; folder: string; optional: boolean }
  | { kind: "url"; name: string; unit: Unit; url: string; headers: Record<string, string> };

export interface ScheduleConfig {
  /** Where the config came from; null when the defaults apply. */
  file: string | null;
  timezone: string;
  /** The small state file of URL sources (ETag, Last-Modified, last content hash). */
  stateFile: string;
  ingest: { enabled: boolean; schedule: string; maxBytes: number; sources: Source[] };
  rebuild: { enabled: boolean; debounceMs: number };
  reminders: { enabled: boolean; schedule: string; dueDay: number; outbox: string; kinds: string[] };
  backup: { enabled: boolean; schedule: string; dir: string; keep: number };
}

interface ScheduleContext {
  /** Relative paths resolve against this folder. */
  baseDir: string;
  units: Unit[];
  /** The plan's due day, when the config gives none; defaults to 5. */
  dueDay?: number;
  /** The largest file a source may deliver; defaults to 10 MB (the upload limit). */
  maxBytes?: number;
  /** For messages: the config file's name. */
  file?: string | null;
}

/**
 * What a setting the config leaves out is. The district's own time zone; the sources pulled every
 * five minutes; the dashboard rebuilt 30 s after the last accepted file, so a burst of uploads
 * makes one rebuild; reminders at 09:00 and the backup at 02:30, outside office hours; two weeks
 * of backups kept. Reminders go to the towns (subdistricts and towns) and fall due on the plan's due
 * day, else on the 5th.
 */
const SCHEDULE_DEFAULTS = {
  timezone: "Asia/Shanghai",
  stateFile: "jobtrack.schedule-state.json",
  ingestSchedule: "*/5 * * * *",
  maxBytes: DEFAULT_UPLOAD_LIMIT_BYTES,
  rebuildDebounceSeconds: 30,
  remindersSchedule: "0 9 * * *",
  dueDay: 5,
  outbox: "outbox",
  backupSchedule: "30 2 * * *",
  backupDir: "backups",
  backupKeep: 14,
  remindedKinds: ["subdistrict", "town"],
} as const;

const DEFAULT_CONFIG_NAMES = ["jobtrack.schedule.json", "jobtrack.schedule.yaml", "jobtrack.schedule.yml"];

const TOP_KEYS = ["timezone", "state", "ingest", "rebuild", "reminders", "backup"];
const SECTION_KEYS: Record<string, string[]> = {
  ingest: ["enabled", "schedule", "maxBytes", "sources"],
  rebuild: ["enabled", "debounceSeconds"],
  reminders: ["enabled", "schedule", "dueDay", "outbox", "kinds"],
  backup: ["enabled", "schedule", "dir", "keep"],
};
const SOURCE_KEYS = ["unit", "folder", "url", "headers", "name"];

function configError(file: string | null, field: string, zh: string, en: string): DataError {
  const where = file ? `${basename(file)}：` : "";
  const whereEn = file ? `${basename(file)}: ` : "";
  return new DataError([
    finding(
      null,
      field,
      "bad_schedule_config",
      `${where}计划任务配置项 ${field} 有误：${zh}`,
      `${whereEn}scheduler setting ${field} is wrong: ${en}`,
    ),
  ]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a config file: JSON for `.json`, YAML otherwise (YAML also reads JSON). */
function readScheduleFile(file: string): ScheduleOptions {
  let text: string;
  try {
    text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw configError(file, "file", `无法读取文件（${code}）。`, `the file cannot be read (${code}).`);
  }
  let data: unknown;
  try {
    data = file.toLowerCase().endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    throw configError(
      file,
      "file",
      `不是有效的 JSON/YAML（${detail}）。`,
      `not valid JSON/YAML (${detail}).`,
    );
  }
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) throw configError(file, "file", "顶层须为对象。", "the top level must be an object.");
  return data as ScheduleOptions;
}

/** The config file to read: the one given, else the first default name beside the database. */
function scheduleFileFor(given: string | null | undefined, dbPath: string): string | null {
  if (given) return resolve(given);
  if (dbPath === ":memory:") return null;
  for (const name of DEFAULT_CONFIG_NAMES) {
    const candidate = join(dirname(dbPath), name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export function normalizeScheduleConfig(options: ScheduleOptions, ctx: ScheduleContext): ScheduleConfig {
  const file = ctx.file ?? null;
  const fail = (field: string, zh: string, en: string) => configError(file, field, zh, en);
  unknownKeys(options as Record<string, unknown>, TOP_KEYS, "", fail);
  const section = (name: keyof typeof SECTION_KEYS) => {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined || value === null) return {} as Record<string, unknown>;
    if (!isRecord(value)) throw fail(name, "须为对象。", "must be an object.");
    unknownKeys(value, SECTION_KEYS[name], `${name}.`, fail);
    return value;
  };
  const path = (value: unknown, field: string, fallback: string) => {
    if (value === undefined || value === null) return resolve(ctx.baseDir, fallback);
    if (typeof value !== "string" || value.trim() === "")
      throw fail(field, "须为路径文本。", "must be a path.");
    return isAbsolute(value) ? value : resolve(ctx.baseDir, value);
  };
  const timezone = text(options.timezone, "timezone", SCHEDULE_DEFAULTS.timezone, fail);
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw fail("timezone", `未知的时区 ${timezone}。`, `unknown time zone ${timezone}.`);
  }
  const ingest = section("ingest");
  const rebuild = section("rebuild");
  const reminders = section("reminders");
  const backup = section("backup");
  return {
    file,
    timezone,
    stateFile: path(options.state, "state", SCHEDULE_DEFAULTS.stateFile),
    ingest: {
      enabled: flag(ingest.enabled, "ingest.enabled", fail),
      schedule: cron(ingest.schedule, "ingest.schedule", SCHEDULE_DEFAULTS.ingestSchedule, fail),
      maxBytes: whole(
        ingest.maxBytes,
        "ingest.maxBytes",
        ctx.maxBytes ?? SCHEDULE_DEFAULTS.maxBytes,
        1,
        2 ** 31,
        fail,
      ),
      sources: sourcesOf(ingest.sources, ctx, path, fail),
    },
    rebuild: {
      enabled: flag(rebuild.enabled, "rebuild.enabled", fail),
      debounceMs:
        whole(
          rebuild.debounceSeconds,
          "rebuild.debounceSeconds",
          SCHEDULE_DEFAULTS.rebuildDebounceSeconds,
          0,
          86_400,
          fail,
        ) * 1000,
    },
    reminders: {
      enabled: flag(reminders.enabled, "reminders.enabled", fail),
      schedule: cron(reminders.schedule, "reminders.schedule", SCHEDULE_DEFAULTS.remindersSchedule, fail),
      dueDay: whole(
        reminders.dueDay,
        "reminders.dueDay",
        ctx.dueDay ?? SCHEDULE_DEFAULTS.dueDay,
        1,
        28,
        fail,
      ),
      outbox: path(reminders.outbox, "reminders.outbox", SCHEDULE_DEFAULTS.outbox),
      kinds: kindsOf(reminders.kinds, fail),
    },
    backup: {
      enabled: flag(backup.enabled, "backup.enabled", fail),
      schedule: cron(backup.schedule, "backup.schedule", SCHEDULE_DEFAULTS.backupSchedule, fail),
      dir: path(backup.dir, "backup.dir", SCHEDULE_DEFAULTS.backupDir),
      keep: whole(backup.keep, "backup.keep", SCHEDULE_DEFAULTS.backupKeep, 1, 3650, fail),
    },
  };
}

type Fail = (field: string, zh: string, en: string) => DataError;

function unknownKeys(value: Record<string, unknown>, known: string[], prefix: string, fail: Fail) {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw fail(
        `${prefix}${key}`,
        `不认识此项（可用：${known.join("、")}）。`,
        `not a known setting (known: ${known.join(", ")}).`,
      );
    }
  }
}

function text(value: unknown, field: string, fallback: string, fail: Fail): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string" || value.trim() === "") throw fail(field, "须为文本。", "must be text.");
  return value.trim();
}

function flag(value: unknown, field: string, fail: Fail): boolean {
  // a job the config does not turn off runs
  if (value === undefined || value === null) return true;
  if (typeof value !== "boolean") throw fail(field, "须为 true 或 false。", "must be true or false.");
  return value;
}

function whole(
  value: unknown,
  field: string,
  fallback: number,
  min: number,
  max: number,
  fail: Fail,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw fail(field, `须为 ${min} 到 ${max} 之间的整数。`, `must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function cron(value: unknown, field: string, fallback: string, fail: Fail): string {
  const expression = text(value, field, fallback, fail);
  if (!validate(expression)) {
    throw fail(
      field,
      `“${expression}”不是有效的 cron 表达式（如 "*/5 * * * *"）。`,
      `"${expression}" is not a valid cron expression (e.g. "*/5 * * * *").`,
    );
  }
  return expression;
}

const KINDS = ["subdistrict", "town", "department", "other"];

function kindsOf(value: unknown, fail: Fail): string[] {
  if (value === undefined || value === null) return [...SCHEDULE_DEFAULTS.remindedKinds];
  if (!Array.isArray(value) || value.length === 0 || !value.every((k) => KINDS.includes(k as string))) {
    throw fail(
      "reminders.kinds",
      `须为单位类别列表（${KINDS.join("、")}）。`,
      `must be a list of unit kinds (${KINDS.join(", ")}).`,
    );
  }
  return [...new Set(value as string[])];
}

function sourcesOf(
  value: unknown,
  ctx: ScheduleContext,
  path: (value: unknown, field: string, fallback: string) => string,
  fail: Fail,
): Source[] {
  if (value === undefined || value === null) {
    // without sources, every unit has its inbox/<unit code>/ beside the database, watched once it exists
    return ctx.units.map((unit) => ({
      kind: "folder",
      name: `inbox/${unit.code}`,
      unit,
      folder: path(undefined, "", join("inbox", unit.code)),
      optional: true,
    }));
  }
  if (!Array.isArray(value)) throw fail("ingest.sources", "须为列表。", "must be a list.");
  const names = new Set<string>();
  return value.map((raw, i): Source => {
    const field = `ingest.sources[${i}]`;
    if (!isRecord(raw)) throw fail(field, "须为对象。", "must be an object.");
    unknownKeys(raw, SOURCE_KEYS, `${field}.`, fail);
    const unitText = typeof raw.unit === "number" ? String(raw.unit) : raw.unit;
    if (typeof unitText !== "string" || !unitText.trim()) {
      throw fail(
        `${field}.unit`,
        "每个来源须绑定一个单位（代码或名称）。",
        "each source is bound to a unit (code or name).",
      );
    }
    const unit = ctx.units.find((u) => u.code === unitText.trim() || u.name_zh === unitText.trim());
    if (!unit) {
      throw fail(
        `${field}.unit`,
        `单位名录中没有单位 ${unitText}。`,
        `the unit registry has no unit ${unitText}.`,
      );
    }
    const hasFolder = raw.folder !== undefined && raw.folder !== null;
    const hasUrl = raw.url !== undefined && raw.url !== null;
    if (hasFolder === hasUrl) {
      throw fail(
        field,
        "须给出 folder 或 url 之一（只能一个）。",
        "give either folder or url (one of them).",
      );
    }
    let source: Source;
    if (hasFolder) {
      const folder = path(raw.folder, `${field}.folder`, "");
      source = { kind: "folder", name: "", unit, folder, optional: false };
      source.name = text(raw.name, `${field}.name`, `${unit.code}:${basename(folder)}`, fail);
    } else {
      const url = urlOf(raw.url, `${field}.url`, fail);
      source = {
        kind: "url",
        name: "",
        unit,
        url,
        headers: headersOf(raw.headers, `${field}.headers`, fail),
      };
      source.name = text(raw.name, `${field}.name`, `${unit.code}:${new URL(url).host}`, fail);
    }
    if (names.has(source.name)) {
      throw fail(
        `${field}.name`,
        `来源名称 ${source.name} 重复。`,
        `the source name ${source.name} is used twice.`,
      );
    }
    names.add(source.name);
    return source;
  });
}

function urlOf(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== "string") throw fail(field, "须为网址。", "must be an address.");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail(field, `“${value}”不是有效的网址。`, `"${value}" is not a valid address.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw fail(
      field,
      "只支持 http:// 与 https:// 网址。",
      "only http:// and https:// addresses are supported.",
    );
  }
  return url.toString();
}

function headersOf(value: unknown, field: string, fail: Fail): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === "string")) {
    throw fail(field, "须为“名称: 文本”的对象。", "must be an object of name: text.");
  }
  return value as Record<string, string>;
}

interface LoadScheduleInput {
  /** The file given with `serve --config`; else the default names beside the database are tried. */
  configFile?: string | null;
  dbPath: string;
  units: Unit[];
  /** The plans' due day (the latest plan's) is the reminders' default. */
  dueDay?: number;
  maxBytes?: number;
}

/** Finds, reads and normalizes the scheduler's config; the defaults when there is no file. */
export function loadScheduleConfig(input: LoadScheduleInput): ScheduleConfig {
  const file = scheduleFileFor(input.configFile, input.dbPath);
  if (input.configFile && file && !existsSync(file)) {
    throw configError(file, "file", `文件 ${file} 不存在。`, `the file ${file} does not exist.`);
  }
  const options = file ? readScheduleFile(file) : {};
  const baseDir = file ? dirname(file) : input.dbPath === ":memory:" ? process.cwd() : dirname(input.dbPath);
  return normalizeScheduleConfig(options, {
    baseDir,
    units: input.units,
    dueDay: input.dueDay,
    maxBytes: input.maxBytes,
    file,
  });
}
