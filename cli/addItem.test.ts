/**
 * Adding a reported item is a change to the catalogue file alone: a copy of the plan and its
 * catalogue with one item more, and the command line's template, ingest, SQL and dashboard take it
 * with its own bound, no code touched.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIO, runCli } from "./testIO.ts";

const run = (argv: string[]) => runCli(argv, captureIO("2022-09-10T02:00:00Z"));

const NEW_ITEM = `
  - key: job_fairs
    zh: "{year}年举办招聘会场次"
    en: Job fairs held
    description:
      zh: 本月举办的线上线下招聘会场次。
      en: Job fairs held in the month, online or on site.
    unit: 个
    flow: flow
    reporters: [subdistrict, town]
    max: 30
`;

/** The shipped plans in a folder of their own, the plan's policy text named by its full path. */
function copyPlans(to: string): void {
  cpSync("metrics/plans", to, { recursive: true });
  const plan = join(to, "qingpu-2022.yaml");
  writeFileSync(
    plan,
    readFileSync(plan, "utf8").replace(
      /^policy: .*$/m,
      `policy: ${resolve("docs/policy/qingpu-2022-employment-policy.md")}`,
    ),
  );
}

describe("a reported item added to a copy of the catalogue", () => {
  it("is in the template, accepted by ingest within its own bound, in v_facts, described in v_indicators, and on the dashboard", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-item-"));
    const plans = join(dir, "plans");
    copyPlans(plans);
    appendFileSync(join(plans, "catalogues", "qingpu-2022.yaml"), NEW_ITEM);
    const db = join(dir, "jobtrack.duckdb");
    const withPlans = ["--plans", plans, "--db", db];

    const template = join(dir, "template.csv");
    expect((await run(["template", "--plans", plans, "--month", "2022-08", "--out", template])).code).toBe(0);
    const [note, header] = readFileSync(template, "utf8").slice(1).split("\r\n");
    // the new item is the last of the catalogue's columns, before the optional 备注
    expect(header.split(",").slice(-2)).toEqual(["2022年举办招聘会场次", "备注"]);
    expect(note.split(",").at(-2)).toBe("本月数（个）");

    const file = (value: number) => `单位,报告月份,2022年举办招聘会场次\n盈浦,2022-08,${value}\n`;
    writeFileSync(join(dir, "over.csv"), file(31));
    const over = await run(["ingest", ...withPlans, "--format", "json", join(dir, "over.csv")]);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.out)[0].errors.map((e: { code: string }) => e.code)).toEqual(["implausible"]);

    writeFileSync(join(dir, "ok.csv"), file(12));
    const ok = await run(["ingest", ...withPlans, "--format", "json", join(dir, "ok.csv")]);
    expect(JSON.parse(ok.out)[0]).toMatchObject({
      status: "accepted",
      units: ["310118002"],
      months: ["2022-08"],
    });

    const sql = await run([
      "sql",
      ...withPlans,
      "--format",
      "json",
      "SELECT f.unit, f.month, f.indicator, f.value, i.name_zh, i.unit_of_count, i.flow FROM v_facts f JOIN v_indicators i USING (indicator)",
    ]);
    expect(JSON.parse(sql.out).rows).toEqual([
      ["310118002", "2022-08", "job_fairs", 12, "2022年举办招聘会场次", "个", "flow"],
    ]);

    // the dashboard's page of reported items lists it with the district's figure and who reports it
    const site = join(dir, "site");
    expect((await run(["build", ...withPlans, "--as-of", "2022-08", "--out", site])).code).toBe(0);
    const row = (file: string, name: string) =>
      readFileSync(join(site, file), "utf8")
        .split("<tr>")
        .find((r) => r.includes(`<th scope="row">${name}</th>`))
        ?.split("</tr>")[0];
    expect(row("items.html", "2022年举办招聘会场次")).toBe(
      '<th scope="row">2022年举办招聘会场次</th><td>个</td><td>本月数</td><td>街道、镇</td><td class="num">12</td><td class="num">1</td><td>仅报送</td>',
    );
    expect(row("en/items.html", "Job fairs held")).toBe(
      '<th scope="row">Job fairs held</th><td>count</td><td>this month</td><td>subdistricts, towns</td><td class="num">12</td><td class="num">1</td><td>reported only</td>',
    );
  });

  it("a malformed catalogue stops every command with the file and the line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-item-"));
    const plans = join(dir, "plans");
    copyPlans(plans);
    appendFileSync(join(plans, "catalogues", "qingpu-2022.yaml"), NEW_ITEM.replace("max: 30", "max: lots"));
    const lines = readFileSync(join(plans, "catalogues", "qingpu-2022.yaml"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("max: lots")) + 1;
    const r = await run(["template", "--plans", plans, "--out", join(dir, "t.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `统计项目录 catalogues/qingpu-2022.yaml 第 ${line} 行，字段 items[${lines.filter((l) => l.startsWith("  - key:")).length - 1}].max：应为数，大于 0（现为 "lots"）。`,
    );
  });

  it("a reporter that is neither a unit kind nor a registry unit stops the commands that open the database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jobtrack-item-"));
    const plans = join(dir, "plans");
    copyPlans(plans);
    appendFileSync(
      join(plans, "catalogues", "qingpu-2022.yaml"),
      NEW_ITEM.replace("[subdistrict, town]", "[D-XYZ]"),
    );
    const r = await run(["sql", "--plans", plans, "--db", join(dir, "j.duckdb"), "SELECT 1"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "统计项目录 catalogues/qingpu-2022.yaml：统计项 job_fairs 的报送单位“D-XYZ”既不是单位类型（subdistrict、town、department、other），也不在单位名录中。",
    );
  });
});
