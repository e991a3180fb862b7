import { describe, expect, it } from "vitest";
import { parseCsvGrid } from "./csv.ts";
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
