import { describe, expect, it } from "vitest";
import { localized, monthDir, PAGES, relativeHref, rootOf, slug } from "./paths.ts";

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
  it("monthDir puts the latest month at the root and the earlier ones under month/", () => {
    expect(monthDir("2022-12", "2022-12")).toBe("");
    expect(monthDir("2022-07", "2022-12")).toBe("month/2022-07/");
    expect(relativeHref("month/2022-07/en/metric/a.html", "en/metric/a.html")).toBe(
      "../../../../en/metric/a.html",
    );
  });
  it("rootOf climbs from a file to the site's root", () => {
    expect(rootOf("index.html")).toBe("");
    expect(rootOf("en/unit/x.html")).toBe("../../");
    expect(rootOf("month/2022-07/index.html")).toBe("../../");
  });
  it("slug keeps codes readable and makes anything else safe", () => {
    expect(slug("310118001")).toBe("310118001");
    expect(slug("D-SASAC")).toBe("D-SASAC");
    expect(slug("工业园区")).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(slug("a/b")).toBe("a_2fb");
  });
});
