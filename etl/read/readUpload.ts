/**
 * An uploaded file's bytes → its cells, whatever Excel or another tool wrote: .xlsx (first
 * worksheet) or CSV text in UTF-8, UTF-8 with BOM or GBK/GB18030. Row i is the row Excel numbers
 * i + 1. A file that cannot be read comes back without cells and with the findings that say why;
 * every finding here refuses the file.
 */
import { type Finding, finding } from "../../core/finding.ts";
import type { CellTable } from "./cellTable.ts";
import { parseCsvTable } from "./csv.ts";
import { type TextEncoding, utf8Text } from "./decode.ts";
import { sniffFormat, type UploadFormat } from "./sniff.ts";
import { WORKBOOK_LIMITS, WorkbookTooLarge, workbookTooLargeFinding } from "./workbookLimits.ts";
import { readXlsxTable } from "./xlsx.ts";

interface Upload {
  grid: string[][] | null;
  encoding: TextEncoding | null;
  format: UploadFormat | null;
  findings: Finding[];
}

/** An upload read as a table of coded cells (cellTable.ts) rather than a grid of strings. */
interface TableUpload {
  table: CellTable | null;
  encoding: TextEncoding | null;
  format: UploadFormat | null;
  findings: Finding[];
}

function emptyFile(format: UploadFormat, encoding: TextEncoding | null): TableUpload {
  const f = finding(
    null,
    null,
    "empty_file",
    format === "xlsx" ? "工作簿的第一个工作表是空的，没有任何内容。" : "文件为空，没有任何内容。",
    format === "xlsx" ? "The first worksheet of the workbook is empty." : "The file is empty.",
  );
  return { table: null, encoding, format, findings: [f] };
}

async function readXlsx(bytes: Uint8Array): Promise<TableUpload> {
  let table: CellTable;
  try {
    table = await readXlsxTable(bytes, WORKBOOK_LIMITS);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) {
      const f = workbookTooLargeFinding(error, WORKBOOK_LIMITS);
      return { table: null, encoding: null, format: "xlsx", findings: [f] };
    }
    const f = finding(
      null,
      null,
      "unsupported_format",
      "文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或是其他压缩文件。请在 Excel 中重新另存为 .xlsx 或 CSV 后上传。",
      "The file is not a valid Excel workbook (.xlsx); it may be damaged or another kind of archive. Save it again from Excel as .xlsx or CSV and upload.",
    );
    return { table: null, encoding: null, format: "xlsx", findings: [f] };
  }
  if (table.rowCount === 0) return emptyFile("xlsx", null);
  return { table, encoding: null, format: "xlsx", findings: [] };
}

/** Reads an upload into a table of cells, or says why it cannot be read. */
export async function readUploadTable(bytes: Uint8Array, fileName: string): Promise<TableUpload> {
  const format = sniffFormat(bytes, fileName);
  if (typeof format === "object") {
    return { table: null, encoding: null, format: null, findings: [format.unsupported] };
  }
  if (format === "xlsx") return readXlsx(bytes);
  const { utf8, encoding } = utf8Text(bytes);
  const table = parseCsvTable(utf8);
  if (table.rowCount === 0) return emptyFile("csv", encoding);
  return { table, encoding, format: "csv", findings: [] };
}

/** Reads an upload into a grid of strings, or says why it cannot be read. */
export async function readUpload(bytes: Uint8Array, fileName: string): Promise<Upload> {
  const { table, encoding, format, findings } = await readUploadTable(bytes, fileName);
  return { grid: table ? table.toGrid() : null, encoding, format, findings };
}
