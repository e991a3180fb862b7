import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readUpload } from "../read/readUpload.ts";
import { at, cells, parse, screened, TOWN_HEADER } from "../testdata/parse.ts";
import { CONTEXT_2022 } from "../testdata/units.ts";
import { parseMonthly } from "./parseMonthly.ts";

describe("parseMonthly: accepted files", () => {
  it("parseMonthly(title row + Chinese header + two towns) gives every value with Excel rows", () => {
    const p = parse(
      `青浦区稳就业月报（2022年8月）,,,,\n${TOWN_HEADER}\n盈浦街道,2022-08,39384,120,35\n朱家角镇,2022-08,"1,234",8,\n`,
    );
    expect(at(p.errors)).toEqual([]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 formal_employment=39384 @3:正规就业人数",
      "310118002 2022-08 new_jobs=120 @3:新增就业岗位数",
      "310118002 2022-08 reemployed=35 @3:失业人员实现再就业人数",
      "310118102 2022-08 formal_employment=1234 @4:正规就业人数",
      "310118102 2022-08 new_jobs=8 @4:新增就业岗位数",
      "310118102 2022-08 reemployed=null @4:失业人员实现再就业人数",
    ]);
    expect(p).toMatchObject({
      units: ["310118002", "310118102"],
      months: ["2022-08"],
      rows: 2,
      warnings: [],
    });
  });

  it("parseMonthly(full-width digits, spaces, NBSP, short names, codes) reads the same values", () => {
    const p = parse(
      `unit,month,new_jobs\n 盈浦 ,２０２２年８月,１２０\n朱家角,2022/8,\u00a01，234\u3000\n310118103, 202208 ,7\n`,
    );
    expect(at(p.errors)).toEqual([]);
    expect(p.values.map((v) => `${v.unit}=${v.value}`)).toEqual([
      "310118002=120",
      "310118102=1234",
      "310118103=7",
    ]);
  });

  it("parseMonthly accepts every month spelling", () => {
    const months = [
      "2022-08",
      "2022-7",
      "2022/6",
      "2022/05",
      "2022.4",
      "2022年3月",
      "2022年02月",
      "202201",
      "２０２１－１２",
    ];
    const units = ["夏阳", "盈浦", "香花桥", "朱家角", "练塘", "金泽", "赵巷", "徐泾", "华新"];
    const p = parse(`unit,month,new_jobs\n${months.map((m, i) => `${units[i]},${m},1`).join("\n")}\n`);
    expect(at(p.errors)).toEqual([]);
    expect(p.months).toEqual([
      "2021-12",
      "2022-01",
      "2022-02",
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
      "2022-08",
    ]);
  });

  it("parseMonthly(a 合计 row) skips it with a total_row warning and never counts it", () => {
    const p = parse(`${TOWN_HEADER}\n盈浦街道,2022-08,100,10,1\n合计,2022-08,约100,-1,1.5\n全区合计,,,,\n`);
    expect(at(p.errors)).toEqual([]);
    expect(at(p.warnings)).toEqual(["total_row@3:单位", "total_row@4:单位"]);
    expect(p.rows).toBe(1);
    expect(p.values.every((v) => v.unit === "310118002")).toBe(true);
  });

  it("parseMonthly(blank cells) keeps them as null, and a row with all cells blank is still a submission", () => {
    const p = parse("unit,month,new_jobs,reemployed\n盈浦,2022-08,,\n");
    expect(at(p.errors)).toEqual([]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 new_jobs=null @2:new_jobs",
      "310118002 2022-08 reemployed=null @2:reemployed",
    ]);
    expect(p).toMatchObject({ rows: 1, units: ["310118002"], months: ["2022-08"] });
  });

  it("parseMonthly(empty rows between data rows) skips them and keeps Excel row numbers", () => {
    const p = parse("unit,month,new_jobs\n\n盈浦,2022-08,1\n,,\n朱家角,2022-08,2\n");
    expect(p.values.map((v) => v.row)).toEqual([3, 5]);
    expect(p.rows).toBe(2);
  });

  it("parseMonthly(a department among towns) keeps only what each unit reports", () => {
    const p = parse("unit,month,new_jobs,relief_financing\n盈浦,2022-08,5,\nD-FIN,2022-08,,12.35\n");
    expect(at(p.errors)).toEqual([]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 new_jobs=5 @2:new_jobs",
      "D-FIN 2022-08 relief_financing=12.35 @3:relief_financing",
    ]);
  });

  it("parseMonthly(year-to-date columns) marks the values ytd", () => {
    const p = parse("单位,报告月份,失业人员实现再就业人数（累计）,new_jobs_ytd\n盈浦,2022-08,350,1200\n");
    expect(cells(p)).toEqual([
      "310118002 2022-08 reemployed+ytd=350 @2:失业人员实现再就业人数（累计）",
      "310118002 2022-08 new_jobs+ytd=1200 @2:new_jobs_ytd",
    ]);
  });

  it("parseMonthly(an unknown column left empty) ignores it", () => {
    const p = parse("unit,month,备注,new_jobs\n盈浦,2022-08,,3\n");
    expect(at(p.errors)).toEqual([]);
    expect(p.values).toHaveLength(1);
  });

  it("parseMonthly(the same unit-month twice, identical) keeps one and warns", () => {
    const p = parse("unit,month,new_jobs,reemployed\n盈浦,2022-08,5,\n盈浦街道,2022年8月,5,\n");
    expect(at(p.errors)).toEqual([]);
    expect(at(p.warnings)).toEqual(["duplicate_row@3:new_jobs"]);
    expect(p.warnings[0].en).toBe(
      "Row 3 repeats row 2 (Yingpu Subdistrict 2022-08, same values); only one is kept.",
    );
    expect(p.values.map((v) => v.row)).toEqual([2, 2]);
    expect(p.rows).toBe(1);
  });

  it("parseMonthly(wide rows out of order) finds a unit-month repeated further down", () => {
    const p = parse(
      "unit,month,new_jobs\n朱家角,2022-08,1\n盈浦,2022-08,2\n盈浦,2022-07,3\n朱家角,2022-08,4\n",
    );
    expect(at(p.errors)).toEqual(["conflicting_row@5:new_jobs"]);
    expect(p.errors[0].en).toContain("Rows 2 and 5 are both Zhujiajiao Town 2022-08");
  });

  it("parseMonthly(relief_financing 12.5) allows decimals for 亿元 amounts", () => {
    expect(at(parse("unit,month,relief_financing\nD-FIN,2022-08,12.5\n").errors)).toEqual([]);
  });
});

