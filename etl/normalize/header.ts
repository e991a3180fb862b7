/**
 * The header of a monthly template: which grid row it is, whether the file is in the wide
 * layout (one column per indicator) or the long one (`unit, month, indicator, value`), and what
 * each column holds. The header is the first of the first ten rows that names both the unit and
 * the month column, so a title row above it ("青浦区稳就业月报（2022年8月）") is skipped.
 */
import type { Catalogue, Indicator } from "../../core/catalogue.ts";
import { ytdRefused } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { columnName } from "./columnName.ts";
import { headerKey, indicatorByName } from "./indicatorName.ts";

export type ColumnSpec =
  | { role: "unit" | "month" | "indicator_name" | "value" | "note"; index: number; header: string }
  | { role: "indicator"; index: number; header: string; indicator: Indicator; ytd: boolean; ordinal: number };

/**
 * The rows the header is read from, when they are not a grid of strings: the first rows as
 * strings, the longest row's length, and whether a column is blank below a row (CellTable).
 */
interface HeaderRows {
  readonly rowCount: number;
  readonly width: number;
  row(r: number): readonly string[];
  columnIsBlank(from: number, column: number): boolean;
}

interface HeaderMap {
  /** 0-based grid index; Excel shows it as row headerRow + 1. */
  headerRow: number;
  layout: "wide" | "long";
  columns: ColumnSpec[];
  findings: Finding[];
}

type KeyRole = "unit" | "month" | "indicator_name" | "value" | "note";

/**
 * The headers each key column may have (the browser's precheck reads the same list). `note` is
 * the optional 备注 column: the unit's explanation (情况说明) of its month, kept as a note and
 * never as a figure.
 */
export const HEADER_ROLE_NAMES: Record<KeyRole, readonly string[]> = {
  unit: ["unit", "单位", "街镇", "街镇代码", "单位名称", "街镇名称"],
  month: ["month", "报告月份", "月份", "统计月份"],
  indicator_name: ["indicator", "统计项", "指标"],
  value: ["value", "数值"],
  note: ["note", "备注", "情况说明", "备注（情况说明）"],
};

const ROLE_LABEL: Record<KeyRole, { zh: string; en: string }> = {
  unit: { zh: "单位（unit）", en: "unit (单位)" },
  month: { zh: "报告月份（month）", en: "month (报告月份)" },
  indicator_name: { zh: "统计项（indicator）", en: "indicator (统计项)" },
  value: { zh: "数值（value）", en: "value (数值)" },
  note: { zh: "备注（note）", en: "note (备注)" },
};

const ROLE_BY_NAME = new Map<string, KeyRole>(
  (Object.entries(HEADER_ROLE_NAMES) as [KeyRole, readonly string[]][]).flatMap(([role, names]) =>
    names.map((name) => [headerKey(name), role] as [string, KeyRole]),
  ),
);

/** Rows searched for the header. */
const HEADER_SEARCH = 10;

function rolesOf(row: readonly string[]): Set<KeyRole> {
  const roles = new Set<KeyRole>();
  for (const cell of row) {
    const role = ROLE_BY_NAME.get(headerKey(cell ?? ""));
    if (role) roles.add(role);
  }
  return roles;
}

/**
 * The header row, or when no row names both unit and month, the row that names the most known
 * columns (score 0: nothing looks like a header at all).
 */
function findHeaderRow(
  grid: HeaderRows,
  catalogue: Catalogue,
): { row: number; roles: Set<KeyRole>; score: number } {
  let best = { row: 0, roles: new Set<KeyRole>(), score: 0 };
  const end = Math.min(grid.rowCount, HEADER_SEARCH);
  for (let r = 0; r < end; r++) {
    const row = grid.row(r);
    const roles = rolesOf(row);
    if (roles.has("unit") && roles.has("month")) return { row: r, roles, score: Number.POSITIVE_INFINITY };
    let score = roles.size;
    for (const cell of row) if (indicatorByName(catalogue, cell ?? "")) score++;
    if (score > best.score) best = { row: r, roles, score };
  }
  return best;
}

/** A grid seen as HeaderRows. */
function gridRows(grid: readonly string[][]): HeaderRows {
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  return {
    rowCount: grid.length,
    width,
    row: (r) => grid[r],
    columnIsBlank(from, index) {
      for (let r = from; r < grid.length; r++) {
        const cell = grid[r][index];
        if (cell !== undefined && cell !== "" && cell.trim() !== "") return false;
      }
      return true;
    },
  };
}

