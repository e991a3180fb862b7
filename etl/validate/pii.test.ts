import { describe, expect, it } from "vitest";
import { looksLikePii, maskPii, piiFinding } from "./pii.ts";

describe("looksLikePii", () => {
  const flagged: [string, "resident_id" | "mobile"][] = [
    ["110101199003074514", "resident_id"],
    ["11010519491231002X", "resident_id"],
    ["11010519491231002x", "resident_id"],
    ["身份证110101199003074514", "resident_id"],
    ["张三（110101199003074514）已就业", "resident_id"],
    ["110101 19900307 4514", "resident_id"],
    ["110101900307451", "resident_id"],
    ["110101199003074000", "resident_id"],
    ["13800138000", "mobile"],
    ["19912345678", "mobile"],
    ["+86 138 0013 8000", "mobile"],
    ["+8613800138000", "mobile"],
    ["138-0013-8000", "mobile"],
    ["138 0013 8000", "mobile"],
    ["联系电话：13800138000", "mobile"],
    ["王五13800138000", "mobile"],
    ["2022 13800138000", "mobile"],
    // written the ways people write numbers: other forms of digits, separators, invisible characters
    ["１１０１０１１９９００３０７４５１４", "resident_id"],
    ["电话１３８１２３４５６７８", "mobile"],
    ["138.1234.5678", "mobile"],
    ["(138)12345678", "mobile"],
    ["（１３８）１２３４－５６７８", "mobile"],
    ["138_1234_5678", "mobile"],
    ["138 1234 5678", "mobile"],
    ["138/1234/5678", "mobile"],
    ["138、1234、5678", "mobile"],
    ["138 - 1234 - 5678", "mobile"],
    ["+86 (138) 1234 5678", "mobile"],
    ["+86-138-1234-5678", "mobile"],
    ["138\u200b1234\u200d5678", "mobile"],
    ["138\u202e12345678", "mobile"],
    ["١٣٨١٢٣٤٥٦٧٨", "mobile"],
    ["①③⑧①②③④⑤⑥⑦⑧", "mobile"],
    ["138 1234 5678 9", "mobile"],
    ["110105.19491231.002X", "resident_id"],
  ];
  for (const [text, kind] of flagged) {
    it(`looksLikePii(${JSON.stringify(text)}) is ${kind}`, () => {
      expect(looksLikePii(text)).toBe(kind);
    });
  }

  const clean = [
    "393848",
    "310118102",
    "1,234,567",
    "2022-08-01",
    "110101199003074515",
    "11010119900307451X",
    "110101199013074514",
    "12345678901",
    "10012345678",
    "138001380001",
    "913800138000",
    "1380013800",
    "6222021234567890123",
    "其中面向高校毕业生岗位数(新城)",
    "registered_unemployed",
    "2022年8月 报表 310118102 310118103",
    "",
    // counts, money, dates and times are not personal numbers
    "2022-08-05",
    "2022/8/5",
    "2022年8月5日",
    "2022-08-05 13:45:12",
    "2022-08-05 2022-09-30",
    "12,345,678.90",
    "¥1,234,567.00",
    "１，２３４，５６７",
    "9,999,999",
    "310118102 2022-08",
    "310118102-2022-000123",
    "QP-2022-0001-13",
    // a month before a unit's code: 202208 is no region, though 310118 reads as a birth date
    "2022-08_310118102",
    "2021-12_310118110",
  ];
  for (const text of clean) {
    it(`looksLikePii(${JSON.stringify(text)}) is null`, () => {
      expect(looksLikePii(text)).toBeNull();
    });
  }
});

describe("maskPii", () => {
  it("maskPii masks each personal number of a file name and keeps the rest", () => {
    expect(maskPii("张三13812345678_110101199003074514(ID).csv")).toBe(
      "张三***********_******************(ID).csv",
    );
    expect(maskPii("盈浦_１３８ １２３４ ５６７８.xlsx")).toBe("盈浦_*************.xlsx");
  });

  it("maskPii(a name without personal numbers) is null", () => {
    expect(maskPii("盈浦街道-2022年8月.csv")).toBeNull();
    expect(maskPii("310118102_2022-08_v2.xlsx")).toBeNull();
    expect(maskPii("2022-08_310118102.csv")).toBeNull();
  });
});

describe("piiFinding", () => {
  it("piiFinding names row and column, never the value", () => {
    for (const kind of ["resident_id", "mobile"] as const) {
      const f = piiFinding(kind, 7, "备注");
      expect(f).toMatchObject({
        row: 7,
        column: "备注",
        code: kind === "mobile" ? "pii_mobile" : "pii_resident_id",
      });
      expect(`${f.zh}${f.en}`).not.toMatch(/\d{6}/);
    }
  });
});
