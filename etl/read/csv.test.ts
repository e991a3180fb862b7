import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseCsvGrid } from "./csv.ts";
import { splitPlainCsv } from "./plainCsv.ts";
import { trimGrid } from "./trimGrid.ts";

describe("parseCsvGrid", () => {
  it("parseCsvGrid('unit,month\\n…') is rows of string cells", () => {
    expect(parseCsvGrid("unit,month,new_jobs\n310118002,2022-08,120\n")).toEqual([
      ["unit", "month", "new_jobs"],
      ["310118002", "2022-08", "120"],
    ]);
  });

  it("parseCsvGrid(CRLF line ends) gives the same rows", () => {
    expect(parseCsvGrid("单位,报告月份\r\n盈浦,2022-08\r\n")).toEqual([
      ["单位", "报告月份"],
      ["盈浦", "2022-08"],
    ]);
  });

  it("parseCsvGrid('\"1,234\"') keeps the quoted thousands separator inside one cell", () => {
    expect(parseCsvGrid('unit,month,new_jobs\n盈浦,2022-08,"1,234"\n')[1]).toEqual([
      "盈浦",
      "2022-08",
      "1,234",
    ]);
  });

  it('parseCsvGrid(\'"a ""b"""\') unescapes doubled quotes and keeps line breaks in quotes', () => {
    expect(parseCsvGrid('"正规就业\n人数","a ""b"""\n1,2')).toEqual([
      ["正规就业\n人数", 'a "b"'],
      ["1", "2"],
    ]);
  });

  it("parseCsvGrid(semicolon-separated) sniffs ;", () => {
    expect(parseCsvGrid("unit;month;new_jobs\n盈浦;2022-08;1,5\n")).toEqual([
      ["unit", "month", "new_jobs"],
      ["盈浦", "2022-08", "1,5"],
    ]);
  });

  it("parseCsvGrid(tab-separated) sniffs tab", () => {
    expect(parseCsvGrid("unit\tmonth\n盈浦\t2022-08\n")).toEqual([
      ["unit", "month"],
      ["盈浦", "2022-08"],
    ]);
  });

  it("parseCsvGrid(a title line above a comma header) still sniffs ,", () => {
    expect(parseCsvGrid("青浦区稳就业月报（2022年8月）\nunit,month\n盈浦,2022-08\n")).toEqual([
      ["青浦区稳就业月报（2022年8月）"],
      ["unit", "month"],
      ["盈浦", "2022-08"],
    ]);
  });

  it("parseCsvGrid(trailing empty rows and columns) drops them", () => {
    expect(parseCsvGrid("unit,month,,\r\n盈浦,2022-08,,\r\n,,,\r\n , ,,\r\n\r\n")).toEqual([
      ["unit", "month"],
      ["盈浦", "2022-08"],
    ]);
  });

  it("parseCsvGrid(an empty row between data rows) keeps it, so row numbers match Excel", () => {
    expect(parseCsvGrid("unit,month\n\n盈浦,2022-08\n")).toEqual([
      ["unit", "month"],
      [""],
      ["盈浦", "2022-08"],
    ]);
  });

  it("parseCsvGrid('') is an empty grid", () => {
    expect(parseCsvGrid("")).toEqual([]);
  });

  it("parseCsvGrid keeps spaces and full-width digits as written", () => {
    expect(parseCsvGrid("a,b\n １２３ ,\u00a050\n")[1]).toEqual([" １２３ ", "\u00a050"]);
  });
});

describe("trimGrid", () => {
  it("trimGrid cuts rows to the widest filled row and keeps short rows short", () => {
    expect(trimGrid([["a", "", ""], ["b"], ["", "c", " "], ["", ""]])).toEqual([["a", ""], ["b"], ["", "c"]]);
  });

  it("trimGrid of only blank rows is an empty grid", () => {
    expect(trimGrid([[""], [" ", "\t"]])).toEqual([]);
  });
});

describe("splitPlainCsv", () => {
  const texts = [
    "unit,month,indicator,value\nB000001,2022-01,reemployed,12\nB000001,2022-01,new_jobs,12\n",
    "a,b\r\n1,2\r\n",
    "a,b\r1,2\r",
    "a,,c\n,,\n\n1\n",
    "no final line break,x\ny,z",
    "单位,报告月份\n盈浦,2022年8月\n盈浦,2022年8月\n",
    `${"x".repeat(30)},${"x".repeat(30)}\n`,
    "",
  ];
  for (const text of texts) {
    it(`splitPlainCsv(${JSON.stringify(text.slice(0, 24))}) matches papaparse`, () => {
      const papa = Papa.parse<string[]>(text, { delimiter: "," }).data;
      const papaRows = text.endsWith("\n") || text.endsWith("\r") ? papa.slice(0, -1) : papa;
      expect(splitPlainCsv(text, ",")).toEqual(text === "" ? [] : papaRows);
    });
  }

  it("splitPlainCsv shares one string between equal cells", () => {
    const grid = splitPlainCsv("310118002,x\n310118002,y\n", ",");
    expect(grid[0][0]).toBe("310118002");
    expect(grid[1][0]).toBe(grid[0][0]);
  });
});
