/**
 * The layout check finds what it is meant to find, and nothing else: a label wider than its box,
 * chart text that runs past the chart's edge or is drawn below 11 px once the chart is scaled to
 * a phone, small text, a page wider than the screen; not text the page does not show.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchChromium } from "./browser.ts";
import { layoutProblems } from "./pageLayout.ts";

const run = browserAvailable("the layout check's own test");
let browser: Browser;

describe.runIf(run)("layoutProblems", () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("names each text out of its box or too small, and leaves out what is not shown", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.setContent(`<!doctype html><body style="margin:0;font-size:16px">
<div style="width:100px;white-space:nowrap">a label longer than its box</div>
<p>fits</p>
<svg viewBox="0 0 640 200" style="display:block;width:320px"><text x="10" y="20" style="font-size:12px">half size</text><text x="560" y="60" style="font-size:24px">past the edge</text><text x="10" y="120" style="font-size:24px">twelve</text></svg>
<p style="font-size:10px">ten</p>
<details><summary>more</summary><p style="font-size:5px">closed</p></details>
<p hidden style="font-size:5px">hidden</p>
</body>`);
    expect(await layoutProblems(page, { minFontPx: 11 })).toEqual([
      "runs out of its box: a label longer than its box",
      "smaller than 11 px (6.0 px): half size",
      "runs out of its box: past the edge",
      "smaller than 11 px (10.0 px): ten",
    ]);
    expect(await layoutProblems(page, { minFontPx: null })).toEqual([
      "runs out of its box: a label longer than its box",
      "runs out of its box: past the edge",
    ]);
    await page.setContent('<body style="margin:0"><div style="width:600px">wide</div></body>');
    expect(await layoutProblems(page, { minFontPx: 11 })).toEqual([
      "the page is wider than the screen (600 px)",
    ]);
    await page.close();
  });
});
