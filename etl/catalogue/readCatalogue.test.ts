import { describe, expect, it } from "vitest";
import { DataError, type Finding } from "../../core/finding.ts";
import { parseCatalogue } from "./readCatalogue.ts";

const read = (text: string, year = 2022) => parseCatalogue(text, "items.yaml", { year });

/** The findings of a refused file as `line field: en`. */
function problems(text: string): string[] {
  try {
    read(text);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.findings.map(
      (f: Finding) =>
        `${f.row} ${f.column}: ${f.en.replace(/^Catalogue items\.yaml( line \d+,)? field \S+ /, "")}`,
    );
  }
  throw new Error("the catalogue was accepted");
}

const FULL = `items:
  - key: grads
    zh: "{year}届离校未就业高校毕业生人数"
    en: "Unemployed {year} graduates"
    description:
      zh: "{year}届毕业生"
      en: "the {year} cohort"
    unit: 人
    flow: stock
    reporters: [subdistrict, town]
    max: 50000
  - key: grads_employed
    zh: 其中已实现就业人数
    en: of whom employed
    unit: 人
    flow: stock
    reporters: [town, "310118002"]
    max: 50000
    part_of: grads
  - key: paid
    zh: 补贴金额(万元)
    en: Subsidy paid
    unit: 万元
    flow: flow
    reporters: [D-FB]
    max: 2000
    decimals: 4
    ytd: false
    aliases: [补贴发放金额, "{year}年补贴金额"]
    subsidy: hire_subsidy
    serves: grads_employed
`;

