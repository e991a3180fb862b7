/**
 * Ingest of one file: bytes → grid → values + findings → one transaction. A file is accepted
 * whole, reported `unchanged` (byte-identical to a current submission), or refused whole with
 * every finding; a refused file leaves only its metadata and findings behind.
 */
import { createHash } from "node:crypto";
import type { Tx, Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { type Finding, type FindingOut, type Lang, localizeFinding } from "./finding.ts";
import { isLedger } from "./ledger/ledgerHeader.ts";
import { ledgerReportMismatches, loadLedger } from "./ledger/loadLedger.ts";
import { parseLedger } from "./ledger/parseLedger.ts";
import { type Fact, loadMonthly, recordRejected, type SubmissionMeta, unchangedSubmission } from "./load.ts";
import { monthlyFlows, ytdLookupsNeeded } from "./monthlyFlows.ts";
import { type ParsedMonthly, parseMonthly } from "./parseMonthly.ts";
import { priorYtdLookup } from "./priorYtd.ts";
import { readUpload } from "./read/readUpload.ts";

export interface IngestContext {
  db: Warehouse;
  units: Unit[];
  /** Plan periods; a month outside every period (and its baseline month) is refused. */
  periods: { first: string; last: string }[];
  /** Today as YYYY-MM-DD in the district's time zone; months after this month are refused. */
  today: string;
  lang: Lang;
  /** Called as the work moves on (stage name, 0..1), for a progress bar. */
  onProgress?: (stage: IngestStage, fraction: number) => void;
}

export type IngestStage = "read" | "parse" | "load" | "done";

export interface IngestInput {
  fileName: string;
  bytes: Uint8Array;
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
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function ingestFile(ctx: IngestContext, input: IngestInput): Promise<IngestResult> {
  const progress = ctx.onProgress ?? (() => {});
  const sha256 = sha256Hex(input.bytes);
  progress("read", 0);
  const read = await readUpload(input.bytes, input.fileName);
  const meta: SubmissionMeta = {
    kind: "monthly",
    fileName: input.fileName,
    sha256,
    receivedAt: input.receivedAt,
    receivedBy: input.receivedBy,
    format: read.format,
    encoding: read.encoding,
  };
  if (!read.grid || read.findings.length) {
    return reject(ctx, meta, { errors: read.findings, warnings: [], units: [], months: [], rows: 0 });
  }
  progress("parse", 0.2);
  if (isLedger(read.grid)) return ingestLedger(ctx, { ...meta, kind: "cases" }, read.grid);
  const parsed = parseMonthly(read.grid, {
    units: ctx.units,
    periods: ctx.periods,
    currentMonth: ctx.today.slice(0, 7),
  });
  if (parsed.errors.length) return reject(ctx, meta, parsed);
  progress("load", 0.6);
  const result = await ctx.db.write(async (tx) => {
    const unchanged = await unchangedSubmission(tx, sha256, "monthly");
    if (unchanged !== null) return { status: "unchanged" as const, id: unchanged, errors: [] as Finding[] };
    const lookups = ytdLookupsNeeded(parsed.values);
    const prior = await priorYtdLookup(tx, lookups);
    const flows = monthlyFlows(parsed.values, prior);
    if (flows.errors.length) {
      const id = await recordRejected(tx, meta, summaryOf(parsed, flows.errors));
      return { status: "rejected" as const, id, errors: flows.errors };
    }
    const { submissionId } = await loadMonthly(tx, meta, {
      facts: flows.facts as Fact[],
      unitMonths: unitMonthsOf(parsed),
      rows: parsed.rows,
      units: parsed.units,
      months: parsed.months,
      warnings: parsed.warnings,
    });
    return { status: "accepted" as const, id: submissionId, errors: [] as Finding[] };
  });
  progress("done", 1);
  return resultOf(ctx.lang, input.fileName, result.status, {
    ...parsed,
    errors: result.errors,
    submissionId: result.status === "rejected" ? null : result.id,
  });
}

/** A case ledger: the unit's whole current ledger, replacing the previous one (kept as history). */
async function ingestLedger(
  ctx: IngestContext,
  meta: SubmissionMeta,
  grid: string[][],
): Promise<IngestResult> {
  const parsed = parseLedger(grid, { units: ctx.units, today: ctx.today });
  const months = [...new Set(parsed.cases.map((c) => c.identified_on.slice(0, 7)))].sort();
  const summary = {
    units: parsed.unit ? [parsed.unit] : [],
    months,
    rows: parsed.rows,
    warnings: parsed.warnings,
  };
  if (parsed.errors.length || !parsed.unit) return reject(ctx, meta, { ...summary, errors: parsed.errors });
  const unit = parsed.unit;
  const result = await ctx.db.write(async (tx) => {
    const unchanged = await unchangedSubmission(tx, meta.sha256, "cases");
    if (unchanged !== null) return { status: "unchanged" as const, id: unchanged, warnings: [] as Finding[] };
    const { submissionId } = await loadLedger(tx, meta, {
      unit,
      cases: parsed.cases,
      rows: parsed.rows,
      warnings: parsed.warnings,
    });
    const mismatches = await ledgerReportMismatches(tx, unit);
    if (mismatches.length) {
      await tx.run("UPDATE submissions SET findings = $f::JSON WHERE submission_id = $id", {
        f: JSON.stringify([...parsed.warnings, ...mismatches]),
        id: submissionId,
      });
    }
    return { status: "accepted" as const, id: submissionId, warnings: mismatches };
  });
  ctx.onProgress?.("done", 1);
  return {
    ...resultOf(ctx.lang, meta.fileName, result.status, {
      ...summary,
      warnings: [...parsed.warnings, ...result.warnings],
      errors: [],
      submissionId: result.id,
    }),
    kind: "cases",
  };
}

function summaryOf(parsed: Pick<ParsedMonthly, "units" | "months" | "rows" | "warnings">, errors: Finding[]) {
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
  parsed: Pick<ParsedMonthly, "units" | "months" | "rows" | "warnings"> & { errors: Finding[] },
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
  data: Pick<ParsedMonthly, "units" | "months" | "rows" | "warnings"> & {
    errors: Finding[];
    submissionId: number | null;
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
  };
}

/** Data rows per unit-month, as the file held them (values of one row are adjacent). */
function unitMonthsOf(parsed: ParsedMonthly) {
  const byUnit = new Map<string, Map<string, { unit: string; month: string; rows: number }>>();
  let last: ParsedMonthly["values"][number] | null = null;
  for (const v of parsed.values) {
    if (last && v.row === last.row && v.unit === last.unit && v.month === last.month) continue;
    last = v;
    let months = byUnit.get(v.unit);
    if (!months) {
      months = new Map();
      byUnit.set(v.unit, months);
    }
    const entry = months.get(v.month);
    if (entry) entry.rows++;
    else months.set(v.month, { unit: v.unit, month: v.month, rows: 1 });
  }
  return [...byUnit.values()].flatMap((months) => [...months.values()]);
}
