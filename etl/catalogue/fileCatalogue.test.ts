import { describe, expect, it } from "vitest";
import { CellTable } from "../read/cellTable.ts";
import { parseCsvGrid } from "../read/csv.ts";
import { QINGPU_2022_CATALOGUE as Q } from "../testdata/catalogue.ts";
import { parse } from "../testdata/parse.ts";
import { UNITS } from "../testdata/units.ts";
import { catalogueOf } from "./catalogueOf.ts";
import { fileCatalogue } from "./fileCatalogue.ts";
import { type PlanSpan, spanFor, templateCatalogue } from "./planSpan.ts";

/** A 2021 plan whose catalogue has only formal employment. */
const C2021 = catalogueOf([Q.byKey.get("formal_employment")!], "catalogues/qingpu-2021.yaml");
const P2021: PlanSpan = { first: "2021-01", last: "2021-12", catalogue: C2021 };
const P2022: PlanSpan = { first: "2022-01", last: "2022-12", catalogue: Q };

const table = (csv: string) => CellTable.fromGrid(parseCsvGrid(csv));

describe("spanFor", () => {
  it("a month of a period is its plan's; the baseline month the plan's whose period holds it, else the one it precedes", () => {
    expect(spanFor([P2022], "2022-05")).toBe(P2022);
    expect(spanFor([P2022], "2021-12")).toBe(P2022);
    expect(spanFor([P2021, P2022], "2021-12")).toBe(P2021);
    expect(spanFor([P2021, P2022], "2020-12")).toBe(P2021);
    expect(spanFor([P2022], "2021-11")).toBeNull();
    expect(spanFor([P2022], "2023-01")).toBeNull();
  });

  it("of two spans taking a month, the one that ends first (a plan reading the year before it as well)", () => {
    const wide: PlanSpan = { first: "2021-01", last: "2022-12", catalogue: Q };
    const next: PlanSpan = { first: "2022-01", last: "2023-12", catalogue: C2021 };
    expect(spanFor([next, wide], "2022-06")).toBe(wide);
    expect(spanFor([next, wide], "2023-02")).toBe(next);
  });

  it("templateCatalogue: the month's plan, else the current month's, else the plan ending last", () => {
    expect(templateCatalogue([P2021, P2022], "2021-03", "2022-09")).toBe(C2021);
    expect(templateCatalogue([P2021, P2022], "2030-01", "2022-09")).toBeNull();
    expect(templateCatalogue([P2021, P2022], null, "2022-09")).toBe(Q);
    expect(templateCatalogue([P2021, P2022], null, "2025-01")).toBe(Q);
  });
});

describe("fileCatalogue", () => {
  it("reads a file with the catalogue of the plan its months belong to", () => {
    const csv = "单位,报告月份,正规就业人数\n盈浦,2021-12,1\n盈浦,2022/1,2\n";
    expect(fileCatalogue(table(csv), [P2022])).toEqual({ catalogue: Q, finding: null });
    expect(fileCatalogue(table("单位,报告月份\n盈浦,2021-06\n"), [P2021, P2022]).catalogue).toBe(C2021);
  });

  it("a file without a header or a good month is read with the plan ending last", () => {
    expect(fileCatalogue(table("a,b\n1,2\n"), [P2022, P2021]).catalogue).toBe(Q);
    expect(fileCatalogue(table("单位,报告月份\n盈浦,八月\n"), [P2021, P2022]).catalogue).toBe(Q);
  });

  it("months of two plans with different catalogues are refused, naming both periods", () => {
    const csv = "单位,报告月份,正规就业人数\n盈浦,2021-12,1\n盈浦,2022-01,2\n";
    const { finding } = fileCatalogue(table(csv), [P2021, P2022]);
    expect(finding).toMatchObject({ row: null, column: null, code: "months_of_two_plans" });
    expect(finding?.zh).toBe(
      "文件中的报告月份分属不同的目标计划（2021-01–2021-12、2022-01–2022-12），各计划的月报统计项不同。请按计划期间分开报送，每个文件只含一个计划的月份。",
    );
    const parsed = parse(csv, {
      units: UNITS,
      periods: [P2021, P2022],
      currentMonth: "2022-09",
    });
    expect(parsed.errors.map((f) => f.code)).toEqual(["months_of_two_plans"]);
  });

  it("months of two plans sharing one catalogue's items are read together", () => {
    const same: PlanSpan = { ...P2021, catalogue: catalogueOf(Q.items, "catalogues/qingpu-2022.yaml") };
    const csv = "单位,报告月份,正规就业人数\n盈浦,2021-12,1\n盈浦,2022-01,2\n";
    expect(fileCatalogue(table(csv), [same, P2022]).finding).toBeNull();
  });
});
