import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { unitsBehind } from "../metrics/behind.ts";
import type { MetricProgress } from "../metrics/reportTypes.ts";
import { buildSite } from "./build.ts";
import { sampleInput } from "./testdata/sampleInput.ts";

const input = sampleInput();
const files = buildSite(input);
const text = (path: string) => {
  const content = files.get(path);
  if (typeof content !== "string") throw new Error(`no page ${path}`);
  return content;
};
const pages = [...files.keys()].filter((p) => p.endsWith(".html"));
/** The addresses of the site's links that only the server answers (hidden in the static site until it says who reads). */
const SERVER_ONLY = new Set(["upload", "sql", "admin", "logout"]);
const bytes = (content: string | Uint8Array) =>
  typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;

/** Every href/src in a page, with the page's own path. */
function links(page: string): string[] {
  return [...text(page).matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}

/** A relative link resolved against the page's directory, without its fragment. */
function resolveLink(page: string, link: string): string {
  const parts = page.split("/").slice(0, -1);
  for (const seg of link.split("#")[0].split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

describe("buildSite", () => {
  it("builds the same files from the same input", () => {
    const again = buildSite(sampleInput());
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files) expect(again.get(path), path).toEqual(content);
  });

  it("writes the pages of docs/contract.md §6 in Chinese at the root and in English under en/", async () => {
    const listing = [...files.keys()]
      .filter((p) => !p.startsWith("month/"))
      .sort()
      .join("\n");
    await expect(listing).toMatchFileSnapshot("__snapshots__/build-files.txt");
    for (const page of ["index.html", "alerts.html", "status.html", "brief.html", "rules.html"]) {
      expect(files.has(page)).toBe(true);
      expect(files.has(`en/${page}`)).toBe(true);
    }
    for (const m of input.report.metrics) expect(files.has(`metric/${m.id}.html`)).toBe(true);
    for (const u of input.units) expect(files.has(`en/unit/${u.code}.html`)).toBe(true);
  });

  it("index.html is stable (hash and an excerpt)", () => {
    const html = text("index.html");
    const hash = createHash("sha256").update(html).digest("hex").slice(0, 16);
    const excerpt = html.slice(html.indexOf("<h1>"), html.indexOf("</p>", html.indexOf("<h1>")) + 4);
    expect({ hash, excerpt }).toMatchSnapshot();
  });

  it("the overview shows every metric with its status word, linked to its page", () => {
    for (const lang of ["zh", "en"] as const) {
      const html = text(lang === "zh" ? "index.html" : "en/index.html");
      const cards = html.split('<article class="card').slice(1);
      expect(cards).toHaveLength(input.report.metrics.length);
      input.report.metrics.forEach((m, i) => {
        const card = cards[i];
        expect(card).toContain(lang === "zh" ? m.name_zh : m.name_en);
        expect(card).toContain(`>${m.status_words[lang]}<`);
        expect(card).toContain(`href="metric/${m.id}.html"`);
      });
    }
  });

  it("the overview shows pace, needed per month and month-on-month change", () => {
    const html = text("index.html");
    expect(html).toContain("39.38万人");
    expect(html).toContain("剩余月均需完成");
    expect(html).toContain("+595人"); // reemployed: August's flow
    expect(html).toContain("练塘镇</a> 2022年8月"); // the missing town-month
    expect(html).toContain("红灯 · 明显滞后");
  });

  it("links only within the site: no absolute, protocol or network addresses", () => {
    for (const page of pages) {
      for (const link of links(page)) {
        expect(link, `${page}: ${link}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i);
      }
      expect(text(page), page).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i);
      expect(text(page), page).not.toMatch(/url\((?!#)/);
    }
  });

  it("writes every earlier month of the history under month/YYYY-MM/, page for page, as of that month", () => {
    const root = pages.filter((p) => !p.startsWith("month/")).sort();
    const earlier = input.history.map((h) => h.asOf).filter((m) => m < input.report.asOf);
    expect(earlier).toEqual(["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07"]);
    for (const month of earlier) {
      const inMonth = pages
        .filter((p) => p.startsWith(`month/${month}/`))
        .map((p) => p.slice(`month/${month}/`.length))
        .sort();
      expect(inMonth, month).toEqual(root);
    }
    expect(pages.filter((p) => p.startsWith("month/")).every((p) => /^month\/2022-0[1-7]\//.test(p))).toBe(
      true,
    );
    const may = text("month/2022-05/index.html");
    expect(may).toContain("截至2022年5月，全年12个月已过5个月");
    expect(may).toContain(
      '<p class="past-note">这是历史月份的数据。 <a href="../../index.html">查看最新（2022年8月）</a></p>',
    );
    expect(text("month/2022-05/en/metric/reemployed.html")).toContain("As of May 2022");
  });

  it("every page offers every month, the same page as of each, and the latest is marked", () => {
    const picker = (page: string) => {
      const html = text(page);
      return html.slice(html.indexOf('<details class="month-picker">'), html.indexOf("</details>"));
    };
    const overview = picker("index.html");
    expect([...overview.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "index.html",
      "month/2022-07/index.html",
      "month/2022-06/index.html",
      "month/2022-05/index.html",
      "month/2022-04/index.html",
      "month/2022-03/index.html",
      "month/2022-02/index.html",
      "month/2022-01/index.html",
    ]);
    expect(overview).toContain('<a href="index.html" aria-current="page">2022年8月（最新）</a>');
    const july = picker("month/2022-07/en/unit/310118104.html");
    expect(july).toContain('<a href="../../../../en/unit/310118104.html">Aug 2022 (latest)</a>');
    expect(july).toContain('<a href="310118104.html" aria-current="page">Jul 2022</a>');
    expect(july).toContain('<a href="../../../2022-01/en/unit/310118104.html">Jan 2022</a>');
  });

  it("every internal link resolves to a built file, every fragment to an id", () => {
    for (const page of pages) {
      for (const link of links(page)) {
        if (SERVER_ONLY.has(resolveLink(page, link.split("?")[0]))) continue;
        const target = link.startsWith("#") ? page : resolveLink(page, link);
        expect(files.has(target), `${page} → ${link}`).toBe(true);
        const fragment = link.split("#")[1];
        if (fragment) expect(text(target), `${page} → ${link}`).toContain(`id="${fragment}"`);
      }
    }
  });

  it("pages declare their language and have one h1; charts are labelled images", () => {
    for (const page of pages) {
      const html = text(page);
      expect(html).toMatch(/(^|\/)en\//.test(page) ? /<html lang="en">/ : /<html lang="zh-CN">/);
      expect(html.match(/<h1[ >]/g), page).toHaveLength(1);
      for (const svg of html.match(/<svg [^>]*class="jt-plot"[^>]*>/g) ?? []) {
        expect(svg).toContain('role="img"');
        expect(svg).toMatch(/aria-label="[^"]+"/);
      }
    }
  });

  it("headings never skip a level", () => {
    for (const page of pages) {
      const levels = [...text(page).matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0)
          expect(level - levels[i - 1], `${page}: h${levels[i - 1]} → h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it("the enhancement script parses and every page loads it deferred", () => {
    expect(() => new Function(text("assets/app.js"))).not.toThrow();
    for (const page of pages)
      expect(text(page)).toMatch(/<script src="(?:\.\.\/)*assets\/app\.js" defer><\/script>/);
  });

  it("the metric page has the three charts, each drawn full-size and compact, and a table of the numbers behind them", () => {
    const html = text("metric/reemployed.html");
    expect(html.match(/class="jt-plot"/g)).toHaveLength(6);
    expect(
      html.match(/<div class="chart-svg paired"><div class="chart-wide"><svg [^>]*viewBox="0 0 960 /g),
    ).toHaveLength(3);
    expect(html.match(/<div class="chart-narrow"><svg [^>]*viewBox="0 0 340 /g)).toHaveLength(3);
    expect(html).toContain("<caption>失业人员再就业：各月数据</caption>");
    expect(html).toContain(">120人<"); // April's dip in the table
    expect(html).toContain("落后序时进度4.4个百分点");
  });

  it("the alerts page counts each type in words and offers filters by type, target, unit and rank", () => {
    const html = text("alerts.html");
    expect(html).toContain(
      "截至2022年8月共6条预警，按预警级别排列：进度滞后3条、超期未就业1条、未按时报送1条、数据异常1条。",
    );
    const start = html.indexOf('<form class="alert-filters"');
    const form = html.slice(start, html.indexOf("</form>", start));
    expect(form).toContain("hidden"); // brought to life by the script; without it the whole list shows
    expect([...form.matchAll(/<select name="(\w+)">/g)].map((m) => m[1])).toEqual([
      "type",
      "metric",
      "unit",
      "severity",
    ]);
    expect(
      [...form.matchAll(/<option value="(\w+)">([^<]+)<\/option>/g)].slice(0, 4).map((m) => m[2]),
    ).toEqual(["进度滞后（3）", "超期未就业（1）", "未按时报送（1）", "数据异常（1）"]);
    expect(html).not.toContain("type-counts");
    // each alert names what the filters read, and a district target behind pace is coloured as its status
    const formal = input.report.metrics.find((m) => m.id === "formal_employment") as MetricProgress;
    expect(html).toContain(
      `<li class="alert tone-${formal.status}" data-type="behind_pace" data-metric="formal_employment" data-unit="" data-severity="high">`,
    );
    expect(html).toContain(
      '<li class="alert tone-neutral" data-type="missing_submission" data-metric="" data-unit="310118103" data-severity="medium">',
    );
    expect(html).toContain('<span class="sev sev-high">预警级别 高</span>');
  });

  it("the unit page lists its submissions and revisions", () => {
    const html = text("unit/310118104.html");
    expect(html).toContain("金泽镇_2022年7月月报(更正).xlsx");
    expect(html).toContain("第2版");
    expect(html).toContain("已被修订替代");
  });

  it("the status page has a cell for every unit-month and a legend in words", () => {
    const html = text("status.html");
    expect(html.match(/<td class="st /g)).toHaveLength(input.dataStatus.length);
    for (const word of ["按时报送", "逾期报送", "未报送", "已修订", "未到报送期"])
      expect(html).toContain(word);
    expect(text("en/status.html")).toContain("<strong>missing</strong>");
  });

  it("the brief is an A4 page with the cutoff, the fingerprint and sentences", () => {
    const html = text("brief.html");
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("2022年8月");
    expect(html).toContain("2022年9月6日 11:15");
    expect(html).toContain(input.fingerprint);
    expect(html).toContain(
      "失业人员再就业完成全年目标的62.3%，落后序时进度4.4个百分点，余下每月需完成472人。",
    );
    expect(text("en/brief.html")).toContain(
      "Reemployment of the unemployed: 62.3% of the annual target, 4.4 points behind pace; 472 a month are needed from now on.",
    );
  });

  it("names the units behind every target not green on its card, worst first, up to three and +N", () => {
    const html = text("index.html");
    const cards = html.split('<article class="card').slice(1);
    input.report.metrics.forEach((m, i) => {
      const behind = unitsBehind(m);
      const card = cards[i];
      if (m.status === "green" || behind.length === 0) {
        expect(card, m.id).not.toContain('class="behind"');
        return;
      }
      const line = card.slice(card.indexOf('class="behind"'));
      const names = [...line.matchAll(/>([^<>]+)<\/a>/g)].map((x) => x[1]);
      expect(names, m.id).toEqual(behind.slice(0, 3).map((u) => u.name));
      if (behind.length > 3) expect(line, m.id).toContain(`+${behind.length - 3}</span>`);
    });
  });

  it("marks an assigned target on its card, in the brief and on its page, with its note", () => {
    const assigned = input.report.metrics.filter((m) => m.target_source.kind === "assigned");
    expect(assigned.map((m) => m.id)).toEqual(["new_jobs", "registered_unemployed"]);
    const cards = text("index.html").split('<article class="card').slice(1);
    for (const m of assigned) {
      const card = cards[input.report.metrics.indexOf(m)];
      expect(card).toContain(`<span class="tag assigned" title="${m.target_source.note_zh}">上级下达</span>`);
      expect(card).toContain(`目标来源：上级下达。${m.target_source.note_zh}`);
      expect(text(`metric/${m.id}.html`)).toContain(`上级下达。${m.target_source.note_zh}`);
    }
    const brief = text("brief.html");
    expect(brief.match(/class="tag assigned"/g)?.length).toBeGreaterThanOrEqual(assigned.length * 2);
    expect(brief).toContain(
      "上级下达（政策文件未写明数值）：新增就业人数：市下达目标（尚未录入）；城镇登记失业人数：市下达控制目标。",
    );
    expect(text("en/index.html")).toContain(">assigned</span>");
  });

  it("the brief has one line per target not green, with the units behind and their gaps", () => {
    const brief = text("brief.html");
    const lines = brief.slice(brief.indexOf('class="sentences who"')).split("</ul>")[0];
    const expected = input.report.metrics.filter(
      (m) => (m.status === "red" || m.status === "yellow") && unitsBehind(m).length > 0,
    );
    expect(lines.match(/<li /g)).toHaveLength(expected.length);
    const reemployed = input.report.metrics.find((m) => m.id === "reemployed") as MetricProgress;
    const [worst] = unitsBehind(reemployed);
    expect(lines).toContain(
      `<strong>失业人员再就业</strong>：${worst.name.replace(/(街道|镇)$/, "")}差${worst.gap}人`,
    );
    // the Chinese brief says how many more units are behind in words, not as "+N"
    const many = expected.filter((m) => unitsBehind(m).length > 3);
    expect(many.length).toBeGreaterThan(0);
    for (const m of many) expect(lines).toContain(`，另有${unitsBehind(m).length - 3}个单位</li>`);
    expect(lines).not.toMatch(/ \+\d/);
    const en = text("en/brief.html");
    const enLines = en.slice(en.indexOf('class="sentences who"')).split("</ul>")[0];
    for (const m of many) expect(enLines).toContain(` +${unitsBehind(m).length - 3}</li>`);
  });

  it("a metric page shows the policy's sentence, its section and 责任单位, and links to the rules", () => {
    const html = text("metric/reemployed.html");
    expect(html).toContain(
      '<blockquote class="quote" lang="zh-CN"><p>失业人员再就业的政策原文。</p></blockquote>',
    );
    expect(html).toContain("<dt>目标来源</dt><dd>文件明确</dd>");
    expect(html).toContain("<dt>政策出处</dt><dd>五、推动重点群体更好就业</dd>");
    expect(html).toContain("<dt>责任单位</dt><dd>区人力资源社会保障局、各街镇</dd>");
    // in English the section and the bodies stay as the policy publishes them, and say so
    const en = text("en/metric/reemployed.html");
    expect(en).toContain(
      '<dt>Section of the policy</dt><dd><span lang="zh-CN">五、推动重点群体更好就业</span></dd>',
    );
    expect(en).toContain(
      "The policy's sentence, its section and its responsible bodies, as published in Chinese.",
    );
    expect(html).toContain(`href="../rules.html"`);
    expect(text("index.html")).toContain('href="rules.html"');
    expect(text("rules.html")).toContain("考核时点前不亮红灯");
    expect(text("en/rules.html")).toContain("never red before the due month");
    // green for a target judged every month is the month shown, not a record of every month
    expect(text("rules.html")).not.toContain("每月均达到目标");
    expect(text("rules.html")).toContain("所示月份达到目标（须每月保持；此前月份未达标不影响本月灯色）");
    expect(text("en/rules.html")).not.toContain("holds every month");
  });

  it("ranks the towns by the figure they are judged by, coloured by their status", () => {
    const html = text("metric/formal_employment.html");
    const metric = input.report.metrics.find((m) => m.id === "formal_employment") as MetricProgress;
    const order = [...metric.units]
      .sort((a, b) => (b.progress ?? -1) - (a.progress ?? -1))
      .map((u) => u.name);
    const table = html.slice(html.indexOf("<caption>各单位增量完成情况"));
    const names = [...table.matchAll(/unit\/\d+\.html">([^<]+)<\/a>/g)].map((x) => x[1]);
    expect(names).toEqual(order);
  });

  it("keeps the overview with its assets under 300 KB", () => {
    const assets = bytes(files.get("assets/site.css")!) + bytes(files.get("assets/app.js")!);
    for (const page of ["index.html", "en/index.html"]) {
      expect(bytes(files.get(page)!) + assets).toBeLessThan(300 * 1024);
    }
  });

  it("builds from a report alone: no history, flows, submissions or data status", () => {
    const bare = buildSite({
      ...input,
      history: [],
      monthlyFlows: [],
      submissions: [],
      dataStatus: [],
      latestSubmissionAt: null,
    });
    expect(bare.has("index.html")).toBe(true);
    expect(bare.get("status.html")).toContain("暂无报送情况数据");
  });
});
