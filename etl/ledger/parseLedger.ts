/**
 * A case ledger upload → cases + findings (pure). One unit per file; the upload is the unit's
 * whole current ledger. Refused: unknown unit or several units, a case_id missing, repeated with
 * different data or over 32 characters, an unknown category, a bad or future date, employed
 * before identified, and any cell that holds an ID number or a phone number (never echoed).
 * Text beginning with = + - @ is kept as text; exports neutralise it.
 */

import type { CaseCategory } from "../../core/caseDeadline.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { toHalfWidth } from "../normalize/halfWidth.ts";
import { REDACTED } from "../normalize/redacted.ts";
import { type Unit, unitResolver } from "../normalize/unit.ts";
import { excerpt } from "../validate/findingCollector.ts";
import type { ScreenedTable } from "../validate/screenTable.ts";
import { isTotalRow } from "../validate/totalRow.ts";
import { parseCaseDate } from "./caseDate.ts";
import { LEDGER_HEADER_ROWS, type LedgerColumn, ledgerColumnOf, ledgerHeaderRow } from "./ledgerHeader.ts";

export interface Case {
  unit: string;
  case_id: string;
  category: CaseCategory;
  identified_on: string;
  employed_on: string | null;
  channel: string | null;
}

export interface ParsedLedger {
  unit: string | null;
  /** Every known unit a data row names, sorted. */
  namedUnits: string[];
  cases: Case[];
  errors: Finding[];
  warnings: Finding[];
  rows: number;
}

export const MAX_CASE_ID = 32;

const CATEGORIES = new Map<string, CaseCategory>([
  ["zero_family", "zero_family"],
  ["零就业家庭", "zero_family"],
  ["零就业", "zero_family"],
  ["hardship", "hardship"],
  ["就业困难人员", "hardship"],
  ["就业困难", "hardship"],
]);

const REQUIRED: LedgerColumn[] = ["unit", "case_id", "category", "identified_on", "employed_on"];

/** Per distinct text (dictionary code), a value computed once. */
function perCode<T>(texts: readonly string[], compute: (text: string) => T): (code: number) => T {
  const done = new Uint8Array(texts.length);
  const values = new Array<T>(texts.length);
  return (code) => {
    if (done[code]) return values[code];
    done[code] = 1;
    const value = compute(texts[code]);
    values[code] = value;
    return value;
  };
}

/**
 * Reads the ledger from its screened cells (screenUpload.ts) as dictionary codes: the checks of a
 * repeated text (a unit, a category, a date) run once per distinct text. The privacy findings come
 * first; a redacted cell gives no other finding that could quote it.
 */
