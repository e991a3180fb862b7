/**
 * The static dashboard as a pure function from data to files: `buildSite(input)` returns every
 * page and asset by its relative path. Chinese pages at the root, English under `en/`; the latest
 * month at the top and every earlier month of the history, page for page, under
 * `month/YYYY-MM/`; links are relative, nothing is fetched from a network, charts are SVG
 * rendered here. `siteFiles` gives the same files one by one, so that a caller sharing its thread
 * (the server's rebuild) can pause between pages. Writing the files is `writeSite`'s job.
 */
import type { Report } from "../metrics/reportTypes.ts";
import type { SubmissionRow } from "../warehouse/submissionRow.ts";
import { APP_JS } from "./assets/appJs.ts";
import { SITE_CSS } from "./assets/siteCss.ts";
import type { Lang } from "./format.ts";
import type { ItemFigure } from "./gatherItems.ts";
import type { DataState } from "./labels.ts";
import { alertsPage } from "./pages/alertsPage.ts";
import { briefPage } from "./pages/briefPage.ts";
import { type Calendar, pageContext, siteOf } from "./pages/context.ts";
import { fundsPage } from "./pages/fundsPage.ts";
import { itemsPage } from "./pages/itemsPage.ts";
import { metricPage } from "./pages/metricPage.ts";
import { overviewPage } from "./pages/overviewPage.ts";
import { rulesPage } from "./pages/rulesPage.ts";
import { statusPage } from "./pages/statusPage.ts";
import { unitPage } from "./pages/unitPage.ts";
import { PAGES } from "./paths.ts";
import type { MonthlyFlow } from "./trend.ts";
import type { SiteFile } from "./writeSite.ts";

export interface DashboardInput {
  /** The report as of the chosen month. */
  report: Report;
  /** Reports as of each month from the plan's first month to report.asOf, in order (the last equals report). */
  history: Report[];
  /** Per-month values behind the charts, by metric id (district: unit null). */
  monthlyFlows: MonthlyFlow[];
  units: { code: string; name_zh: string; name_en: string; kind: string }[];
  /** Each submission with the report months it holds. */
  submissions: (SubmissionRow & { month_list: string[] })[];
  dataStatus: { unit: string; month: string; state: DataState }[];
  /** ISO timestamp of the build, passed in. */
  builtAt: string;
  latestSubmissionAt: string | null;
  /** Short hash of the data, computed by the caller. */
  fingerprint: string;
  /**
   * Every reported item of the plan's catalogue with its district figure, for each month of the
   * site (absent: the page says none were gathered).
   */
  items?: ReadonlyMap<string, ItemFigure[]>;
  /** The data is the demo's (`jobtrack demo`): its money is illustrative, and the funds page says so. */
  demo?: boolean;
}

const LANGS: Lang[] = ["zh", "en"];

export function buildSite(input: DashboardInput): Map<string, string | Uint8Array> {
  return new Map(siteFiles(input));
}

/** Every file of the site, the assets first, then each month's pages, the latest first. */
export function* siteFiles(input: DashboardInput): Generator<SiteFile> {
  yield ["assets/site.css", SITE_CSS];
  yield ["assets/app.js", APP_JS];
  const calendar = calendarOf(input);
  for (const month of [...calendar.months].reverse()) yield* monthPages(monthInput(input, month), calendar);
}

/** The months with pages: every month of the history up to the report's, which is the latest. */
function calendarOf(input: DashboardInput): Calendar {
  const latest = input.report.asOf;
  const months = [...new Set([...input.history.map((h) => h.asOf).filter((m) => m < latest), latest])];
  return { months: months.sort(), latest };
}

/**
 * The dashboard's input as of an earlier month: that month's report and the history up to it, the
 * charts' values, the data status and the submissions of the months up to it.
 */
export function monthInput(input: DashboardInput, month: string): DashboardInput {
  if (month === input.report.asOf) return input;
  const report = input.history.find((h) => h.asOf === month);
  if (!report) throw new Error(`buildSite: no report as of ${month} in the history`);
  return {
    ...input,
    report,
    history: input.history.filter((h) => h.asOf <= month),
    monthlyFlows: input.monthlyFlows.filter((f) => f.month <= month),
    dataStatus: input.dataStatus.filter((c) => c.month <= month),
    submissions: input.submissions.filter(
      (s) => s.month_list.length === 0 || s.month_list.some((m) => m <= month),
    ),
  };
}

function* monthPages(input: DashboardInput, calendar: Calendar): Generator<SiteFile> {
  const site = siteOf(input, calendar);
  for (const lang of LANGS) {
    const page = (path: string, render: (ctx: ReturnType<typeof pageContext>) => string): SiteFile => {
      const ctx = pageContext(site, lang, path);
      return [ctx.file, render(ctx)];
    };
    yield page(PAGES.overview, overviewPage);
    yield page(PAGES.alerts, alertsPage);
    yield page(PAGES.status, statusPage);
    yield page(PAGES.brief, briefPage);
    yield page(PAGES.rules, rulesPage);
    yield page(PAGES.funds, fundsPage);
    yield page(PAGES.items, itemsPage);
    for (const metric of input.report.metrics)
      yield page(PAGES.metric(metric.id), (ctx) => metricPage(ctx, metric));
    for (const unit of site.units) yield page(PAGES.unit(unit.code), (ctx) => unitPage(ctx, unit));
  }
}