function missingColumn(role: KeyRole): Finding {
  const label = ROLE_LABEL[role];
  if (role === "unit" || role === "month") {
    return finding(
      null,
      null,
      "missing_column",
      `缺少“${label.zh}”列：前 ${HEADER_SEARCH} 行中没有同时包含“单位”和“报告月份”两列的表头行。请使用月报模板的表头。`,
      `The ${label.en} column is missing: none of the first ${HEADER_SEARCH} rows is a header naming both the unit and the month column. Use the headers of the monthly template.`,
    );
  }
  return finding(
    null,
    null,
    "missing_column",
    `缺少“${label.zh}”列：长表格式需要 单位、报告月份、统计项、数值 四列。`,
    `The ${label.en} column is missing: the long layout needs the unit, month, indicator and value columns.`,
  );
}

/** The header row as found by its unit and month columns alone (null: no row names both). */
export function headerRowOf(input: readonly string[][] | HeaderRows): {
  row: number;
  unit: number;
  month: number;
} | null {
  const grid = Array.isArray(input) ? gridRows(input) : (input as HeaderRows);
  const end = Math.min(grid.rowCount, HEADER_SEARCH);
  for (let r = 0; r < end; r++) {
    const row = grid.row(r);
    let unit = -1;
    let month = -1;
    row.forEach((cell, c) => {
      const role = ROLE_BY_NAME.get(headerKey(cell ?? ""));
      if (role === "unit" && unit < 0) unit = c;
      if (role === "month" && month < 0) month = c;
    });
    if (unit >= 0 && month >= 0) return { row: r, unit, month };
  }
  return null;
}

/**
 * Reads the header with the catalogue of the file's months: its row, the layout, each known
 * column, and findings for the rest.
 */
export function mapHeader(input: readonly string[][] | HeaderRows, catalogue: Catalogue): HeaderMap {
  const grid = Array.isArray(input) ? gridRows(input) : (input as HeaderRows);
  const { row: headerRow, roles, score } = findHeaderRow(grid, catalogue);
  const headerCells = headerRow < grid.rowCount ? grid.row(headerRow) : [];
  const excelRow = headerRow + 1;
  const layout = roles.has("indicator_name") || roles.has("value") ? "long" : "wide";
  const findings: Finding[] = [];
  const columns: ColumnSpec[] = [];
  const seen = new Map<string, string>();

  for (let c = 0; c < grid.width; c++) {
    const header = (headerCells[c] ?? "").trim();
    const name = columnName(headerCells, c);
    const role = header === "" ? undefined : ROLE_BY_NAME.get(headerKey(header));
    const named = header === "" || role ? null : indicatorByName(catalogue, header);
    const identity = role ?? (named ? `${named.indicator.key}${named.ytd ? "_ytd" : ""}` : null);
    if (identity !== null && (layout === "wide" || role)) {
      const first = seen.get(identity);
      if (first !== undefined) {
        findings.push(
          finding(
            excelRow,
            name,
            "duplicate_column",
            `列“${name}”与前面的列“${first}”是同一项，一个文件中每一项只能有一列。`,
            `Column "${name}" is the same item as the earlier column "${first}"; each item may appear in one column only.`,
          ),
        );
        continue;
      }
      seen.set(identity, name);
      if (role) columns.push({ role, index: c, header });
      else if (named && ytdRefused(named)) {
        findings.push(ytdNotTakenFinding(excelRow, name, named.indicator));
      } else if (named) columns.push({ role: "indicator", index: c, header, ...named });
      continue;
    }
    // with no header in sight, the missing unit and month columns say all there is to say
    if (score === 0 || grid.columnIsBlank(headerRow + 1, c)) continue;
    const zh = named
      ? `列“${name}”：长表格式（unit, month, indicator, value）中统计项应写在“统计项”列里，不能单独成列。`
      : `无法识别的列“${name}”：不是月报模板的列名。请使用模板表头（如“正规就业人数”）或英文键（如 formal_employment），或删除该列。`;
    const en = named
      ? `Column "${name}": in the long layout (unit, month, indicator, value) an indicator goes in the indicator column, not a column of its own.`
      : `Unknown column "${name}": not a column of the monthly template. Use a template header (e.g. 正规就业人数) or an English key (e.g. formal_employment), or delete the column.`;
    findings.push(finding(excelRow, name, "unknown_column", zh, en));
  }

  const required: KeyRole[] =
    layout === "long" ? ["unit", "month", "indicator_name", "value"] : ["unit", "month"];
  for (const role of required) if (!seen.has(role)) findings.push(missingColumn(role));
  return { headerRow, layout, columns, findings };
}

/** A year-to-date column of an item the catalogue takes only as the month's figure. */
export function ytdNotTakenFinding(row: number, column: string, indicator: Indicator): Finding {
  return finding(
    row,
    column,
    "ytd_not_taken",
    `列“${column}”：“${indicator.zh}”只接收本月数，不接收累计数。请填写当月发生的数值，列名不带“累计”。`,
    `Column "${column}": ${indicator.en} (${indicator.key}) is taken as the month's figure only, not year to date; report the month's own figure under the plain header.`,
  );
}