describe("parseMonthly: long layout", () => {
  it("parseMonthly(unit,month,indicator,value) gives one value per row, column = the value header", () => {
    const p = parse(
      "unit,month,indicator,value\n盈浦,2022-08,new_jobs,120\n盈浦,2022-08,失业人员实现再就业人数,35\n朱家角,2022-07,reemployed_ytd,300\n",
    );
    expect(at(p.errors)).toEqual([]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 new_jobs=120 @2:value",
      "310118002 2022-08 reemployed=35 @3:value",
      "310118102 2022-07 reemployed+ytd=300 @4:value",
    ]);
    expect(p).toMatchObject({ rows: 3, units: ["310118002", "310118102"], months: ["2022-07", "2022-08"] });
  });

  it("parseMonthly(单位,报告月份,统计项,数值) reads the Chinese long header", () => {
    const p = parse("单位,报告月份,统计项,数值\n盈浦,2022-08,新增就业岗位数,120\n");
    expect(cells(p)).toEqual(["310118002 2022-08 new_jobs=120 @2:数值"]);
  });

  it("parseMonthly(long: same unit-month-indicator twice) warns when equal, refuses when different", () => {
    const p = parse(
      "unit,month,indicator,value\n盈浦,2022-08,new_jobs,120\n盈浦,2022-08,new_jobs,120\n盈浦,2022-08,new_jobs,121\n盈浦,2022-08,reemployed,1\n",
    );
    expect(at(p.warnings)).toEqual(["duplicate_row@3:value"]);
    expect(at(p.errors)).toEqual(["conflicting_row@4:value"]);
    expect(p.errors[0].en).toContain("Rows 2 and 4 are both Yingpu Subdistrict 2022-08 new_jobs");
  });

  it("parseMonthly(long: unit-months interleaved) still finds repeats and parts across the file", () => {
    const p = parse(
      "unit,month,indicator,value\n" +
        "盈浦,2022-08,ui_reemployed,30\n" +
        "朱家角,2022-08,new_jobs,1\n" +
        "盈浦,2022-07,new_jobs,4\n" +
        "盈浦,2022-08,ui_reemployed,30\n" +
        "朱家角,2022-08,new_jobs,2\n" +
        "盈浦,2022-08,ui_stopped,20\n" +
        "朱家角,2022-08,ui_stopped,20\n",
    );
    expect(at(p.warnings)).toEqual(["duplicate_row@5:value"]);
    expect(at(p.errors)).toEqual(["exceeds_total@2:value", "conflicting_row@6:value"]);
    expect(p.errors[1].en).toContain("Rows 3 and 6");
    expect(p.rows).toBe(6);
  });

  it("parseMonthly(long: an unknown indicator) is unknown_indicator at the indicator column", () => {
    const p = parse("unit,month,indicator,value\n盈浦,2022-08,new jobs,1\n盈浦,2022-08,,2\n");
    expect(at(p.errors)).toEqual(["unknown_indicator@2:indicator", "unknown_indicator@3:indicator"]);
    expect(p.errors[0].en).toContain('"new jobs"');
  });

  it("parseMonthly(long: a part above its total in another row) is exceeds_total at the part", () => {
    const p = parse(
      "unit,month,indicator,value\n盈浦,2022-08,ui_reemployed,30\n盈浦,2022-08,ui_stopped,20\n盈浦,2022-07,ui_reemployed,30\n",
    );
    expect(at(p.errors)).toEqual(["exceeds_total@2:value"]);
    expect(p.errors[0].en).toContain("(the total is on row 3)");
  });

  it("parseMonthly(long: a department's indicator for a town) is not_reported_by_unit", () => {
    const p = parse("unit,month,indicator,value\n盈浦,2022-08,soe_posts,3\n盈浦,2022-08,soe_posts,\n");
    expect(at(p.errors)).toEqual(["not_reported_by_unit@2:value"]);
  });
});

