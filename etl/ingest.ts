/**
 * Ingest of one file: bytes → cells → privacy screen → values + findings → one transaction. A
 * file is accepted whole, reported `unchanged` (byte-identical to a current submission), or
 * refused whole with every finding; a refused file leaves only its metadata and findings behind.
 * Two refusals leave nothing at all, as the HTTP route's 413 and 403 do: a file over the size
 * limit (not even read), and a file naming a unit other than the one the sender may submit for.
 * The CLI, the upload route and the scheduler's sources all come through here, so the file is
 * read and parsed once, and its name is cleaned (validate/fileName.ts) before it is kept anywhere.
 */
import { webcrypto } from "node:crypto";
import { type Finding, type FindingOut, finding, localizeFinding } from "../core/finding.ts";
import type { Lang } from "../core/lang.ts";
import type { Tx, Warehouse } from "../warehouse/db.ts";
import { recordFileNotes } from "../warehouse/notes.ts";
import type { Unit } from "../warehouse/registry.ts";
import type { PlanSpan } from "./catalogue/planSpan.ts";
import { ledgerReportMismatches, loadLedger, stageLedger } from "./ledger/loadLedger.ts";
import { parseLedger } from "./ledger/parseLedger.ts";
import { recordRejected, type SubmissionMeta, unchangedSubmission } from "./load/submissions.ts";
import { loadMonthly } from "./monthly/loadMonthly.ts";
import { monthlyFlows, ytdLookupsNeeded } from "./monthly/monthlyFlows.ts";
import { type ParsedMonthly, parseMonthly } from "./monthly/parseMonthly.ts";
import { priorYtdLookup } from "./monthly/priorYtd.ts";
import {
  dropStaged,
  factsOfObjects,
  factsOfValues,
  type StagedMonthly,
  stageMonthly,
} from "./monthly/stageMonthly.ts";
import { unitMonthRows } from "./monthly/unitMonthRows.ts";
import { readUploadTable } from "./read/readUpload.ts";
import { screenUpload } from "./screenUpload.ts";
import { storedFileName } from "./validate/fileName.ts";
import { otherUnitFinding } from "./validate/ownUnit.ts";
import type { ScreenedTable } from "./validate/screenTable.ts";

export interface IngestContext {
  db: Warehouse;
  units: Unit[];
  /**
   * Plan periods with their catalogues (metrics/plan.ts planPeriods): a month outside every
   * period (and its baseline month) is refused, and a file is read with its months' catalogue.
   */
  periods: readonly PlanSpan[];
  /** Today as YYYY-MM-DD in the district's time zone; months after this month are refused. */
  today: string;
  lang: Lang;
  /** Called as the work moves on (stage name, 0..1), for a progress bar. */
  onProgress?: (stage: IngestStage, fraction: number) => void;
}

type IngestStage = "read" | "parse" | "load" | "done";

interface IngestInput {
  /** The name as received; it is cleaned (and any personal number masked) before it is kept. */
  fileName: string;
  bytes: Uint8Array;
  /** The file's size when its bytes were not read (over a limit); defaults to bytes.length. */
  size?: number;
  /** ISO timestamp with offset; when the file was received. */
  receivedAt: string;
  receivedBy: string | null;
}

export interface IngestResult {
  file: string;
  status: "accepted" | "unchanged" | "rejected";
  kind: "monthly" | "cases";
  units: string[];
  months: string[];
  rows: number;
  errors: FindingOut[];
  warnings: FindingOut[];
  submission_id: number | null;
  /** The explanations (情况说明) the file's 备注 column carried that were stored as notes. */
  notes: number;
}

interface IngestOptions {
  /**
   * The one unit the sender may submit for (a town's account, a scheduler source). A file naming
   * another known unit is refused with an `other_unit` finding naming them, `units` listing every
   * unit it names, and nothing recorded.
   */
  onlyUnit?: string;
  /** Files larger than this are refused unread, with nothing recorded; no limit when absent. */
  maxBytes?: number;
}

/** What the command line reads of one file at most: a national-scale file of a million rows is about 35 MB. */
export const CLI_MAX_BYTES = 64 * 1024 * 1024;

/** sha256Hex computed on a worker thread, so the file can be read and checked meanwhile. */
async function sha256HexAsync(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes)).toString("hex");
}

type Summary = Pick<ParsedMonthly, "units" | "months" | "rows" | "warnings">;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLargeFinding(maxBytes: number): Finding {
  return finding(
    null,
    null,
    "too_large",
    `文件超过大小上限（${sizeText(maxBytes)}），未读取，整份文件未入库。`,
    `The file is over the size limit (${sizeText(maxBytes)}); it was not read and nothing of it was kept.`,
  );
}

