/**
 * Light checks of an upload in the browser, before anything is sent: find the header, and point at
 * the first obvious problems (missing unit or month column, a unit the registry does not know or
 * that is not the sender's, a month no plan covers or still to come, text in a number cell,
 * negative numbers, cells that hold an ID or phone number). The server's verdict is the
 * authority; these checks only save a round trip, and they read cells with the ingest's own rules
 * — the header comparison, the unit lookup, the month window, the number reading, the
 * personal-number scan and the total row, with the ingest's own messages — bundled for the browser
 * (server/precheck/bundle.ts), so the page and the server cannot disagree on them.
 */
import type { Finding } from "../../core/finding.ts";
import { headerKey } from "../../etl/normalize/indicatorName.ts";
import { parseNumber } from "../../etl/normalize/number.ts";
import { type Unit, unitResolver } from "../../etl/normalize/unit.ts";
import { acceptedMonth, type MonthWindow, monthFinding } from "../../etl/validate/acceptedMonth.ts";
import { otherUnitFinding } from "../../etl/validate/ownUnit.ts";
import { looksLikePii, type PiiKind } from "../../etl/validate/pii.ts";
import { unknownUnitFinding } from "../../etl/validate/rowRules.ts";
import { isTotalRow } from "../../etl/validate/totalRow.ts";

/** The header keys the page is given (uploadPage.ts): the key columns and every catalogue's headers. */
interface CheckHints {
  unit: string[];
  month: string[];
  indicator: string[];
  value: string[];
  note: string[];
  numeric: string[];
  ledger: string[];
}

/**
 * The rules the server applies to every row's unit and month (the page is given them as data):
 * the registry, the one unit a town may send for (null: any), and the months the ingest takes —
 * the plans' periods, each with the baseline month before it, up to the current month.
 */
export interface CheckRules extends MonthWindow {
  units: readonly Unit[];
  own: string | null;
}

interface CheckProblem {
  /** As Excel numbers rows (first row = 1); null for the whole file. */
  row: number | null;
  /** 0-based column index; null for the whole row or file. */
  col: number | null;
  column: string | null;
  code: string;
  zh: string;
  en: string;
}

type ColumnRole = "unit" | "month" | "number" | "text" | "unknown";

interface GridCheck {
  kind: "monthly" | "cases" | null;
  /** 0-based grid index of the header; -1 when none was found. */
  headerRow: number;
  columns: { index: number; name: string; role: ColumnRole }[];
  problems: CheckProblem[];
  dataRows: number;
  /** Total rows (合计/总计) left out. */
  skipped: number;
}

/** Rows searched for the header, as the ingest searches them. */
const HEADER_SEARCH = 10;
/** Problems shown at most; the server's verdict lists them all. */
const PROBLEM_LIMIT = 200;

/** A count as the ingest reads it: blank, a number, or not a number. */
export function readNumber(text: string): { blank: true } | { blank: false; number: number | null } {
  const parsed = parseNumber(String(text ?? ""));
  if ("error" in parsed) return { blank: false, number: null };
  return parsed.value === null ? { blank: true } : { blank: false, number: parsed.value };
}

/** Whether a cell holds a personal number, as the ingest's scan finds it. */
export function looksLikePersonal(text: string): PiiKind | null {
  return looksLikePii(String(text ?? ""));
}

function problem(
  row: number | null,
  col: number | null,
  column: string | null,
  code: string,
  zh: string,
  en: string,
): CheckProblem {
  return { row, col, column, code, zh, en };
}

/** A finding of the ingest as a problem at a grid cell. */
function atCell(f: Finding, col: number | null): CheckProblem {
  return { row: f.row, col, column: f.column, code: f.code, zh: f.zh, en: f.en };
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => String(c ?? "").trim() === "");
}

/**
 * Checks a grid (rows of text cells) against the header names the server gave (`hints`: lists of
 * header keys for unit, month, indicator, value, note, numeric indicator headers and ledger
 * columns) and, when given, the server's unit and month rules. Rows are numbered as Excel shows
 * them (first row = 1).
 */
