/**
 * The units' explanations on the built pages: beside the status on the unit's page and in the
 * target's table of units, one short line per explained red in the brief, and on the overview the
 * units red without an explanation, each with its targets.
 */
import { describe, expect, it } from "vitest";
import { buildSite } from "./build.ts";
import { sampleInput } from "./testdata/sampleInput.ts";

const LIANTANG = "310118103";
const NOTE = {
  text: "原因：8月汛期，两场招聘会推迟；整改措施：9月补办专场招聘会，逐户走访困难人员。",
  author: "练塘经办人",
  at: "2022-09-03T09:00:00+08:00",
};

/** The sample site with 练塘镇's red on 就业困难人员就业 explained. */
function explainedSite(text = NOTE.text) {
  const input = sampleInput();
  const metric = input.report.metrics.find((m) => m.id === "hardship_employed")!;
  const row = metric.units.find((u) => u.unit === LIANTANG)!;
  expect(row.status).toBe("red");
  row.note = { ...NOTE, text };
  return buildSite(input);
}

const page = (files: Map<string, string | Uint8Array>, path: string) => files.get(path) as string;

/** The table row of a unit's last link on a page (the table comes after the charts). */
function rowOf(html: string, unitHref: string): string {
  const at = html.lastIndexOf(`href="${unitHref}"`);
  expect(at).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}

describe("explanations on the dashboard", () => {
  const files = explainedSite();

  it("the unit's page shows the note beside the status, with its author and Beijing time", () => {
    const html = page(files, `unit/${LIANTANG}.html`);
    const row = html.slice(
      html.indexOf("就业困难人员就业</a>"),
      html.indexOf("</tr>", html.indexOf("就业困难人员就业</a>")),
    );
    expect(row).toContain("红灯");
    expect(row).toContain(`<strong>情况说明</strong>：${NOTE.text}（练塘经办人，2022年9月3日 09:00）`);
    const en = page(files, `en/unit/${LIANTANG}.html`);
    expect(en).toContain(`<strong>Explanation</strong>: ${NOTE.text} (练塘经办人, 3 Sep 2022, 09:00)`);
  });

  it("the target's table of units shows it in 练塘镇's row only", () => {
    const html = page(files, "metric/hardship_employed.html");
    expect(rowOf(html, `../unit/${LIANTANG}.html`)).toContain(NOTE.text);
    expect(html.split(NOTE.text)).toHaveLength(2);
  });

  it("the brief has one short line for the explained red", () => {
    const html = page(files, "brief.html");
    expect(html).toContain("<h3>红灯情况说明</h3>");
    expect(html).toContain(
      "<li>练塘镇（就业困难人员就业）：原因：8月汛期，两场招聘会推迟；整改措施：9月补办专场招聘会，逐户走访困…</li>",
    );
  });

  it("the overview names each unit red without an explanation, with its targets, and leaves out what is explained", () => {
    const html = page(files, "index.html");
    const section = html.slice(
      html.indexOf('id="unexplained-h"'),
      html.indexOf("</section>", html.indexOf('id="unexplained-h"')),
    );
    expect(section).toContain("红灯未作说明");
    const liantang = section.slice(
      section.indexOf(`unit/${LIANTANG}.html`),
      section.indexOf("</li>", section.indexOf(`unit/${LIANTANG}.html`)),
    );
    expect(liantang).toBe(
      `unit/${LIANTANG}.html">练塘镇</a>（正规就业人数、见习岗位募集、失业人员再就业、零就业家庭按期就业、就业困难人员按期就业、村居就业工作人员配备率）`,
    );
    expect(section).not.toContain("就业困难人员就业、");
    // 夏阳街道 is red on two targets only
    expect(section).toContain("夏阳街道</a>（就业困难人员按期就业、村居就业工作人员配备率）");
  });

  it("a long note opens on demand: its first 80 characters in the table, the whole text inside", () => {
    const long = "说".repeat(100);
    const html = page(explainedSite(long), `unit/${LIANTANG}.html`);
    expect(html).toContain(
      `<details class="note unit-note"><summary><strong>情况说明</strong>：${"说".repeat(80)}…</summary>${long}（练塘经办人`,
    );
  });

  it("a page without notes says who has not explained, and the brief has no explanations heading", () => {
    const plain = buildSite(sampleInput());
    expect(page(plain, "brief.html")).not.toContain("红灯情况说明");
    expect(page(plain, "index.html")).toContain(
      "练塘镇</a>（正规就业人数、见习岗位募集、失业人员再就业、就业困难人员就业、",
    );
  });
});