export function parseLedger(screened: ScreenedTable, ctx: { units: Unit[]; today: string }): ParsedLedger {
  const table = screened.table;
  const texts = table.texts;
  const errors: Finding[] = screened.findings.list();
  const warnings: Finding[] = [];
  const out: ParsedLedger = { unit: null, namedUnits: [], cases: [], errors, warnings, rows: 0 };
  const redacted = screened.isRedacted;
  const firstRows = table.rows(0, LEDGER_HEADER_ROWS);
  const headerRow = ledgerHeaderRow(firstRows);
  if (headerRow < 0) {
    errors.push(
      finding(
        null,
        null,
        "missing_column",
        "找不到台账表头（需要“编号”“类别”“认定日期”等列）。",
        "No ledger header found (needs columns such as case_id, category, identified_on).",
      ),
    );
    return out;
  }
  const header = firstRows[headerRow];
  const columns = new Map<LedgerColumn, number>();
  header.forEach((text, c) => {
    if (!text.trim()) return;
    const key = ledgerColumnOf(text);
    if (!key) {
      if (!table.columnIsBlank(headerRow + 1, c))
        errors.push(
          finding(
            headerRow + 1,
            text,
            "unknown_column",
            `未知的列“${excerpt(text)}”。`,
            `Unknown column "${excerpt(text)}".`,
          ),
        );
    } else if (columns.has(key)) {
      errors.push(
        finding(
          headerRow + 1,
          text,
          "duplicate_column",
          `列“${text}”出现了两次。`,
          `Column "${text}" appears twice.`,
        ),
      );
    } else columns.set(key, c);
  });
  for (const key of REQUIRED) {
    if (!columns.has(key)) {
      errors.push(
        finding(null, key, "missing_column", `缺少必需的列：${key}。`, `Missing required column: ${key}.`),
      );
    }
  }
  if (REQUIRED.some((k) => !columns.has(k))) return out;
  const name = (key: LedgerColumn) => header[columns.get(key)!];
  // column positions, looked up once (-1: absent)
  const at = (key: LedgerColumn) => columns.get(key) ?? -1;
  const [unitAt, caseAt, categoryAt, identifiedAt, employedAt, channelAt] = [
    at("unit"),
    at("case_id"),
    at("category"),
    at("identified_on"),
    at("employed_on"),
    at("channel"),
  ];
  const trimmedOf = perCode(texts, (text) => text.trim());
  const cellAt = (r: number, c: number) => {
    if (c < 0) return "";
    const code = table.code(r, c);
    return redacted(code) ? REDACTED : trimmedOf(code);
  };
  const resolve = unitResolver(ctx.units);
  const unitOf = perCode(texts, (text) => resolve(text.trim()));
  const totalOf = perCode(texts, (text) => isTotalRow(text.trim()));
  const categoryOf = perCode(texts, (raw) => {
    const text = raw.trim();
    return CATEGORIES.get(text) ?? CATEGORIES.get(text.replace(/\s+/g, "").toLowerCase()) ?? null;
  });
  const dateOf = perCode(texts, (text) => parseCaseDate(text.trim()));
  const blankRow = (r: number) => {
    const start = table.rowStart(r);
    for (let c = 0; c < table.rowLength(r); c++) if (!table.isBlank(table.codeAt(start + c))) return false;
    return true;
  };
  const units = new Set<string>();
  // case_id → the index in cases of the row that first held it. Not by code: equal texts of a
  // column that seldom repeats need not share one (cellDictionary.ts)
  const caseIdOf = (r: number) => toHalfWidth(cellAt(r, caseAt));
  const firstById = new Map<string, number>();
  const caseRows: number[] = [];
  for (let r = headerRow + 1; r < table.rowCount; r++) {
    const excelRow = r + 1;
    if (blankRow(r)) continue;
    const unitCode = unitAt < 0 ? 0 : table.code(r, unitAt);
    const unitText = cellAt(r, unitAt);
    if (!redacted(unitCode) && totalOf(unitCode)) continue;
    out.rows++;
    const unit = redacted(unitCode) ? null : unitOf(unitCode);
    if (!unit) {
      errors.push(
        finding(
          excelRow,
          name("unit"),
          "unknown_unit",
          `未知单位“${excerpt(unitText)}”。`,
          `Unknown unit "${excerpt(unitText)}".`,
        ),
      );
    } else units.add(unit.code);
    const caseId = caseIdOf(r);
    if (!caseId) {
      errors.push(
        finding(excelRow, name("case_id"), "missing_case_id", "编号为空。", "The case_id is empty."),
      );
    } else if (caseId.length > MAX_CASE_ID && [...caseId].length > MAX_CASE_ID) {
      errors.push(
        finding(
          excelRow,
          name("case_id"),
          "case_id_too_long",
          `编号超过 ${MAX_CASE_ID} 个字符。`,
          `The case_id is longer than ${MAX_CASE_ID} characters.`,
        ),
      );
    }
    const categoryCode = table.code(r, categoryAt);
    const category = redacted(categoryCode) ? null : categoryOf(categoryCode);
    if (!category) {
      const categoryText = cellAt(r, categoryAt);
      errors.push(
        finding(
          excelRow,
          name("category"),
          "unknown_category",
          `未知类别“${excerpt(categoryText)}”（应为“零就业家庭”或“就业困难人员”）。`,
          `Unknown category "${excerpt(categoryText)}" (expected zero_family or hardship).`,
        ),
      );
    }
    const dateCtx = { header, today: ctx.today, errors };
    const identified = dateCell(
      cellAt(r, identifiedAt),
      dateOf(table.code(r, identifiedAt)),
      { row: excelRow, column: identifiedAt, required: true },
      dateCtx,
    );
    const employed = dateCell(
      cellAt(r, employedAt),
      dateOf(table.code(r, employedAt)),
      { row: excelRow, column: employedAt, required: false },
      dateCtx,
    );
    if (identified && employed && employed < identified) {
      errors.push(
        finding(
          excelRow,
          name("employed_on"),
          "employed_before_identified",
          `就业日期 ${employed} 早于认定日期 ${identified}。`,
          `Employed on ${employed}, before being identified on ${identified}.`,
        ),
      );
    }
    if (!unit || !caseId || !category || !identified || employed === undefined) continue;
    const c: Case = {
      unit: unit.code,
      case_id: caseId,
      category,
      identified_on: identified,
      employed_on: employed,
      channel: cellAt(r, channelAt) || null,
    };
    const earlier = firstById.get(caseId) ?? -1;
    if (earlier >= 0 && !sameCase(out.cases[earlier], c)) {
      errors.push(
        finding(
          excelRow,
          name("case_id"),
          "conflicting_case",
          `编号与第 ${caseRows[earlier]} 行相同，但内容不同。`,
          `Same case_id as row ${caseRows[earlier]}, with different data.`,
        ),
      );
    } else if (earlier >= 0) {
      warnings.push(
        finding(
          excelRow,
          name("case_id"),
          "duplicate_case",
          `与第 ${caseRows[earlier]} 行完全相同，只计一次。`,
          `Identical to row ${caseRows[earlier]}; counted once.`,
        ),
      );
    } else {
      firstById.set(caseId, out.cases.length);
      caseRows.push(excelRow);
      out.cases.push(c);
    }
  }
  if (units.size > 1) {
    errors.push(
      finding(
        null,
        name("unit"),
        "several_units",
        `一份台账只能包含一个单位（本文件有 ${units.size} 个）。`,
        `A ledger holds one unit only (this file has ${units.size}).`,
      ),
    );
  }
  if (out.rows === 0)
    errors.push(finding(null, null, "no_data", "文件没有数据行。", "The file has no data rows."));
  out.unit = units.size === 1 ? [...units][0] : null;
  out.namedUnits = [...units].sort();
  return out;
}

