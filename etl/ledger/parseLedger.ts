/**
 * A case ledger upload → cases + findings (pure). One unit per file; the upload is the unit's
 * whole current ledger. Refused: unknown unit or several units, a case_id missing, repeated with
 * different data or over 32 characters, an unknown category, a bad or future date, employed
 * before identified, and any cell that holds an ID number or a phone number (never echoed).
 * Text beginning with = + - @ is kept as text; exports neutralise it.
 */
import { type Finding, finding } from "../finding.ts";
import { toHalfWidth } from "../normalize/halfWidth.ts";
import { type Unit, unitResolver } from "../normalize/unit.ts";
import { excerpt } from "../validate/findingCollector.ts";
import { looksLikePii, piiFinding } from "../validate/pii.ts";
import { isTotalRow } from "../validate/totalRow.ts";
import { type CaseCategory, parseCaseDate } from "./caseDate.ts";
import { type LedgerColumn, ledgerColumnOf, ledgerHeaderRow } from "./ledgerHeader.ts";

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

/** What stands in for a cell that held an ID or phone number, so no later message can echo it. */
const REDACTED = "［已隐去 redacted］";

export function parseLedger(rawGrid: string[][], ctx: { units: Unit[]; today: string }): ParsedLedger {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const out: ParsedLedger = { unit: null, cases: [], errors, warnings, rows: 0 };
  const rawHeader = rawGrid[Math.max(0, ledgerHeaderRow(rawGrid))] ?? [];
  // copy on write: only rows holding PII are copied, with those cells redacted
  const grid = rawGrid.slice();
  for (let r = 0; r < rawGrid.length; r++) {
    const row = rawGrid[r];
    for (let c = 0; c < row.length; c++) {
      const kind = looksLikePii(row[c]);
      if (!kind) continue;
      const column = rawHeader[c] && !looksLikePii(rawHeader[c]) ? rawHeader[c] : `#${c + 1}`;
      errors.push(piiFinding(kind, r + 1, column));
      if (grid[r] === row) grid[r] = row.slice();
      grid[r][c] = REDACTED;
    }
  }
  const headerRow = ledgerHeaderRow(grid);
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
  const header = grid[headerRow];
  const columns = new Map<LedgerColumn, number>();
  header.forEach((text, c) => {
    if (!text.trim()) return;
    const key = ledgerColumnOf(text);
    const empty = grid.slice(headerRow + 1).every((row) => !(row[c] ?? "").trim());
    if (!key) {
      if (!empty)
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
  const cell = (row: string[], key: LedgerColumn) =>
    columns.has(key) ? (row[columns.get(key)!] ?? "").trim() : "";
  const resolve = unitResolver(ctx.units);
  const units = new Set<string>();
  const seen = new Map<string, { row: number; c: Case }>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const excelRow = r + 1;
    if (isBlankRow(row)) continue;
    const unitText = cell(row, "unit");
    if (isTotalRow(unitText)) continue;
    out.rows++;
    const unit = resolve(unitText);
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
    const caseId = toHalfWidth(cell(row, "case_id"));
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
    const categoryText = cell(row, "category");
    const category =
      CATEGORIES.get(categoryText) ?? CATEGORIES.get(categoryText.replace(/\s+/g, "").toLowerCase());
    if (!category) {
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
    const identified = dateCell(
      cell(row, "identified_on"),
      excelRow,
      name("identified_on"),
      true,
      ctx.today,
      errors,
    );
    const employed = dateCell(
      cell(row, "employed_on"),
      excelRow,
      name("employed_on"),
      false,
      ctx.today,
      errors,
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
      channel: cell(row, "channel") || null,
    };
    const earlier = seen.get(caseId);
    if (earlier && !sameCase(earlier.c, c)) {
      errors.push(
        finding(
          excelRow,
          name("case_id"),
          "conflicting_case",
          `编号与第 ${earlier.row} 行相同，但内容不同。`,
          `Same case_id as row ${earlier.row}, with different data.`,
        ),
      );
    } else if (earlier) {
      warnings.push(
        finding(
          excelRow,
          name("case_id"),
          "duplicate_case",
          `与第 ${earlier.row} 行完全相同，只计一次。`,
          `Identical to row ${earlier.row}; counted once.`,
        ),
      );
    } else {
      seen.set(caseId, { row: excelRow, c });
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
  return out;
}

function isBlankRow(row: string[]): boolean {
  for (const v of row) if (v.length && v.trim()) return false;
  return true;
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
  row: number,
  column: string,
  required: boolean,
  today: string,
  errors: Finding[],
): string | null | undefined {
  if (!text) {
    if (!required) return null;
    errors.push(finding(row, column, "missing_date", "日期为空。", "The date is empty."));
    return undefined;
  }
  const date = parseCaseDate(text);
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
