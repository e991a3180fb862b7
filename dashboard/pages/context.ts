/**
 * What every page builder receives: the site's data, read once from the dashboard input (units by
 * code, the plan's months, the history, the months the site has pages for and this one's folder),
 * and the page's own language and path.
 */

import { type Lang, say } from "../../core/lang.ts";
import { addMonths, planMonths } from "../../core/month.ts";
import type { MetricProgress, Report } from "../../metrics/reportTypes.ts";
import type { DashboardInput } from "../build.ts";
import { localized, monthDir, type PagePath, relativeHref, rootOf } from "../paths.ts";

export type UnitRow = DashboardInput["units"][number];

/** The months the built site has pages for, oldest first, and the latest (whose pages sit at the root). */
export interface Calendar {
  months: string[];
  latest: string;
}

export interface Site {
  input: DashboardInput;
  calendar: Calendar;
  /** The folder of this month's pages (`""` for the latest, `month/2022-07/` for an earlier one). */
  dir: string;
  report: Report;
  /** Reports from the plan's first month to as-of, the report last; never empty. */
  history: Report[];
  /** All months of the plan, first to last. */
  months: string[];
  /** Plan months up to as-of. */
  elapsed: string[];
  units: UnitRow[];
  unitsByCode: Map<string, UnitRow>;
}

export interface PageContext {
  site: Site;
  lang: Lang;
  /** This page's file in the built site (`en/metric/reemployed.html`). */
  file: string;
  /** This page's path in the Chinese site (`metric/reemployed.html`). */
  path: PagePath;
}

export function siteOf(input: DashboardInput, calendar?: Calendar): Site {
  const { report } = input;
  const months = calendar ?? { months: [report.asOf], latest: report.asOf };
  // The history ends with the report itself, whatever the caller passed for its last month.
  const history = [...input.history.filter((h) => h.asOf < report.asOf), report];
  const elapsedCount = Math.max(1, report.monthsElapsed);
  const first = input.history[0]?.asOf ?? addMonths(report.asOf, 1 - elapsedCount);
  const plan = planMonths(first, Math.max(report.monthsInPlan, history.length));
  const elapsed = plan.filter((m) => m <= report.asOf);
  const units = [...input.units, ...unlistedUnits(input)];
  const unitsByCode = new Map(units.map((u) => [u.code, u]));
  const dir = monthDir(report.asOf, months.latest);
  return { input, calendar: months, dir, report, history, months: plan, elapsed, units, unitsByCode };
}

/**
 * Units the data names but the registry does not (a unit since removed, say): they get a page too,
 * named as the report names them, so that no link leads nowhere.
 */
function unlistedUnits(input: DashboardInput): UnitRow[] {
  const known = new Set(input.units.map((u) => u.code));
  const extra = new Map<string, string>();
  const see = (code: string | null, name?: string) => {
    if (code !== null && !known.has(code) && !extra.has(code)) extra.set(code, name ?? code);
  };
  for (const m of input.report.metrics) for (const u of m.units) see(u.unit, u.name);
  for (const a of input.report.alerts) see(a.unit);
  for (const c of input.dataStatus) see(c.unit);
  for (const s of input.submissions) see(s.unit);
  return [...extra].map(([code, name]) => ({ code, name_zh: name, name_en: name, kind: "" }));
}

export function pageContext(site: Site, lang: Lang, path: PagePath): PageContext {
  return { site, lang, path, file: site.dir + localized(path, lang) };
}

/** Relative link from this page to another page of the same language and month. */
export function href(ctx: PageContext, path: PagePath): string {
  return relativeHref(ctx.file, ctx.site.dir + localized(path, ctx.lang));
}

/** Relative link from this page to the same page as of another month (or in another language). */
export function monthHref(ctx: PageContext, month: string, lang: Lang = ctx.lang): string {
  return relativeHref(ctx.file, monthDir(month, ctx.site.calendar.latest) + localized(ctx.path, lang));
}

/** Relative link from this page to an address the server answers (`upload`), in the page's language. */
export function serverHref(ctx: PageContext, path: string): string {
  return `${rootOf(ctx.file)}${path}${ctx.lang === "en" ? "?lang=en" : ""}`;
}

/** Relative link from this page to a shared asset (`assets/site.css`). */
export function assetHref(ctx: PageContext, asset: string): string {
  return relativeHref(ctx.file, asset);
}

/** zh or en text by the page's language. */
export function t(ctx: PageContext, zh: string, en: string): string {
  return say(ctx.lang, zh, en);
}

export function metricName(metric: Pick<MetricProgress, "name_zh" | "name_en" | "name">, lang: Lang): string {
  return (lang === "zh" ? metric.name_zh : metric.name_en) || metric.name;
}

/** A unit's name from the registry, else the name the report gives, else its code. */
export function unitName(site: Site, code: string, lang: Lang, fallback?: string): string {
  const unit = site.unitsByCode.get(code);
  if (unit) return lang === "zh" ? unit.name_zh : unit.name_en;
  return fallback ?? code;
}
