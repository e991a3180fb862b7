/**
 * The catalogue a monthly file is read with: that of the plan its months belong to
 * (planSpan.ts). The month column is read once before the rest, one look per distinct text, so a
 * million-row file costs a pass over one integer column. A file whose months belong to plans with
 * different catalogues is refused: its columns could mean different things in different rows,
 * and a clerk can send each plan's months in a file of their own.
 */

import type { Catalogue } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { headerRowOf } from "../normalize/header.ts";
import { parseMonth } from "../normalize/month.ts";
import type { CellTable } from "../read/cellTable.ts";
import { EMPTY_CATALOGUE } from "./catalogueOf.ts";
import { type PlanSpan, spanFor } from "./planSpan.ts";

interface FileCatalogue {
  catalogue: Catalogue;
  /** Set when the months belong to plans with different catalogues. */
  finding: Finding | null;
}

/** Whether two catalogues read a file the same way (one file, the same items and headers). */
function sameCatalogue(a: Catalogue, b: Catalogue): boolean {
  if (a === b) return true;
  if (a.items.length !== b.items.length) return false;
  return a.items.every((item, i) => {
    const other = b.items[i];
    return item.key === other.key && item.zh === other.zh && item.max === other.max;
  });
}

/** The span ending last: the catalogue a file is read with when its months name no plan. */
function latest(spans: readonly PlanSpan[]): PlanSpan | null {
  let best: PlanSpan | null = null;
  for (const s of spans) if (best === null || s.last > best.last) best = s;
  return best;
}

export function fileCatalogue(table: CellTable, spans: readonly PlanSpan[]): FileCatalogue {
  const fallback = latest(spans)?.catalogue ?? EMPTY_CATALOGUE;
  const header = headerRowOf(table);
  if (header === null) return { catalogue: fallback, finding: null };
  const seen = new Uint8Array(table.texts.length);
  const used: PlanSpan[] = [];
  for (let r = header.row + 1; r < table.rowCount; r++) {
    const code = table.code(r, header.month);
    if (seen[code] === 1) continue;
    seen[code] = 1;
    const month = parseMonth(table.texts[code]);
    const span = month === null ? null : spanFor(spans, month);
    if (span !== null && !used.includes(span)) used.push(span);
  }
  if (used.length === 0) return { catalogue: fallback, finding: null };
  const distinct = used.filter(
    (s, i) => used.findIndex((t) => sameCatalogue(t.catalogue, s.catalogue)) === i,
  );
  if (distinct.length === 1) return { catalogue: distinct[0].catalogue, finding: null };
  distinct.sort((a, b) => (a.first < b.first ? -1 : 1));
  const spansText = distinct.map((s) => `${s.first}–${s.last}`);
  return {
    catalogue: distinct.at(-1)!.catalogue,
    finding: finding(
      null,
      null,
      "months_of_two_plans",
      `文件中的报告月份分属不同的目标计划（${spansText.join("、")}），各计划的月报统计项不同。请按计划期间分开报送，每个文件只含一个计划的月份。`,
      `The file's months belong to different plans (${spansText.join(", ")}), whose monthly reports hold different items. Send each plan's months in a file of their own.`,
    ),
  };
}
