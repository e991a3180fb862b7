import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { plainNumber, readXlsxGrid } from "./xlsx.ts";

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readXlsxGrid", () => {
  it("readXlsxGrid(title row merged over the header) keeps Excel's row numbers", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("月报");
      ws.getCell("A1").value = "青浦区稳就业月报（2022年8月）";
      ws.mergeCells("A1:C1");
      ws.getRow(2).values = ["单位", "报告月份", "正规就业人数"];
      ws.getRow(3).values = ["盈浦街道", "2022-08", 39384];
      ws.getRow(5).values = ["朱家角", "2022年8月", 1234];
    });
    expect(await readXlsxGrid(bytes)).toEqual([
      ["青浦区稳就业月报（2022年8月）"],
      ["单位", "报告月份", "正规就业人数"],
      ["盈浦街道", "2022-08", "39384"],
      [],
      ["朱家角", "2022年8月", "1234"],
    ]);
  });

  it("readXlsxGrid reads only the first worksheet", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("first").getCell("A1").value = "unit";
      wb.addWorksheet("second").getCell("A1").value = "other";
    });
    expect(await readXlsxGrid(bytes)).toEqual([["unit"]]);
  });

  it("readXlsxGrid renders formula results, rich text, dates, hyperlinks, errors and booleans", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("s");
      ws.getCell("A1").value = { formula: "B1+C1", result: 300 };
      ws.getCell("B1").value = { richText: [{ text: "盈浦" }, { text: "街道", font: { bold: true } }] };
      ws.getCell("C1").value = new Date(Date.UTC(2022, 7, 1));
      ws.getCell("D1").value = { text: "朱家角镇", hyperlink: "https://example.org" };
      ws.getCell("E1").value = { error: "#N/A" };
      ws.getCell("F1").value = true;
      ws.getCell("G1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    });
    expect(await readXlsxGrid(bytes)).toEqual([
      ["300", "盈浦街道", "2022-08-01", "朱家角镇", "#N/A", "TRUE", "#DIV/0!"],
    ]);
  });

  it("readXlsxGrid(a date-formatted month cell) is YYYY-MM-DD", async () => {
    const bytes = await xlsxBytes((wb) => {
      const cell = wb.addWorksheet("s").getCell("A1");
      cell.value = new Date(Date.UTC(2022, 7, 1));
      cell.numFmt = 'yyyy"年"m"月"';
    });
    expect(await readXlsxGrid(bytes)).toEqual([["2022-08-01"]]);
  });

  it("readXlsxGrid(0.1+0.2, 1e21, 393848) prints plain digits without float noise", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet("s").getRow(1).values = [0.1 + 0.2, 393848, 12.5, 1e-7];
    });
    expect(await readXlsxGrid(bytes)).toEqual([["0.3", "393848", "12.5", "0.0000001"]]);
  });

  it("readXlsxGrid drops trailing empty rows and columns", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("s");
      ws.getRow(1).values = ["unit", "month", "", ""];
      ws.getCell("F8").value = "";
    });
    expect(await readXlsxGrid(bytes)).toEqual([["unit", "month"]]);
  });

  it("readXlsxGrid(bytes that are not a workbook) throws", async () => {
    await expect(readXlsxGrid(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow();
  });
});

describe("plainNumber", () => {
  it("plainNumber(1e21) has no exponent", () => {
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
  });

  it("plainNumber(12.3 - 10.1) is 2.2", () => {
    expect(plainNumber(12.3 - 10.1)).toBe("2.2");
  });
});
