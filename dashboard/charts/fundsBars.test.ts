import { describe, expect, it } from "vitest";
import { type FundsBarRow, fundsBars } from "./fundsBars.ts";

/** Three months of the test fixture's money by payer, one group not reporting in March. */
const ROWS: FundsBarRow[] = [
  { month: "2022-01", group: "夏阳街道", value: 3.6 },
  { month: "2022-01", group: "盈浦街道", value: 1.8 },
  { month: "2022-02", group: "夏阳街道", value: 1.6 },
  { month: "2022-02", group: "盈浦街道", value: 1.2 },
  { month: "2022-03", group: "夏阳街道", value: 3.9 },
  { month: "2022-03", group: "盈浦街道", value: null },
];
const options = {
  id: "funds-monthly",
  lang: "zh" as const,
  months: ["2022-01", "2022-02", "2022-03", "2022-04"],
  groups: ["夏阳街道", "盈浦街道"],
  label: "各月发放金额（按发放单位）",
};

describe("fundsBars", () => {
  it("stacks each month's amount by payer, writes the month's total and marks the month without a report", async () => {
    const svg = fundsBars(ROWS, options);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')).toBe(true);
    expect(svg).toContain(`<title>${options.label}</title>`);
    // a segment per group and month with money: 2 + 2 + 1
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain("2022年1月 夏阳街道 3.6万元");
    expect(svg).toContain("2022年3月 夏阳街道 3.9万元");
    for (const total of [">5.4<", ">2.8<", ">3.9<"]) expect(svg).toContain(total);
    expect(svg).toContain(">未报<");
    expect(svg).toContain('fill="#0969da"');
    expect(svg).toContain('fill="#bc4c00"');
    expect(fundsBars(ROWS, options)).toBe(svg);
    await expect(svg).toMatchFileSnapshot("__snapshots__/fundsBars.svg");
  });

  it("speaks English amounts in the segments' titles", () => {
    const svg = fundsBars(ROWS, { ...options, lang: "en", label: "Paid each month" });
    expect(svg).toContain("Jan 2022 夏阳街道 CNY 36,000");
    expect(svg).toContain(">n/a<");
  });

  it("compact, sets the months as rows, 24 px each, with the same segments, totals and the month without a report", () => {
    const svg = fundsBars(ROWS, { ...options, id: "funds-monthly-c", compact: true });
    // four months of 24 px and 12 px of margins; the phone's width
    expect(svg).toContain('viewBox="0 0 340 108"');
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain("2022年2月 盈浦街道 1.2万元");
    for (const total of [">5.4<", ">2.8<", ">3.9<"]) expect(svg).toContain(total);
    expect(svg).toContain(">未报<");
    // the rows are named by month, down the left
    for (const month of [">1月<", ">2月<", ">3月<", ">4月<"]) expect(svg).toContain(month);
  });
});