describe("parseMonthly after readUpload", () => {
  it("an .xlsx with a merged title row gives values on Excel's row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("8月");
    ws.getCell("A1").value = "青浦区稳就业月报（2022年8月）";
    ws.mergeCells("A1:E1");
    ws.getRow(2).values = [
      "单位",
      "报告月份",
      "正规就业人数",
      "其中已实现就业人数",
      "2022届离校未就业高校毕业生人数",
    ];
    ws.getRow(3).values = ["盈浦街道", new Date(Date.UTC(2022, 7, 1)), 39384, 80, 100];
    ws.getRow(4).values = ["朱家角", "2022年8月", { formula: "1000+234", result: 1234 }, null, null];
    ws.getRow(5).values = ["合计", "2022年8月", 40618, 80, 100];
    const upload = await readUpload(new Uint8Array(await wb.xlsx.writeBuffer()), "月报.xlsx");
    const p = parseMonthly(screened(upload.grid!), CONTEXT_2022);
    expect(at(p.errors)).toEqual([]);
    expect(at(p.warnings)).toEqual(["total_row@5:单位"]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 formal_employment=39384 @3:正规就业人数",
      "310118002 2022-08 grads_employed=80 @3:其中已实现就业人数",
      "310118002 2022-08 grads_unemployed=100 @3:2022届离校未就业高校毕业生人数",
      "310118102 2022-08 formal_employment=1234 @4:正规就业人数",
      "310118102 2022-08 grads_employed=null @4:其中已实现就业人数",
      "310118102 2022-08 grads_unemployed=null @4:2022届离校未就业高校毕业生人数",
    ]);
  });

  it("a GBK CSV with CRLF, quoted thousands and full-width digits is read right", async () => {
    const text = '单位,报告月份,正规就业人数,新增就业岗位数\r\n盈浦街道,2022年8月,"39,384",１２０\r\n,,,\r\n';
    const upload = await readUpload(new Uint8Array(iconv.encode(text, "gbk")), "月报.csv");
    expect(upload.encoding).toBe("gb18030");
    const p = parseMonthly(screened(upload.grid!), CONTEXT_2022);
    expect(at(p.errors)).toEqual([]);
    expect(p.values.map((v) => v.value)).toEqual([39384, 120]);
  });
});
