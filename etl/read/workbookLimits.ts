/**
 * The limits an .xlsx workbook is read within, and the finding that refuses a workbook beyond
 * them. A workbook is a ZIP of XML: 4 MB of it can unpack to gigabytes, and reading it whole
 * (as a DOM, or every cell as an object) let one upload take the server's memory. So the parts
 * are inflated as a stream, every byte is counted, and reading stops at the first limit passed,
 * before anything is held for the whole sheet.
 *
 * Why these numbers. The largest real input is a district-wide file in the long layout: 14 units
 * × 13 months × 23 items ≈ 4,200 rows of 4 cells; a town's case ledger holds a few thousand cases
 * of 6 cells. The limits leave twenty times that and more, while a workbook at every limit at once
 * is read in a few seconds in about 200 MB:
 * - rows: 100,000 — Excel numbers rows to 1,048,576, and a sheet formatted to its end is a
 *   common accident as well as an attack; the row *number* counts, so a single cell far down
 *   the sheet is refused too;
 * - cells: 1,000,000, counted as the grid holds them (the blanks to the left of a filled cell in
 *   its row count too, and so do cells covered by merged ranges);
 * - characters in one cell: 32,767, the most Excel itself lets a cell hold;
 * - unpacked bytes: 64 MB of XML over every part read (about 40 bytes of XML per cell);
 * - ZIP entries: 10,000 (a workbook has a few dozen; many sheets and pictures, a few hundred).
 * CSV needs no such set: its bytes are the cells, so the upload size limit bounds it already.
 */
import { type Finding, finding } from "../../core/finding.ts";

export interface WorkbookLimits {
  /** Bytes of XML inflated from all the parts read (workbook, styles, shared strings, the sheet). */
  unpackedBytes: number;
  /** The highest row number of the sheet. */
  rows: number;
  /** Cells of the grid, blanks inside a row included. */
  cells: number;
  /** Characters of one cell's text (or one shared string). */
  cellChars: number;
  /** Entries of the ZIP container. */
  entries: number;
}

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  unpackedBytes: 64 * 1024 * 1024,
  rows: 100_000,
  cells: 1_000_000,
  cellChars: 32_767,
  entries: 10_000,
});

export type WorkbookLimit = keyof WorkbookLimits;

/** Thrown by the reader when a workbook passes one of its limits; the upload is refused whole. */
export class WorkbookTooLarge extends Error {
  readonly limit: WorkbookLimit;
  readonly value: number;
  constructor(limit: WorkbookLimit, value: number) {
    super(`workbook over its ${limit} limit`);
    this.name = "WorkbookTooLarge";
    this.limit = limit;
    this.value = value;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** The whole-file finding for a workbook over a limit: what was too large and what to do. */
export function workbookTooLargeFinding(error: WorkbookTooLarge, limits: WorkbookLimits): Finding {
  const fix = {
    zh: "请只保留模板的数据区域（删除多余的行、列和格式），或另存为 CSV 后上传。",
    en: "Keep only the template's data (delete unused rows, columns and formatting), or save it as CSV, and upload again.",
  };
  switch (error.limit) {
    case "rows":
      return finding(
        null,
        null,
        "workbook_too_large",
        `工作表的行数超过上限（${count(limits.rows)} 行），整份文件未读取。${fix.zh}`,
        `The worksheet goes beyond row ${count(limits.rows)}, the most that is read; the file was not read. ${fix.en}`,
      );
    case "cells":
      return finding(
        null,
        null,
        "workbook_too_large",
        `工作表的单元格数超过上限（${count(limits.cells)} 个，含空白单元格和合并区域），整份文件未读取。${fix.zh}`,
        `The worksheet holds more than ${count(limits.cells)} cells (blank and merged cells included), the most that is read; the file was not read. ${fix.en}`,
      );
    case "cellChars":
      return finding(
        null,
        null,
        "workbook_too_large",
        `有单元格的文字超过 ${count(limits.cellChars)} 个字符（Excel 单元格的上限），整份文件未读取。请检查并删除过长的内容后再上传。`,
        `A cell holds more than ${count(limits.cellChars)} characters (the most an Excel cell can hold); the file was not read. Remove the overlong text and upload again.`,
      );
    case "entries":
      return finding(
        null,
        null,
        "workbook_too_large",
        `工作簿内部的组成部分过多（超过 ${count(limits.entries)} 个），不像是正常的报表，整份文件未读取。${fix.zh}`,
        `The workbook has more than ${count(limits.entries)} internal parts, which no report needs; the file was not read. ${fix.en}`,
      );
    default:
      return finding(
        null,
        null,
        "workbook_too_large",
        `工作簿解压后超过 ${megabytes(limits.unpackedBytes)}，整份文件未读取。${fix.zh}`,
        `The workbook unpacks to more than ${megabytes(limits.unpackedBytes)}, the most that is read; the file was not read. ${fix.en}`,
      );
  }
}