export function checkGrid(
  grid: string[][],
  hints: CheckHints,
  rules: CheckRules | null = null,
  limit = PROBLEM_LIMIT,
): GridCheck {
  const resolve = rules ? unitResolver(rules.units) : null;
  const others = new Set<string>();
  const has = (list: string[], cell: string) => list.includes(headerKey(String(cell ?? "")));
  const problems: CheckProblem[] = [];
  const add = (p: CheckProblem) => {
    if (problems.length < limit) problems.push(p);
  };
  let headerRow = -1;
  let kind: GridCheck["kind"] = null;
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH); r++) {
    const cells = grid[r] || [];
    if (cells.some((c) => has(hints.unit, c)) && cells.some((c) => has(hints.month, c))) {
      headerRow = r;
      kind = "monthly";
      break;
    }
    if (cells.some((c) => has(hints.ledger, c))) {
      headerRow = r;
      kind = "cases";
      break;
    }
  }
  if (headerRow < 0) {
    add(
      problem(
        null,
        null,
        null,
        "no_header",
        "没有找到表头：前 10 行中没有同时包含“单位”和“报告月份”两列的行。请使用模板的表头。",
        'No header found: none of the first 10 rows names both the "单位" (unit) and "报告月份" (month) columns. Use the template\'s headers.',
      ),
    );
    return { kind: null, headerRow, columns: [], problems, dataRows: 0, skipped: 0 };
  }
  const header = grid[headerRow];
  const columns = header.map((cell, index) => {
    const name = String(cell ?? "").trim();
    let role: ColumnRole = "text";
    if (has(hints.unit, cell)) role = "unit";
    else if (kind === "monthly" && has(hints.month, cell)) role = "month";
    else if (kind === "monthly" && (has(hints.numeric, cell) || has(hints.value, cell))) role = "number";
    else if (kind === "monthly" && name !== "" && !has(hints.indicator, cell) && !has(hints.note, cell))
      role = "unknown";
    return { index, name, role };
  });
  if (!columns.some((c) => c.role === "unit")) {
    add(
      problem(
        headerRow + 1,
        null,
        null,
        "missing_column",
        "缺少“单位”列。",
        'The "单位" (unit) column is missing.',
      ),
    );
  }
  for (const c of columns.filter((c) => c.role === "unknown")) {
    add(
      problem(
        headerRow + 1,
        c.index,
        c.name,
        "unknown_column",
        `无法识别的列“${c.name}”：不是模板的列名。`,
        `Unknown column "${c.name}": not a column of the template.`,
      ),
    );
  }
  let dataRows = 0;
  let skipped = 0;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] || [];
    if (isBlankRow(cells)) continue;
    if (cells.slice(0, 2).some((c) => isTotalRow(String(c ?? "").trim()))) {
      skipped++;
      continue;
    }
    dataRows++;
    const excelRow = r + 1;
    for (const c of columns) {
      const text = String(cells[c.index] ?? "");
      const at = (code: string, zh: string, en: string) =>
        add(problem(excelRow, c.index, c.name, code, zh, en));
      const personal = looksLikePersonal(text);
      if (personal) {
        at(
          "personal_number",
          personal === "mobile"
            ? "疑似手机号码：系统不接收个人号码，请删除。"
            : "疑似身份证号码：系统不接收身份证号，请删除。",
          personal === "mobile"
            ? "Looks like a mobile phone number: the system takes no personal numbers; delete it."
            : "Looks like a resident ID number: the system takes no ID numbers; delete it.",
        );
        continue;
      }
      if (c.role === "unit" && resolve) {
        const unit = resolve(text);
        if (unit === null) add(atCell(unknownUnitFinding(excelRow, c.name, text), c.index));
        else if (rules?.own && unit.code !== rules.own) others.add(unit.code);
        continue;
      }
      if (c.role === "month" && rules) {
        const verdict = acceptedMonth(text, rules);
        if (verdict.problem !== null)
          add(atCell(monthFinding(verdict, excelRow, c.name, text, rules), c.index));
        continue;
      }
      if ((c.role === "unit" || c.role === "month") && text.trim() === "") {
        at(
          "missing_value",
          c.role === "unit" ? "单位为空。" : "报告月份为空。",
          c.role === "unit" ? "The unit is blank." : "The month is blank.",
        );
      }
      if (c.role !== "number") continue;
      const n = readNumber(text);
      if (n.blank) continue;
      if (n.number === null) at("not_number", "不是数字。", "Not a number.");
      else if (n.number < 0) at("negative", "不能为负数。", "Cannot be negative.");
    }
  }
  if (others.size > 0 && rules?.own) {
    problems.unshift(atCell(otherUnitFinding(rules.units, rules.own, [...others].sort()), null));
  }
  if (dataRows === 0) {
    add(
      problem(
        null,
        null,
        null,
        "no_rows",
        "表头下面没有数据行。",
        "There are no data rows below the header.",
      ),
    );
  }
  return { kind, headerRow, columns, problems, dataRows, skipped };
}
