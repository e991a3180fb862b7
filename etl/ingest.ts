/**
 * Ingest of one file: bytes → cells → values + findings → one transaction. A file is accepted
 * whole, reported `unchanged` (byte-identical to a current submission), or refused whole with
 * every finding; a refused file leaves only its metadata and findings behind.
 */
import { createHash, webcrypto } from "node:crypto";
import type { Tx, Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { type Finding, type FindingOut, type Lang, localizeFinding } from "./finding.ts";
import { isLedger, LEDGER_HEADER_ROWS } from "./ledger/ledgerHeader.ts";
import { ledgerReportMismatches, loadLedger, stageLedger } from "./ledger/loadLedger.ts";
import { parseLedger } from "./ledger/parseLedger.ts";
import { loadMonthly, recordRejected, type SubmissionMeta, unchangedSubmission } from "./load.ts";
import { monthlyFlows, ytdLookupsNeeded } from "./monthlyFlows.ts";
import { type ParsedMonthly, parseMonthly } from "./parseMonthly.ts";
import { priorYtdLookup } from "./priorYtd.ts";
import type { CellTable } from "./read/cellTable.ts";
import { readUploadTable } from "./read/readUpload.ts";
import {
  dropStaged,
  factsOfObjects,
  factsOfValues,
  type StagedMonthly,
  stageMonthly,
} from "./stageMonthly.ts";
import { unitMonthRows } from "./unitMonthRows.ts";

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

/** The ledger header is looked for among this many first rows (ledgerHeader.ts). */

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** sha256Hex computed on a worker thread, so the file can be read and checked meanwhile. */
async function sha256HexAsync(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes)).toString("hex");
}

type Summary = Pick<ParsedMonthly, "units" | "months" | "rows" | "warnings">;

export async function ingestFile(ctx: IngestContext, input: IngestInput): Promise<IngestResult> {
  const progress = ctx.onProgress ?? (() => {});
  const digest = sha256HexAsync(input.bytes);
  progress("read", 0);
  const read = await readUploadTable(input.bytes, input.fileName);
  const metaOf = async (): Promise<SubmissionMeta> => ({
    kind: "monthly",
    fileName: input.fileName,
    sha256: await digest,
    receivedAt: input.receivedAt,
    receivedBy: input.receivedBy,
    format: read.format,
    encoding: read.encoding,
  });
  if (!read.table || read.findings.length) {
    return reject(ctx, await metaOf(), {
      errors: read.findings,
      warnings: [],
      units: [],
      months: [],
      rows: 0,
    });
  }
  progress("parse", 0.2);
  const table = read.table;
  if (isLedger(table.rows(0, LEDGER_HEADER_ROWS))) {
    return ingestLedger(ctx, { ...(await metaOf()), kind: "cases" }, table);
  }
  const parsed = parseMonthly(table, {
    units: ctx.units,
    periods: ctx.periods,
    currentMonth: ctx.today.slice(0, 7),
  });
  const meta = await metaOf();
  const summary: Summary = {
    units: parsed.units,
    months: parsed.months,
    rows: parsed.rows,
    warnings: parsed.warnings,
  };
  if (parsed.errors.length) return reject(ctx, meta, { ...summary, errors: parsed.errors });
  progress("load", 0.6);
  const unitMonths = unitMonthRows(parsed.list);
  // without year-to-date figures each value is its own fact, known before the transaction
  const staged: StagedMonthly | null = parsed.list.hasYtd
    ? null
    : { unitMonths, facts: factsOfValues(parsed.list), units: ctx.units };
  const result = await ctx.db.write(
    async (tx) => {
      const unchanged = await unchangedSubmission(tx, meta.sha256, "monthly");
      if (unchanged !== null) return { status: "unchanged" as const, id: unchanged, errors: [] as Finding[] };
      if (!staged) {
        const values = parsed.values;
        const prior = await priorYtdLookup(tx, ytdLookupsNeeded(values));
        const flows = monthlyFlows(values, prior);
        if (flows.errors.length) {
          const id = await recordRejected(tx, meta, summaryOf(summary, flows.errors));
          return { status: "rejected" as const, id, errors: flows.errors };
        }
        await stageMonthly(tx, {
          unitMonths,
          facts: factsOfObjects(flows.facts, ctx.units),
          units: ctx.units,
        });
      }
      const { submissionId } = await loadMonthly(tx, meta, summary);
      await dropStaged(tx);
      return { status: "accepted" as const, id: submissionId, errors: [] as Finding[] };
    },
    staged ? (staging) => stageMonthly(staging, staged) : undefined,
  );
  progress("done", 1);
  return resultOf(ctx.lang, input.fileName, result.status, {
    ...summary,
    errors: result.errors,
    submissionId: result.status === "rejected" ? null : result.id,
  });
}

/** A case ledger: the unit's whole current ledger, replacing the previous one (kept as history). */
async function ingestLedger(
  ctx: IngestContext,
  meta: SubmissionMeta,
  table: CellTable,
): Promise<IngestResult> {
  const parsed = parseLedger(table, { units: ctx.units, today: ctx.today });
  // a ledger's dates repeat (one string per distinct date), so months are taken per distinct date
  const dates = new Set<string>();
  for (const c of parsed.cases) dates.add(c.identified_on);
  const months = [...new Set([...dates].map((d) => d.slice(0, 7)))].sort();
  const summary = {
    units: parsed.unit ? [parsed.unit] : [],
    months,
    rows: parsed.rows,
    warnings: parsed.warnings,
  };
  if (parsed.errors.length || !parsed.unit) return reject(ctx, meta, { ...summary, errors: parsed.errors });
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
    },
    (staging) => stageLedger(staging, parsed.cases),
  );
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
