import { describe, expect, it } from "vitest";
import { sniffFormat } from "./sniff.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

function refusal(result: ReturnType<typeof sniffFormat>) {
  if (typeof result !== "object") throw new Error(`expected a refusal, got ${result}`);
  return result.unsupported;
}

describe("sniffFormat", () => {
  it("sniffFormat(PK\\x03\\x04…) is xlsx", () => {
    expect(sniffFormat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), "月报.xlsx")).toBe("xlsx");
  });

  it("sniffFormat(CSV text) is csv, whatever the name", () => {
    expect(sniffFormat(text("单位,报告月份\r\n盈浦,2022-08\r\n"), "月报.xlsx")).toBe("csv");
  });

  it("sniffFormat(UTF-8 BOM + CSV) is csv", () => {
    expect(sniffFormat(bytes(0xef, 0xbb, 0xbf, ...text("unit,month")), "a.csv")).toBe("csv");
  });

  it("sniffFormat(OLE D0 CF 11 E0, 'x.xls') refuses an old .xls and says to save as .xlsx or CSV", () => {
    const f = refusal(sniffFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "月报.xls"));
    expect(f).toMatchObject({ row: null, column: null, code: "unsupported_format" });
    expect(f.zh).toContain(".xlsx");
    expect(f.zh).toContain("CSV");
    expect(f.en).toContain("Save As");
    expect(f.en).toContain(".xls");
  });

  it("sniffFormat(OLE bytes, 'x.xlsx') refuses it as an encrypted workbook", () => {
    const f = refusal(sniffFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0), "月报.xlsx"));
    expect(f.code).toBe("unsupported_format");
    expect(f.en).toContain("password");
  });

  it("sniffFormat(%PDF-…) refuses a PDF as not text/CSV/xlsx", () => {
    const f = refusal(sniffFormat(text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\n"), "月报.pdf"));
    expect(f.code).toBe("unsupported_format");
    expect(f.en).toContain("neither text (CSV) nor an Excel workbook");
  });

  it("sniffFormat(PNG bytes) refuses an image", () => {
    const f = refusal(
      sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), "a.png"),
    );
    expect(f.code).toBe("unsupported_format");
  });

  it("sniffFormat(bytes with NUL) refuses a binary file", () => {
    const f = refusal(sniffFormat(bytes(0x41, 0x42, 0x00, 0x43, 0x44), "data.bin"));
    expect(f.code).toBe("unsupported_format");
  });

  it("sniffFormat(UTF-16 text) refuses it and names CSV UTF-8", () => {
    const f = refusal(sniffFormat(bytes(0xff, 0xfe, 0x75, 0x00, 0x6e, 0x00), "a.txt"));
    expect(f.code).toBe("unsupported_format");
    expect(f.en).toContain("CSV UTF-8");
  });

  it("sniffFormat(an HTML table saved as .xls) refuses it", () => {
    const f = refusal(sniffFormat(text("<html><body><table><tr><td>单位</td></tr></table>"), "月报.xls"));
    expect(f.code).toBe("unsupported_format");
    expect(f.en).toContain("web page");
  });

  it("sniffFormat(no bytes) refuses an empty file", () => {
    expect(refusal(sniffFormat(new Uint8Array(0), "a.csv"))).toMatchObject({ row: null, code: "empty_file" });
  });

  it("sniffFormat(BOM and blank lines only) refuses an empty file", () => {
    expect(refusal(sniffFormat(bytes(0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20), "a.csv")).code).toBe("empty_file");
  });
});
