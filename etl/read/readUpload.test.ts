import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readUpload } from "./readUpload.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readUpload", () => {
  it("readUpload(GBK CSV) decodes it and reports gb18030", async () => {
    const bytes = new Uint8Array(
      iconv.encode("单位,报告月份,正规就业人数\r\n盈浦街道,2022年8月,39384\r\n", "gbk"),
    );
    expect(await readUpload(bytes, "月报.csv")).toEqual({
      grid: [
        ["单位", "报告月份", "正规就业人数"],
        ["盈浦街道", "2022年8月", "39384"],
      ],
      encoding: "gb18030",
      format: "csv",
      findings: [],
    });
  });

  it("readUpload(UTF-8 BOM CSV) strips the BOM from the first header", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("unit,month\n盈浦,2022-08\n")]);
    const upload = await readUpload(bytes, "a.csv");
    expect(upload.encoding).toBe("utf-8-bom");
    expect(upload.grid?.[0]).toEqual(["unit", "month"]);
  });

  it("readUpload(xlsx) reads the first sheet; grid row i is Excel row i+1", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("月报");
    ws.getCell("A1").value = "青浦区稳就业月报";
    ws.getRow(3).values = ["unit", "month"];
    const upload = await readUpload(new Uint8Array(await wb.xlsx.writeBuffer()), "月报.xlsx");
    expect(upload).toEqual({
      grid: [["青浦区稳就业月报"], [], ["unit", "month"]],
      encoding: null,
      format: "xlsx",
      findings: [],
    });
  });

  it("readUpload(old .xls) has no grid and one unsupported_format finding", async () => {
    const upload = await readUpload(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "月报.xls",
    );
    expect(upload.grid).toBeNull();
    expect(upload.format).toBeNull();
    expect(upload.findings.map((f) => f.code)).toEqual(["unsupported_format"]);
  });

  it("readUpload(a ZIP that is not a workbook) is unsupported_format", async () => {
    const upload = await readUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0, 0, 0]), "a.xlsx");
    expect(upload).toMatchObject({ grid: null, format: "xlsx" });
    expect(upload.findings.map((f) => f.code)).toEqual(["unsupported_format"]);
  });

  it("readUpload(empty file) is empty_file", async () => {
    const upload = await readUpload(new Uint8Array(0), "a.csv");
    expect(upload.grid).toBeNull();
    expect(upload.findings).toMatchObject([{ row: null, column: null, code: "empty_file" }]);
  });

  it("readUpload(only commas) is empty_file", async () => {
    const upload = await readUpload(utf8(",,,\r\n,,\r\n"), "a.csv");
    expect(upload.grid).toBeNull();
    expect(upload.findings.map((f) => f.code)).toEqual(["empty_file"]);
  });

  it("readUpload(workbook with an empty first sheet) is empty_file", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    const upload = await readUpload(new Uint8Array(await wb.xlsx.writeBuffer()), "a.xlsx");
    expect(upload.findings.map((f) => f.code)).toEqual(["empty_file"]);
  });

  it("readUpload(PDF) is unsupported_format", async () => {
    const upload = await readUpload(utf8("%PDF-1.4\n1 0 obj\n"), "a.pdf");
    expect(upload.findings.map((f) => f.code)).toEqual(["unsupported_format"]);
  });
});