describe("parseCatalogue", () => {
  it("reads every field, with {year} filled from the plan and the defaults in place", () => {
    const c = read(FULL, 2023);
    expect(c.items.map((i) => i.key)).toEqual(["grads", "grads_employed", "paid"]);
    const [grads, employed, paid] = c.items;
    expect(grads).toEqual({
      key: "grads",
      zh: "2023届离校未就业高校毕业生人数",
      en: "Unemployed 2023 graduates",
      description: { zh: "2023届毕业生", en: "the 2023 cohort" },
      unit: "人",
      unitOfCount: "persons",
      flow: "stock",
      reporters: ["subdistrict", "town"],
      decimals: 0,
      max: 50000,
      ytd: false,
      aliases: [],
      subsidy: null,
      serves: null,
    });
    expect(employed.subsetOf).toBe("grads");
    expect(employed.reporters).toEqual(["town", "310118002"]);
    expect(employed.description).toBeNull();
    expect(paid).toMatchObject({
      unit: "万元",
      unitOfCount: "10k_cny",
      flow: "flow",
      decimals: 4,
      ytd: false,
      aliases: ["补贴发放金额", "2023年补贴金额"],
      subsidy: "hire_subsidy",
      serves: "grads_employed",
    });
    expect(c.totalOrdinal).toEqual([-1, 0, -1]);
    expect(c.partOrdinals).toEqual([[1], [], []]);
    expect([...c.namedReporters].sort()).toEqual(["310118002", "D-FB", "subdistrict", "town"]);
    expect(c.byName.get("补贴发放金额")?.indicator.key).toBe("paid");
    expect(c.byName.get("累计补贴金额(万元)")).toMatchObject({ ytd: true, ordinal: 2 });
  });

  it("a flow may send a year-to-date column unless it says ytd: false; a stock never", () => {
    const c = read(`items:
  - {key: a, zh: 甲, en: A, unit: 人, flow: flow, reporters: [town], max: 9}
  - {key: b, zh: 乙, en: B, unit: 人, flow: stock, reporters: [town], max: 9}
`);
    expect(c.items.map((i) => i.ytd)).toEqual([true, false]);
  });

  it("a YAML syntax error names its line", () => {
    expect(problems("items:\n  - key: a\n    zh: [unclosed\n")).toEqual([
      expect.stringMatching(/^4 \(YAML\): YAML syntax error/),
    ]);
  });

  it("the file must be a mapping with items, and items a list of mappings", () => {
    expect(problems("- a\n- b\n")).toEqual(["1 (catalogue): must be a mapping of keys to values."]);
    expect(problems("title: x\n")).toEqual([
      "1 title: unknown field; the fields are items.",
      "1 items: this field is required and missing.",
    ]);
    expect(problems("items:\n  a: 1\n")).toEqual(["2 items: must be a list of items."]);
    expect(problems("items:\n  - just text\n")).toEqual(["2 items[0]: must be a mapping of keys to values."]);
  });

  it("every required field of an item is named when missing, at the item's line", () => {
    expect(problems("items:\n  - key: a\n")).toEqual([
      "2 items[0].zh: this field is required and missing.",
      "2 items[0].en: this field is required and missing.",
      "2 items[0].unit: this field is required and missing.",
      "2 items[0].flow: this field is required and missing.",
      "2 items[0].reporters: this field is required and missing.",
      "2 items[0].max: this field is required and missing.",
    ]);
  });

  const item = (extra: string) =>
    `items:\n  - key: a\n    zh: 甲\n    en: A\n    unit: 人\n    flow: flow\n    reporters: [town]\n    max: 9\n${extra}`;

  it("each field's value is checked, with the line it stands on", () => {
    expect(problems(item("    colour: red\n"))).toEqual([
      "9 items[0].colour: unknown field; the fields are key, zh, en, description, unit, flow, reporters, max, decimals, ytd, aliases, part_of, subsidy, serves.",
    ]);
    expect(problems(item("").replace("unit: 人", "unit: 斤"))).toEqual([
      '5 items[0].unit: must be one of 人, 人次, 户, 个, 家, 万元, 亿元 (is "斤").',
    ]);
    expect(problems(item("").replace("flow: flow", "flow: monthly"))).toEqual([
      '6 items[0].flow: must be one of flow, stock (is "monthly").',
    ]);
    expect(problems(item("").replace("reporters: [town]", "reporters: []"))).toEqual([
      "7 items[0].reporters: must be a non-empty list.",
    ]);
    expect(problems(item("").replace("max: 9", "max: 0"))).toEqual([
      "8 items[0].max: must be a number above 0 (is 0).",
    ]);
    expect(problems(item("    decimals: 7\n"))).toEqual([
      "9 items[0].decimals: must be a whole number of at least 0 and at most 6 (is 7).",
    ]);
    expect(problems(item("    ytd: maybe\n"))).toEqual(["9 items[0].ytd: must be true or false."]);
    expect(problems(item("    aliases: 旧表头\n"))).toEqual([
      "9 items[0].aliases: must be a non-empty list.",
    ]);
    expect(problems(item("    description: 说明\n"))).toEqual([
      "9 items[0].description: must be a mapping of keys to values.",
    ]);
    expect(problems(item("    description: {zh: 说明}\n"))).toEqual([
      "9 items[0].description.en: this field is required and missing.",
    ]);
  });

  it("a key is a lower-case code, not a column every template has, and not a year-to-date name", () => {
    for (const key of ["Reemployed", "2x", "new-jobs", "unit", "month", "reemployed_ytd"]) {
      expect(problems(item("").replace("key: a", `key: ${key}`))).toEqual([
        expect.stringMatching(/^2 items\[0\]\.key: must be a code of lower-case letters/),
      ]);
    }
  });

  it("a stock cannot take year-to-date columns", () => {
    expect(problems(item("    ytd: true\n").replace("flow: flow", "flow: stock"))).toEqual([
      "9 items[0].ytd: a stock (month-end level) has no year-to-date form; it cannot be true.",
    ]);
  });

  it("only {year} may be filled in", () => {
    expect(problems(item("").replace("zh: 甲", "zh: '{cohort}届毕业生'"))).toEqual([
      "3 items[0].zh: unknown placeholder {cohort}; the only one is {year} (the plan's year).",
    ]);
  });

  it("keys and headers are unique across the file, and part_of and serves name another item", () => {
    const two = (second: string) =>
      `items:\n  - {key: a, zh: 甲, en: A, unit: 人, flow: flow, reporters: [town], max: 9}\n  - ${second}\n`;
    expect(problems(two("{key: a, zh: 乙, en: B, unit: 人, flow: flow, reporters: [town], max: 9}"))).toEqual(
      ["3 items[1].key: the key a is used by an earlier item."],
    );
    expect(
      problems(
        two("{key: b, zh: 乙, en: B, unit: 人, flow: flow, reporters: [town], max: 9, aliases: ['*甲']}"),
      ),
    ).toEqual(['3 items[1].zh: the header "*甲" is also a\'s; a file could not tell them apart.']);
    expect(
      problems(two("{key: b, zh: 乙, en: B, unit: 人, flow: flow, reporters: [town], max: 9, part_of: c}")),
    ).toEqual(["3 items[1].part_of: the catalogue has no other item c."]);
    expect(
      problems(two("{key: b, zh: 乙, en: B, unit: 人, flow: stock, reporters: [town], max: 9, part_of: a}")),
    ).toEqual(["3 items[1].part_of: a part must have its total a's flow or stock and unit of count."]);
    expect(
      problems(two("{key: b, zh: 乙, en: B, unit: 人, flow: flow, reporters: [town], max: 9, serves: b}")),
    ).toEqual(["3 items[1].serves: the catalogue has no other item b."]);
  });

  it("messages come in Chinese too, naming the file and the line", () => {
    try {
      read(item("").replace("max: 9", "max: -1"));
    } catch (error) {
      expect((error as DataError).findings[0]).toMatchObject({
        row: 8,
        column: "items[0].max",
        code: "bad_catalogue",
        zh: "统计项目录 items.yaml 第 8 行，字段 items[0].max：应为数，大于 0（现为 -1）。",
      });
      return;
    }
    throw new Error("refused expected");
  });
});
