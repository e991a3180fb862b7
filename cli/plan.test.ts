/**
 * `jobtrack plan draft` and `jobtrack plan check` end to end through main(argv, io): real policy
 * files (Markdown, and a Word file made at test time), output captured, exit codes as docs/contract.md §5.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutMetric } from "../metrics/draft/testdata/draftOf.ts";
import { main } from "./jobtrack.ts";
import { wordFile } from "./testdata/wordFile.ts";
import { captureIO, runCli } from "./testIO.ts";

const POLICY = "docs/policy/qingpu-2022-employment-policy.md";
const PLAN = "metrics/plans/qingpu-2022.yaml";

const run = runCli;

const temp = () => mkdtempSync(join(tmpdir(), "jobtrack-plan-"));

describe("jobtrack plan draft", () => {
  it("writes the draft plan file and prints a Chinese summary, unsure guesses marked ⚠", async () => {
    const out = join(temp(), "qingpu.draft.yaml");
    const { code, out: text } = await run(["plan", "draft", POLICY, "--out", out]);
    expect(code).toBe(0);
    expect(text).toContain("找到 17 项量化承诺，其中 6 项待核实（⚠）；资金 18 条；里程碑 5 个。");
    expect(text).toMatch(/ 4 {3}正规就业 ≥ 40万人 · 期末水平 · 按序时进度 · 考核时点2022年12月/);
    expect(text).toMatch(/ 1 ⚠ 新增就业人数 ≥ 上级下达（待填） · 累计 · 按序时进度/);
    expect(text).toContain(`已写出草稿：${out}`);
    const yaml = readFileSync(out, "utf8");
    expect(yaml).toContain('document: "青府规发〔2022〕4号"');
    expect(yaml.match(/⚠ 待核实 unsure/g)?.length).toBeGreaterThanOrEqual(12);
  });

  it("--lang en prints the summary in English", async () => {
    const { code, out } = await run([
      "plan",
      "draft",
      POLICY,
      "--out",
      join(temp(), "d.yaml"),
      "--lang",
      "en",
    ]);
    expect(code).toBe(0);
    expect(out).toContain(
      "17 quantified commitments, 6 of them unsure (⚠); 18 fund sentences; 5 milestones.",
    );
    expect(out).toMatch(/Formal employment ≥ 400,000 · level · judged by pace · due Dec 2022/);
    expect(out).not.toMatch(/待核实|累计/);
  });

  it("--format json prints docs/contract.md §5 alone on stdout: targets as plain numbers, the policy's unit words", async () => {
    const { code, out } = await run(["plan", "draft", POLICY, "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["plan", "commitments", "funds", "milestones", "proposed_items"]);
    const byId = (id: string) => json.commitments.find((c: { id: string }) => c.id === id);
    expect(byId("formal_employment")).toMatchObject({
      target: 400000,
      unit_of_count: "人",
      direction: "at_least",
      kind: "level",
      judged: "pace",
      due: "2022-12",
      confidence: "high",
      responsible: expect.arrayContaining(["区人力资源社会保障局"]),
      section: "四、推动就业容量持续扩大（一）积极创造联动性岗位",
    });
    expect(byId("relief_financing")).toMatchObject({
      target: 80,
      unit_of_count: "亿元",
      plan_unit_of_count: "100m_cny",
    });
    expect(byId("grads_employed_share")).toMatchObject({
      target: 0.8,
      unit_of_count: "%",
      direction: "above",
      starts: "2022-07",
    });
    expect(byId("new_jobs")).toMatchObject({
      target: null,
      target_source: { kind: "assigned" },
      confidence: "low",
    });
    expect(byId("new_jobs").why.map((w: { field: string }) => w.field)).toContain("target");
    expect(json.funds[0]).toMatchObject({ words: ["补贴"] });
    expect(json.milestones.map((m: { what: string }) => m.what)).toContain(
      "设立“上海青浦（长三角）留学人员创业园”",
    );
  });

  it("reads a Word file: headings kept, traditional characters and full-width digits read, quotes as written", async () => {
    const dir = temp();
    const file = join(dir, "某区稳就业.docx");
    writeFileSync(
      file,
      await wordFile([
        { heading: 1, text: "某區人民政府關於穩就業的實施意見" },
        { heading: 2, text: "一、推動就業容量持續擴大" },
        {
          bold: "（一）積極創造聯動性崗位。",
          text: "2022年全區正規就業不少於４０萬人，募集就業見習崗位不少於一千一百個。（責任單位：區人力資源社會保障局、各街鎮）",
        },
      ]),
    );
    const { code, out } = await run(["plan", "draft", file, "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.plan).toMatchObject({ converted: true, period: { first: "2022-01", last: "2022-12" } });
    expect(
      json.commitments.map((c: Record<string, unknown>) => [
        c.id,
        c.target,
        c.section,
        c.responsible,
        c.quote,
      ]),
    ).toEqual([
      [
        "formal_employment",
        400000,
        "一、推動就業容量持續擴大（一）積極創造聯動性崗位",
        ["區人力資源社會保障局", "各街鎮"],
        "2022年全區正規就業不少於４０萬人，募集就業見習崗位不少於一千一百個。",
      ],
      [
        "internship_posts",
        1100,
        "一、推動就業容量持續擴大（一）積極創造聯動性崗位",
        ["區人力資源社會保障局", "各街鎮"],
        "2022年全區正規就業不少於４０萬人，募集就業見習崗位不少於一千一百個。",
      ],
    ]);
  });

  it("without --out, writes <policy>.draft.yaml in the current folder", async () => {
    const dir = temp();
    writeFileSync(join(dir, "p.txt"), "2022年全区正规就业不少于40万人。\n");
    const io = { ...captureIO(), cwd: dir };
    expect(await main(["plan", "draft", "p.txt"], io)).toBe(0);
    expect(readFileSync(join(dir, "p.draft.yaml"), "utf8")).toContain("target: 400000");
  });

  it("exits 2 with a clear message for a missing file, an unknown extension or a missing subcommand", async () => {
    const missing = await run(["plan", "draft", "no-such-policy.md"]);
    expect([missing.code, missing.err]).toEqual([
      2,
      expect.stringContaining("找不到政策文件：no-such-policy.md"),
    ]);
    const dir = temp();
    writeFileSync(join(dir, "policy.pdf"), "%PDF-1.4");
    const pdf = await run(["plan", "draft", join(dir, "policy.pdf"), "--lang", "en"]);
    expect([pdf.code, pdf.err]).toEqual([
      2,
      expect.stringContaining("A policy file must be .txt, .md or .docx (this is .pdf)"),
    ]);
    expect((await run(["plan"])).code).toBe(2);
    expect((await run(["plan", "write", POLICY])).code).toBe(2);
    expect((await run(["plan", "draft", POLICY, "--format", "csv"])).code).toBe(2);
  });

  it("exits 1 for a .docx that is not a Word file", async () => {
    const dir = temp();
    writeFileSync(join(dir, "broken.docx"), "not a zip");
    const { code, err } = await run(["plan", "draft", join(dir, "broken.docx")]);
    expect([code, err]).toEqual([1, expect.stringContaining("无法读取 Word 文件")]);
  });

  it("is listed in jobtrack --help", async () => {
    expect((await run(["--help"])).out).toContain("plan draft <policy.txt|.md|.docx>");
  });
});

describe("jobtrack plan check", () => {
  it("exits 0 on the shipped plan: nothing missing, every quote in the policy, every figure its sentence's", async () => {
    const { code, out } = await run(["plan", "check", PLAN, POLICY]);
    expect(code).toBe(0);
    expect(out).toContain("原文中计划未跟踪的承诺：0 项");
    expect(out).toContain("计划引文不在原文中：0 处");
  });

  it("exits 1 on a plan without pi_posts_total and names the commitment it neither tracks nor explains", async () => {
    const dir = temp();
    const plan = join(dir, "qingpu-2022.yaml");
    writeFileSync(plan, withoutMetric(readFileSync(PLAN, "utf8"), "pi_posts_total"));
    const { code, out } = await run(["plan", "check", plan, POLICY]);
    expect(code).toBe(1);
    expect(out).toContain("原文中计划未跟踪的承诺：1 项");
    expect(out).toContain("事业单位招聘总量 上年水平（待填）");
    const json = JSON.parse((await run(["plan", "check", plan, POLICY, "--format", "json"])).out);
    expect(json.missing.map((c: { kind: string; target: unknown }) => [c.kind, c.target])).toEqual([
      ["cumulative", null],
    ]);
    expect(json.quotes_not_in_policy).toEqual([]);
    expect(json.target_mismatch).toEqual([]);
  });

  it("exits 0 when the plan explains what it leaves out, and finds the policy from the plan's policy: field", async () => {
    const dir = temp();
    const plan = join(dir, "qingpu-2022.yaml");
    writeFileSync(
      plan,
      `${withoutMetric(readFileSync(PLAN, "utf8"), "pi_posts_total").replace(/^policy: .*$/m, `policy: ${resolve(POLICY)}`)}
untracked:
  - quote: 在本年度我区事业单位招聘总量不低于上年水平的基础上，面向高校毕业生的岗位数不少于公开招聘岗位总数的60%，其中青浦新城区域事业单位所提供的岗位中，面向高校毕业生的岗位数占比不少于70%。
    target: null
    reason: { zh: 上年数待报送, en: last year's figure is not reported yet }
`,
    );
    const { code, out } = await run(["plan", "check", plan, "--lang", "en"]);
    expect(code).toBe(0);
    expect(out).toContain("Left out by the plan, with a reason: 1");
    expect(out).toContain("Nothing to fix.");
  });

  it("exits 2 for a missing plan file", async () => {
    expect((await run(["plan", "check", "no-such-plan.yaml", POLICY])).code).toBe(2);
  });
});
