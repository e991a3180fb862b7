/**
 * The static dashboard as a pure function from data to files: `buildSite(input)` returns every
 * page and asset by its relative path. Chinese pages at the root, English under `en/`; links are
 * relative, nothing is fetched from a network, charts are SVG rendered here. Writing the files is
 * `writeSite`'s job.
 */
import type { Report } from "../metrics/reportTypes.ts";
import { APP_JS } from "./assets/appJs.ts";
import { SITE_CSS } from "./assets/siteCss.ts";
import type { Lang } from "./format.ts";
import type { ItemFigure } from "./gatherItems.ts";
import type { DataState } from "./labels.ts";
import { alertsPage } from "./pages/alertsPage.ts";
import { briefPage } from "./pages/briefPage.ts";
import { pageContext, siteOf } from "./pages/context.ts";
import { fundsPage } from "./pages/fundsPage.ts";
import { itemsPage } from "./pages/itemsPage.ts";
import { metricPage } from "./pages/metricPage.ts";
import { overviewPage } from "./pages/overviewPage.ts";
import { rulesPage } from "./pages/rulesPage.ts";
import { statusPage } from "./pages/statusPage.ts";
import { unitPage } from "./pages/unitPage.ts";
import { localized, PAGES } from "./paths.ts";
import type { MonthlyFlow } from "./trend.ts";

export interface DashboardInput {
  /** The report as of the chosen month. */
  report: Report;
  /** Reports as of each month from the plan's first month to report.asOf, in order (the last equals report). */
  history: Report[];
  /** Per-month values behind the charts, by metric id (district: unit null). */
  monthlyFlows: MonthlyFlow[];
  units: { code: string; name_zh: string; name_en: string; kind: string }[];
  submissions: {
    submission_id: number;
    unit: string | null;
    kind: string;
    file_name: string;
    sha256: string;
    received_at: string;
    status: "accepted" | "superseded" | "rejected";
    rows: number;
    revision: number;
    month_list: string[];
  }[];
  dataStatus: { unit: string; month: string; state: DataState }[];
  /** ISO timestamp of the build, passed in. */
  builtAt: string;
  latestSubmissionAt: string | null;
  /** Short hash of the data, computed by the caller. */
  fingerprint: string;
  /** Every reported item of the plan's catalogue with its district figure (absent: the page says none were gathered). */
  items?: ItemFigure[];
  /** The data is the demo's (`jobtrack demo`): its money is illustrative, and the funds page says so. */
  demo?: boolean;
}

const LANGS: Lang[] = ["zh", "en"];

export function buildSite(input: DashboardInput): Map<string, string | Uint8Array> {
  const site = siteOf(input);
  const files = new Map<string, string | Uint8Array>();
  files.set("assets/site.css", SITE_CSS);
  files.set("assets/app.js", APP_JS);
  for (const lang of LANGS) {
    const page = (path: string, render: (ctx: ReturnType<typeof pageContext>) => string) => {
      const ctx = pageContext(site, lang, path);
      files.set(localized(path, lang), render(ctx));
    };
    page(PAGES.overview, overviewPage);
    page(PAGES.alerts, alertsPage);
    page(PAGES.status, statusPage);
    page(PAGES.brief, briefPage);
    page(PAGES.rules, rulesPage);
    page(PAGES.funds, fundsPage);
    page(PAGES.items, itemsPage);
    for (const metric of input.report.metrics)
      page(PAGES.metric(metric.id), (ctx) => metricPage(ctx, metric));
    for (const unit of site.units) page(PAGES.unit(unit.code), (ctx) => unitPage(ctx, unit));
  }
  return files;
}
