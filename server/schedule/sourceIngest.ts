/**
 * A file a source delivered → the ingest of etl/ingest.ts, limited to the source's own unit
 * exactly as the upload route does for a town (a file naming another unit is refused, nothing
 * recorded) and to the configured size (a larger file is refused unread), and the result recorded
 * in the audit trail as an `upload` by `source:<name>`.
 * Also the findings file written beside a refused file: the findings in Chinese and English,
 * never a cell's value.
 */

import { districtTimestamp, districtToday } from "../../core/districtTime.ts";
import type { FindingOut } from "../../core/finding.ts";
import { type IngestResult, ingestFile } from "../../etl/ingest.ts";
import { planPeriods } from "../../metrics/plan.ts";
import type { Value } from "../../warehouse/db.ts";
import { recordAudit } from "../audit.ts";
import type { Source } from "./scheduleConfig.ts";
import type { SchedulerEnv } from "./schedulerEnv.ts";

interface Delivered {
  fileName: string;
  bytes: Uint8Array;
  /** The size when the bytes were not read (a file over the limit); defaults to bytes.length. */
  size?: number;
}

/** Ingests one delivered file for the source's unit; never throws for bad input, only for IO. */
export async function ingestForSource(
  env: SchedulerEnv,
  source: Source,
  file: Delivered,
  maxBytes: number,
): Promise<IngestResult> {
  const now = env.clock();
  const own = source.unit;
  const result = await ingestFile(
    {
      db: env.db,
      units: env.units,
      periods: planPeriods(env.plans),
      today: districtToday(now),
      lang: "zh",
    },
    {
      fileName: file.fileName,
      bytes: file.bytes,
      size: file.size,
      receivedAt: districtTimestamp(now),
      receivedBy: `source:${source.name}`,
    },
    { onlyUnit: own.code, maxBytes },
  );
  await recordAudit(env.db, {
    at: now,
    actor: `source:${source.name}`,
    tokenId: null,
    role: null,
    action: "upload",
    target: result.file,
    result: result.status,
    detail: {
      via: source.kind,
      unit: own.code,
      submission_id: result.submission_id,
      kind: result.kind,
      units: result.units,
      months: result.months,
      rows: result.rows,
      errors: result.errors.slice(0, 200).map((f): Value => ({ row: f.row, column: f.column, code: f.code })),
      warnings: result.warnings.length,
    },
  });
  return result;
}

/**
 * Hides any run of 11 or more digits (spaces or hyphens between them allowed): no ID or phone
 * number can reach a findings file, whatever a message says. Counts never have that many digits.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(/\d(?:[ -]?\d){10,}[\dXx]?/g, "***");
}

function plainFinding(f: FindingOut): Record<string, Value> {
  return {
    row: f.row,
    column: f.column === null ? null : maskLongNumbers(f.column),
    code: f.code,
    zh: maskLongNumbers(f.zh),
    en: maskLongNumbers(f.en),
  };
}

/** The findings file's content for a refused (or any) result: where and what, in zh and en. */
export function findingsDocument(source: Source, result: IngestResult, at: Date): Record<string, Value> {
  const count = result.errors.length;
  return {
    file: result.file,
    source: source.name,
    unit: source.unit.code,
    checked_at: districtTimestamp(at),
    status: result.status,
    summary: {
      zh: `文件已退回，共 ${count} 个问题，整份文件未入库。请按下列问题修改后重新放入收件夹。`,
      en: `The file was refused with ${count} problem${count === 1 ? "" : "s"}; nothing of it was kept. Fix the problems below and put the file into the folder again.`,
    },
    errors: result.errors.map(plainFinding),
    warnings: result.warnings.map(plainFinding),
  };
}
