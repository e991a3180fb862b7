/** The ingest's rules as a catalogue sets them: headers and aliases, bounds, decimals, year-to-date columns. */
import { describe, expect, it } from "vitest";
import { at, cells, parse } from "../testdata/parse.ts";
import { UNITS } from "../testdata/units.ts";
import { parseCatalogue } from "./readCatalogue.ts";

const CATALOGUE = parseCatalogue(
  `items:
  - key: visits
    zh: 走访企业人次
    en: Firm visits
    unit: 人次
    flow: flow
    reporters: [town, subdistrict]
    max: 100
    ytd: false
    aliases: [走访人次]
  - key: paid
    zh: 补贴金额(万元)
    en: Subsidy paid
    unit: 万元
    flow: flow
    reporters: [town, subdistrict]
    max: 50
    decimals: 2
`,
  "rules.yaml",
  { year: 2022 },
);
const ctx = {
  units: UNITS,
  periods: [{ first: "2022-01", last: "2022-12", catalogue: CATALOGUE }],
  currentMonth: "2022-09",
};
const run = (csv: string) => parse(csv, ctx);

describe("a catalogue's own rules", () => {
  it("its headers and aliases map to its keys", () => {
    const p = run("单位,报告月份,走访人次,补贴金额（万元）\n盈浦,2022-08,7,1.5\n");
    expect(p.errors).toEqual([]);
    expect(cells(p)).toEqual([
      "310118002 2022-08 visits=7 @2:走访人次",
      "310118002 2022-08 paid=1.5 @2:补贴金额（万元）",
    ]);
  });

  it("each item has its own bound and decimal places", () => {
    const p = run(
      "单位,报告月份,走访企业人次,补贴金额(万元)\n盈浦,2022-08,101,50.01\n夏阳,2022-08,2.5,1.234\n",
    );
    expect(at(p.errors)).toEqual([
      "implausible@2:走访企业人次",
      "implausible@2:补贴金额(万元)",
      "not_integer@3:走访企业人次",
      "too_many_decimals@3:补贴金额(万元)",
    ]);
    expect(p.errors[0].zh).toBe(
      "数值 101 超过“走访企业人次”的合理上限 100人次（一个单位一个月），请检查是否多填了位数。",
    );
  });

  it("an item that takes no year-to-date figure refuses its 累计 column, in either layout", () => {
    const wide = run("单位,报告月份,走访企业人次(累计),补贴金额(万元)(累计)\n盈浦,2022-01,7,1.5\n");
    expect(at(wide.errors)).toEqual(["ytd_not_taken@1:走访企业人次(累计)"]);
    expect(wide.errors[0].en).toBe(
      "Column \"走访企业人次(累计)\": Firm visits (visits) is taken as the month's figure only, not year to date; report the month's own figure under the plain header.",
    );
    const long = run("unit,month,indicator,value\n盈浦,2022-01,visits_ytd,7\n盈浦,2022-01,paid_ytd,1.5\n");
    expect(at(long.errors)).toEqual(["ytd_not_taken@2:indicator"]);
  });

  it("an item of another catalogue is an unknown column here", () => {
    expect(at(run("单位,报告月份,正规就业人数\n盈浦,2022-08,7\n").errors)).toEqual([
      "unknown_column@1:正规就业人数",
    ]);
  });
});
