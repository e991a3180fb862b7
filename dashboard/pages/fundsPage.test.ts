/**
 * The 政策资金 page built from the report of the hand-computed warehouse (metrics/test/fundsFixture.ts:
 * two subdistricts, three months, two subsidies): every figure on it is one added up by hand there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeReport } from "../../metrics/report.ts";
import type { Report } from "../../metrics/reportTypes.ts";
import { fundsPlan, fundsWarehouse } from "../../metrics/test/fundsFixture.ts";
import { XIAYANG, YINGPU } from "../../metrics/test/warehouseFixture.ts";
import type { Warehouse } from "../../warehouse/db.ts";
import { buildSite, type DashboardInput } from "../build.ts";

let db: Warehouse;
let report: Report;

function site(options: { demo?: boolean; report?: Report } = {}) {
  const r = options.report ?? report;
  const input: DashboardInput = {
    report: r,
    history: [r],
    monthlyFlows: [],
    units: [XIAYANG, YINGPU],
    submissions: [],
    dataStatus: [],
    builtAt: "2022-04-21T02:00:00Z",
    latestSubmissionAt: null,
    fingerprint: "f00d",
    demo: options.demo,
  };
  return buildSite(input);
}

/** The text of a page, tags dropped and spaces folded, for reading sentences. */
function text(files: Map<string, string | Uint8Array>, path: string): string {
  const html = files.get(path);
  if (typeof html !== "string") throw new Error(`no page ${path}`);
  return html
    .replace(/<(style|svg)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

/** The cells of the row headed `name` in a page's tables. */
function row(files: Map<string, string | Uint8Array>, path: string, name: string): string[] {
  const html = files.get(path) as string;
  const tr = html.split("<tr>").find((r) => r.startsWith(`<th scope="row">${name}</th>`));
  if (!tr) throw new Error(`no row ${name}`);
  return [...tr.split("</tr>")[0].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, ""),
  );
}

beforeAll(async () => {
  db = await fundsWarehouse();
  report = await computeReport(db, { plan: fundsPlan(), asOf: "2022-03", today: "2022-04-21", lang: "zh" });
});
afterAll(() => db.close());

describe("the 政策资金 page, by hand", () => {
  it("opens with the total paid and whom it reached, and says the policy sets no target for the money", () => {
    const files = site();
    expect(text(files, "funds.html")).toContain(
      "截至2022年3月，各单位报告2项政策补贴已发放12.1万元，惠及31人次、6家次；政策未设资金目标。",
    );
    expect(text(files, "en/funds.html")).toContain(
      "As of Mar 2022, the units report CNY 121,000 paid in 2 subsidies: 31 payments to persons and 6 to firms; the policy sets no target for the money.",
    );
  });

  it("sets the hiring subsidy beside the reemployment target it serves, each with its own figures", () => {
    const page = text(site(), "funds.html");
    expect(page).toContain(
      "补贴（无目标） 吸纳就业补贴 6.5万元 已发放 人数（户数） 31人 人均（户均） 2,097元 发放单位 夏阳街道、盈浦街道",
    );
    expect(page).toContain("所服务的指标 失业人员实现再就业 红灯 · 明显滞后 130人 目标 600人 完成率 21.7%");
    expect(page).toContain("只并列、不相除");
  });

  it("gives the money month by month by paying group, the subsidies and the units, with the unit-month not reported", () => {
    const files = site();
    expect(row(files, "funds.html", "2022年1月")).toEqual(["2022年1月", "5.4", "5.4"]);
    expect(row(files, "funds.html", "2022年2月")).toEqual(["2022年2月", "2.8", "2.8"]);
    expect(row(files, "funds.html", "2022年3月")).toEqual(["2022年3月", "3.9", "3.9"]);
    expect(row(files, "funds.html", "房租补贴")[0]).toBe("房租补贴");
    expect(
      row(files, "funds.html", "吸纳就业补贴").slice(1),
      "the first table: to date; the per-head of the rent subsidy counts only the unit-months with both",
    ).toEqual(["夏阳街道、盈浦街道", "6.5万元", "31人", "2,097元", "失业人员实现再就业"]);
    const html = files.get("funds.html") as string;
    // the chart is drawn twice, months across on a wide screen and as rows on a phone, and its
    // caption is true of both
    expect(html).toContain('<div class="chart-wide">');
    expect(html).toContain('<div class="chart-narrow">');
    expect(html).toContain("每月一条，长短为当月各单位报告的发放金额之和，所标数字为当月合计（万元）");
    expect(html).not.toContain("柱高");
    expect(html).toContain(
      '<td>夏阳街道、盈浦街道</td><td class="num">5.6万元</td><td class="num">6家</td><td class="num">8,000元</td>',
    );
    expect(html).toContain(
      '<td class="num">2.4</td><td class="num">0.8</td><td class="num">2.4</td><td class="num">5.6</td>',
    );
    expect(row(files, "funds.html", '<a href="unit/310118001.html">夏阳街道</a>')).toEqual([
      "夏阳街道",
      "3.6",
      "1.6",
      "3.9",
      "9.1",
    ]);
    expect(row(files, "funds.html", '<a href="unit/310118002.html">盈浦街道</a>')).toEqual([
      "盈浦街道",
      "1.8",
      "1.2",
      "—",
      "3",
    ]);
    expect(text(files, "funds.html")).toContain(
      "以下单位月没有报告补贴金额，上面的合计不含这些单位月：盈浦街道 2022年3月。",
    );
  });

  it("says what the figures are, and that the demo's amounts are illustrative only when the data is the demo's", () => {
    const real = text(site(), "funds.html");
    expect(real).toContain("不是补贴标准");
    expect(real).toContain("各项补贴都没有目标，不亮红黄绿灯，也不发预警");
    expect(real).not.toContain("演示数据");
    expect(text(site({ demo: true }), "funds.html")).toContain(
      "本看板使用演示数据：各项金额是人数乘以演示用的每人示例金额生成的，不是实际发放数，也不是任何文件规定的标准。",
    );
  });

  it("is linked from the navigation and the overview, and the brief has one line on the money", () => {
    const files = site();
    expect(files.get("index.html")).toContain('<a href="funds.html">政策资金</a>（已发放12.1万元）');
    expect(files.get("en/metric/reemployed.html")).toContain('<a href="../funds.html">Policy funds</a>');
    const brief = files.get("brief.html") as string;
    expect(brief.match(/class="funds-line"/g)).toHaveLength(1);
  });

  it("says plainly when the plan tracks no money", () => {
    const files = site({ report: { ...report, funds: null, tracked: [] } });
    expect(text(files, "funds.html")).toContain("本目标计划没有跟踪政策资金。");
    expect(files.get("brief.html")).not.toContain("funds-line");
  });
});