function nameWarning(name: string): Finding {
  return finding(
    null,
    null,
    "file_name_masked",
    `文件名中含有疑似身份证号或手机号，已隐去，保存为“${name}”。请勿在文件名中写入个人号码。`,
    `The file name held what looks like a resident ID or phone number; it was masked and kept as "${name}". Do not put personal numbers in file names.`,
  );
}

/** A refusal that records nothing: the result only. */
function unrecorded(lang: Lang, file: string, f: Finding, units: string[] = []): IngestResult {
  return resultOf(lang, file, "rejected", {
    units,
    months: [],
    rows: 0,
    warnings: [],
    errors: [f],
    submissionId: null,
  });
}

/**
 * The refusal of a file that names, in its unit column, a known unit other than `own` (whatever
 * else is wrong with those rows); null when it names none. Its `units` are every unit named.
 */
function otherUnitRefusal(
  ctx: IngestContext,
  file: string,
  named: string[],
  own: string,
): IngestResult | null {
  const others = named.filter((u) => u !== own);
  return others.length ? unrecorded(ctx.lang, file, otherUnitFinding(ctx.units, own, others), named) : null;
}

export async function ingestFile(
  ctx: IngestContext,
  input: IngestInput,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const progress = ctx.onProgress ?? (() => {});
  const stored = storedFileName(input.fileName, "upload");
  const file = stored.name;
  const named: Finding[] = stored.masked ? [nameWarning(file)] : [];
  if (options.maxBytes !== undefined && (input.size ?? input.bytes.length) > options.maxBytes) {
    return unrecorded(ctx.lang, file, tooLargeFinding(options.maxBytes));
  }
  const digest = sha256HexAsync(input.bytes);
  progress("read", 0);
  const read = await readUploadTable(input.bytes, file);
  const metaOf = async (): Promise<SubmissionMeta> => ({
    kind: "monthly",
    fileName: file,
    sha256: await digest,
    receivedAt: input.receivedAt,
    receivedBy: input.receivedBy,
    format: read.format,
    encoding: read.encoding,
  });
  if (!read.table || read.findings.length) {
    return reject(ctx, await metaOf(), {
      errors: read.findings,
      warnings: named,
      units: refusedUnits([], options),
      months: [],
      rows: 0,
    });
  }
  progress("parse", 0.2);
  const { kind, screened } = screenUpload(read.table);
  if (kind === "cases")
    return ingestLedger(ctx, { ...(await metaOf()), kind: "cases" }, screened, named, options);
  const parsed = parseMonthly(screened, {
    units: ctx.units,
    periods: ctx.periods,
    currentMonth: ctx.today.slice(0, 7),
  });
  if (options.onlyUnit !== undefined) {
    const refused = otherUnitRefusal(ctx, file, parsed.namedUnits, options.onlyUnit);
    if (refused) return refused;
  }
  const meta = await metaOf();
  const summary: Summary = {
    units: parsed.units,
    months: parsed.months,
    rows: parsed.rows,
    warnings: [...named, ...parsed.warnings],
  };
  if (parsed.errors.length)
    return reject(ctx, meta, {
      ...summary,
      units: refusedUnits(parsed.namedUnits, options),
      errors: parsed.errors,
    });
  progress("load", 0.6);
  const unitMonths = unitMonthRows(parsed.list);
  // without year-to-date figures each value is its own fact, known before the transaction
  const staged: StagedMonthly | null = parsed.list.hasYtd
    ? null
    : { unitMonths, facts: factsOfValues(parsed.list), units: ctx.units, catalogue: parsed.catalogue };
  const result = await ctx.db.write(
    async (tx) => {
      const unchanged = await unchangedSubmission(tx, meta.sha256, "monthly");
      if (unchanged !== null)
        return { status: "unchanged" as const, id: unchanged, errors: [] as Finding[], notes: 0 };
      if (!staged) {
        const values = parsed.values;
        const prior = await priorYtdLookup(tx, ytdLookupsNeeded(parsed.catalogue, values));
        const flows = monthlyFlows(parsed.catalogue, values, prior);
        if (flows.errors.length) {
          const id = await recordRejected(tx, meta, summaryOf(summary, flows.errors));
          return { status: "rejected" as const, id, errors: flows.errors, notes: 0 };
        }
        await stageMonthly(tx, {
          unitMonths,
          facts: factsOfObjects(flows.facts, ctx.units, parsed.catalogue),
          units: ctx.units,
          catalogue: parsed.catalogue,
        });
      }
      const { submissionId } = await loadMonthly(tx, meta, summary);
      await dropStaged(tx);
      const notes = await recordFileNotes(tx, parsed.notes, {
        author: meta.receivedBy ?? meta.fileName,
        at: meta.receivedAt,
      });
      return { status: "accepted" as const, id: submissionId, errors: [] as Finding[], notes };
    },
    staged ? (staging) => stageMonthly(staging, staged) : undefined,
  );
  progress("done", 1);
  return resultOf(ctx.lang, file, result.status, {
    ...summary,
    errors: result.errors,
    submissionId: result.status === "rejected" ? null : result.id,
    notes: result.notes,
  });
}