function sameCase(a: Case, b: Case): boolean {
  return (
    a.unit === b.unit &&
    a.category === b.category &&
    a.identified_on === b.identified_on &&
    a.employed_on === b.employed_on &&
    a.channel === b.channel
  );
}

/** A date cell: the date, null when blank (and allowed), undefined when refused. */
function dateCell(
  text: string,
  date: string | null,
  where: { row: number; column: number; required: boolean },
  ctx: { header: string[]; today: string; errors: Finding[] },
): string | null | undefined {
  const { row, required } = where;
  const { today, errors } = ctx;
  const column = ctx.header[where.column];
  if (!text) {
    if (!required) return null;
    errors.push(finding(row, column, "missing_date", "日期为空。", "The date is empty."));
    return undefined;
  }
  if (!date) {
    errors.push(
      finding(
        row,
        column,
        "bad_date",
        `无法识别的日期“${excerpt(text)}”（示例：2022-03-05、2022/3/5、2022年3月5日）。`,
        `Unrecognised date "${excerpt(text)}" (e.g. 2022-03-05, 2022/3/5, 2022年3月5日).`,
      ),
    );
    return undefined;
  }
  if (date > today) {
    errors.push(
      finding(
        row,
        column,
        "future_date",
        `日期 ${date} 晚于今天（${today}）。`,
        `The date ${date} is after today (${today}).`,
      ),
    );
    return undefined;
  }
  return date;
}
