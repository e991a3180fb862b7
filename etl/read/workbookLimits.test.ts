/**
 * Hostile workbooks, made at run time from a few kilobytes (fixtures/hostileWorkbook.ts), each
 * refused at the limit it passes, before the sheet is held.
 */
import { describe, expect, it } from "vitest";
import {
  deflated,
  repeatedPart,
  rowXml,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookBytes,
  zipOf,
} from "../../fixtures/hostileWorkbook.ts";
import { readUpload } from "./readUpload.ts";
import { WORKBOOK_LIMITS, type WorkbookLimit, WorkbookTooLarge } from "./workbookLimits.ts";
import { readXlsxGrid } from "./xlsx.ts";

const sheet = (rows: string) => deflated(`${SHEET_HEAD}${rows}${SHEET_TAIL}`);

async function refusedAt(bytes: Uint8Array, limits = WORKBOOK_LIMITS): Promise<WorkbookLimit> {
  try {
    await readXlsxGrid(bytes, limits);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) return error.limit;
    throw error;
  }
  throw new Error("the workbook was read");
}

/** One inline-string cell of `chars` x's in A1. */
const longCell = (chars: number) =>
  repeatedPart(
    `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
    "x",
    chars,
    `</t></is></c></row>${SHEET_TAIL}`,
  );

describe("workbook limits", () => {
  it("a 4 MB workbook whose one cell unpacks to 4 GB is refused by its declared size, unread", async () => {
    const bytes = workbookBytes(longCell(4_000_000_000));
    expect(bytes.length).toBeLessThan(5_000_000);
    expect(await refusedAt(bytes)).toBe("unpackedBytes");
  });

  it("the same workbook declaring a small size is stopped as it inflates past it", async () => {
    const bytes = workbookBytes(longCell(4_000_000_000), { declaredSheetSize: 1000 });
    await expect(readXlsxGrid(bytes)).rejects.toThrow(/too many bytes/);
    const upload = await readUpload(bytes, "月报.xlsx");
    expect(upload.findings.map((f) => f.code)).toEqual(["unsupported_format"]);
  });

  it("parts that each fit but together unpack past the limit are refused", async () => {
    const rows = rowXml(1, ["unit", "month"]).repeat(1);
    const small = { ...WORKBOOK_LIMITS, unpackedBytes: 1200 };
    expect(await refusedAt(workbookBytes(sheet(rows + rowXml(2, ["x".repeat(900)]))), small)).toBe(
      "unpackedBytes",
    );
  });

  it("a cell of 32,768 characters (one more than Excel allows) is refused, inline or shared", async () => {
    expect(await refusedAt(workbookBytes(longCell(32_768)))).toBe("cellChars");
    expect(await readXlsxGrid(workbookBytes(longCell(32_767)))).toEqual([["x".repeat(32_767)]]);
    const shared = deflated(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${"y".repeat(40_000)}</t></si></sst>`,
    );
    const bytes = workbookBytes(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), {
      sharedStrings: shared,
    });
    expect(await refusedAt(bytes)).toBe("cellChars");
  });

  it("a value in row 1,048,575 is refused by the row number, though the file holds two rows", async () => {
    const rows = rowXml(1, ["unit"]) + '<row r="1048575"><c r="A1048575"><v>1</v></c></row>';
    expect(await refusedAt(workbookBytes(sheet(rows)))).toBe("rows");
  });

  it("rows past the limit are refused as they arrive (limit of 50 rows here)", async () => {
    let rows = "";
    for (let r = 1; r <= 60; r++) rows += rowXml(r, ["盈浦", "2022-08", r]);
    expect(await refusedAt(workbookBytes(sheet(rows)), { ...WORKBOOK_LIMITS, rows: 50 })).toBe("rows");
  });

  it("a sheet formatted down to its last row, without values there, is read as its data", async () => {
    const rows = `${rowXml(1, ["unit", "month"])}<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row>`;
    expect(await readXlsxGrid(workbookBytes(sheet(rows)))).toEqual([["unit", "month"]]);
  });

  it("62 cells in column XFD make over a million grid cells and are refused", async () => {
    let rows = "";
    for (let r = 1; r <= 62; r++) rows += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
    expect(await refusedAt(workbookBytes(sheet(rows)))).toBe("cells");
  });

  it("merged ranges spanning the sheet again and again are refused before they are applied", async () => {
    let rows = "";
    for (let r = 1; r <= 20; r++) rows += rowXml(r, ["a", "b", "c", "d", "e"]);
    const merges = `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(30)}</mergeCells>`;
    const bytes = workbookBytes(deflated(`${SHEET_HEAD}${rows}</sheetData>${merges}</worksheet>`));
    expect(await refusedAt(bytes, { ...WORKBOOK_LIMITS, cells: 1000 })).toBe("cells");
  });

  it("a container of 10,001 entries is refused before any is read", async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, part: deflated("") }));
    expect(await refusedAt(zipOf(entries))).toBe("entries");
  });

  it("readUpload turns each limit into one whole-file finding in Chinese and English, no code words", async () => {
    for (const bytes of [
      workbookBytes(longCell(4_000_000_000)),
      workbookBytes(longCell(40_000)),
      workbookBytes(sheet('<row r="200000"><c r="A200000"><v>1</v></c></row>')),
    ]) {
      const upload = await readUpload(bytes, "月报.xlsx");
      expect(upload.grid).toBeNull();
      expect(upload.findings).toHaveLength(1);
      const [f] = upload.findings;
      expect(f).toMatchObject({ row: null, column: null, code: "workbook_too_large" });
      expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(`${f.zh} ${f.en}`).not.toMatch(/cellChars|unpackedBytes|[a-z]+_[a-z]+|Error/);
    }
  });
});
