/**
 * The checks of one data row of a case ledger, and of the rows together: a known unit, a case id
 * (present, at most MAX_CASE_ID characters, not repeated with other data), a known category, the
 * dates (readable, not in the future, employed not before identified). A row that passes is a
 * Case; a row repeated exactly is counted once, with a warning. Pure.
 */
import type { CaseCategory } from "../../core/caseDeadline.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { excerpt } from "../validate/findingCollector.ts";
import type { LedgerCellReader } from "./ledgerCellReader.ts";
import type { LedgerColumn } from "./ledgerHeader.ts";

export interface Case {
  unit: string;
  case_id: string;
  category: CaseCategory;
  identified_on: string;
  employed_on: string | null;
  channel: string | null;
}

const MAX_CASE_ID = 32;

export class CaseRowChecks {
  /** The cases accepted so far, each case id once. */
  readonly cases: Case[] = [];
  /** Every known unit a data row names. */
  readonly units = new Set<string>();
  readonly #cells: LedgerCellReader;
  readonly #header: readonly string[];
  readonly #today: string;
  readonly #errors: Finding[];
  readonly #warnings: Finding[];
  readonly #at: (key: LedgerColumn) => number;
  /** case_id → the index in cases of the row that first held it, and that row's Excel number. */
  readonly #firstById = new Map<string, number>();
  readonly #caseRows: number[] = [];

  constructor(
    cells: LedgerCellReader,
    columns: Map<LedgerColumn, number>,
    header: readonly string[],
    ctx: { today: string; errors: Finding[]; warnings: Finding[] },
  ) {
    this.#cells = cells;
    this.#header = header;
    this.#today = ctx.today;
    this.#errors = ctx.errors;
    this.#warnings = ctx.warnings;
    // column positions, looked up once (-1: absent)
    this.#at = (key) => columns.get(key) ?? -1;
  }

  /** The header of a column, as findings name it. */
  name(key: LedgerColumn): string {
    return this.#header[this.#at(key)];
  }

  /** Checks the data row `r` (0-based grid index) and keeps its case when it passes. */
  check(r: number): void {
    const cells = this.#cells;
    const errors = this.#errors;
    const excelRow = r + 1;
    const unit = cells.unit(r, this.#at("unit"));
    if (!unit) {
      const unitText = cells.text(r, this.#at("unit"));
      errors.push(
        finding(
          excelRow,
          this.name("unit"),
          "unknown_unit",
          `未知单位“${excerpt(unitText)}”。`,
          `Unknown unit "${excerpt(unitText)}".`,
        ),
      );
    } else this.units.add(unit.code);
    const caseId = cells.caseId(r, this.#at("case_id"));
    if (!caseId) {
      errors.push(
        finding(excelRow, this.name("case_id"), "missing_case_id", "编号为空。", "The case_id is empty."),
      );
    } else if (caseId.length > MAX_CASE_ID && [...caseId].length > MAX_CASE_ID) {
      errors.push(
        finding(
          excelRow,
          this.name("case_id"),
          "case_id_too_long",
          `编号超过 ${MAX_CASE_ID} 个字符。`,
          `The case_id is longer than ${MAX_CASE_ID} characters.`,
        ),
      );
    }
    const category = cells.category(r, this.#at("category"));
    if (!category) {
      const categoryText = cells.text(r, this.#at("category"));
      errors.push(
        finding(
          excelRow,
          this.name("category"),
          "unknown_category",
          `未知类别“${excerpt(categoryText)}”（应为“零就业家庭”或“就业困难人员”）。`,
          `Unknown category "${excerpt(categoryText)}" (expected zero_family or hardship).`,
        ),
      );
    }
    const identified = this.#dateCell(r, this.#at("identified_on"), true);
    const employed = this.#dateCell(r, this.#at("employed_on"), false);
    if (identified && employed && employed < identified) {
      errors.push(
        finding(
          excelRow,
          this.name("employed_on"),
          "employed_before_identified",
          `就业日期 ${employed} 早于认定日期 ${identified}。`,
          `Employed on ${employed}, before being identified on ${identified}.`,
        ),
      );
    }
    if (!unit || !caseId || !category || !identified || employed === undefined) return;
    this.#keep(excelRow, {
      unit: unit.code,
      case_id: caseId,
      category,
      identified_on: identified,
      employed_on: employed,
      channel: cells.text(r, this.#at("channel")) || null,
    });
  }

  /** A case once per id: an exact repeat is a warning, the same id with other data an error. */
  #keep(excelRow: number, c: Case): void {
    const earlier = this.#firstById.get(c.case_id) ?? -1;
    if (earlier >= 0 && !sameCase(this.cases[earlier], c)) {
      this.#errors.push(
        finding(
          excelRow,
          this.name("case_id"),
          "conflicting_case",
          `编号与第 ${this.#caseRows[earlier]} 行相同，但内容不同。`,
          `Same case_id as row ${this.#caseRows[earlier]}, with different data.`,
        ),
      );
    } else if (earlier >= 0) {
      this.#warnings.push(
        finding(
          excelRow,
          this.name("case_id"),
          "duplicate_case",
          `与第 ${this.#caseRows[earlier]} 行完全相同，只计一次。`,
          `Identical to row ${this.#caseRows[earlier]}; counted once.`,
        ),
      );
    } else {
      this.#firstById.set(c.case_id, this.cases.length);
      this.#caseRows.push(excelRow);
      this.cases.push(c);
    }
  }

  /** A date cell: the date, null when blank (and allowed), undefined when refused. */
  #dateCell(r: number, c: number, required: boolean): string | null | undefined {
    const text = this.#cells.text(r, c);
    const date = this.#cells.date(r, c);
    const row = r + 1;
    const today = this.#today;
    const errors = this.#errors;
    const column = this.#header[c];
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
