import { describe, expect, it } from "vitest";
import { localized, PAGES, relativeHref, slug } from "./paths.ts";

describe("paths", () => {
  it("relativeHref between pages of the site", () => {
    expect(relativeHref("index.html", "metric/reemployed.html")).toBe("metric/reemployed.html");
    expect(relativeHref("metric/reemployed.html", "unit/310118001.html")).toBe("../unit/310118001.html");
    expect(relativeHref("en/metric/a.html", "assets/site.css")).toBe("../../assets/site.css");
    expect(relativeHref("en/index.html", "index.html")).toBe("../index.html");
    expect(relativeHref("metric/a.html", "metric/b.html")).toBe("b.html");
    expect(relativeHref("en/unit/x.html", "en/alerts.html")).toBe("../alerts.html");
  });
  it("localized puts English pages under en/", () => {
    expect(localized(PAGES.metric("reemployed"), "zh")).toBe("metric/reemployed.html");
    expect(localized(PAGES.unit("D-FIN"), "en")).toBe("en/unit/D-FIN.html");
  });
  it("slug keeps codes readable and makes anything else safe", () => {
    expect(slug("310118001")).toBe("310118001");
    expect(slug("D-SASAC")).toBe("D-SASAC");
    expect(slug("工业园区")).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(slug("a/b")).toBe("a_2fb");
  });
});