/** A case ledger: the unit's whole current ledger, replacing the previous one (kept as history). */
async function ingestLedger(
  ctx: IngestContext,
  meta: SubmissionMeta,
  screened: ScreenedTable,
  named: Finding[],
  options: IngestOptions,
): Promise<IngestResult> {
  const parsed = parseLedger(screened, { units: ctx.units, today: ctx.today });
  if (options.onlyUnit !== undefined) {
    const refused = otherUnitRefusal(ctx, meta.fileName, parsed.namedUnits, options.onlyUnit);
    if (refused) return { ...refused, kind: "cases" };
  }
  // a ledger's dates repeat (one string per distinct date), so months are taken per distinct date
  const dates = new Set<string>();
  for (const c of parsed.cases) dates.add(c.identified_on);
  const months = [...new Set([...dates].map((d) => d.slice(0, 7)))].sort();
  const summary = {
    units: parsed.unit ? [parsed.unit] : [],
    months,
    rows: parsed.rows,
    warnings: [...named, ...parsed.warnings],
  };
  if (parsed.errors.length || !parsed.unit)
    return reject(ctx, meta, {
      ...summary,
      units: refusedUnits(parsed.namedUnits, options),
      errors: parsed.errors,
    });
  const unit = parsed.unit;
  const result = await ctx.db.write(
    async (tx) => {
      const unchanged = await unchangedSubmission(tx, meta.sha256, "cases");
      if (unchanged !== null)
        return { status: "unchanged" as const, id: unchanged, warnings: [] as Finding[] };
      const { submissionId } = await loadLedger(tx, meta, {
        unit,
        months,
        rows: parsed.rows,
        warnings: summary.warnings,
      });
      const mismatches = await ledgerReportMismatches(tx, unit);
      if (mismatches.length) {
        await tx.run("UPDATE submissions SET findings = $f::JSON WHERE submission_id = $id", {
          f: JSON.stringify([...summary.warnings, ...mismatches]),
          id: submissionId,
        });
      }
      return { status: "accepted" as const, id: submissionId, warnings: mismatches };
    },
    (staging) => stageLedger(staging, parsed.cases),
  );
  ctx.onProgress?.("done", 1);
  return {
    ...resultOf(ctx.lang, meta.fileName, result.status, {
      ...summary,
      warnings: [...summary.warnings, ...result.warnings],
      errors: [],
      submissionId: result.id,
    }),
    kind: "cases",
  };
}

/**
 * The units a refused file is kept under, so that it shows in their history: every unit its rows
 * name, whatever else is wrong with those rows, or, when it names none that the registry knows
 * (a file that could not be read, a month no plan covers in every row, a header missing), the
 * one unit its sender submits for. Codes only: nothing of the file's data is kept.
 */
function refusedUnits(named: string[], options: IngestOptions): string[] {
  if (named.length) return named;
  return options.onlyUnit ? [options.onlyUnit] : [];
}

function summaryOf(parsed: Summary, errors: Finding[]) {
  return {
    rows: parsed.rows,
    units: parsed.units,
    months: parsed.months,
    findings: [...errors, ...parsed.warnings],
  };
}

async function reject(
  ctx: IngestContext,
  meta: SubmissionMeta,
  parsed: Summary & { errors: Finding[] },
): Promise<IngestResult> {
  await ctx.db.write((tx: Tx) => recordRejected(tx, meta, summaryOf(parsed, parsed.errors)));
  return {
    ...resultOf(ctx.lang, meta.fileName, "rejected", { ...parsed, submissionId: null }),
    kind: meta.kind,
  };
}

function resultOf(
  lang: Lang,
  file: string,
  status: IngestResult["status"],
  data: Summary & {
    errors: Finding[];
    submissionId: number | null;
    notes?: number;
  },
): IngestResult {
  return {
    file,
    status,
    kind: "monthly",
    units: data.units,
    months: data.months,
    rows: data.rows,
    errors: data.errors.map((f) => localizeFinding(f, lang)),
    warnings: data.warnings.map((f) => localizeFinding(f, lang)),
    submission_id: data.submissionId,
    notes: data.notes ?? 0,
  };
}
