/**
 * A dashboard page in the site's one frame (pages/shell.ts): relative links, so the site works from
 * disk and on the server alike; the reader's identity asked at run time, since the built files are
 * the same for everyone; the month the figures are as of, with the way to every other month of the
 * site; the data cutoff in the footer.
 */

import { escapeHtml } from "../../core/html.ts";
import { formatDateTime, formatMonth } from "../format.ts";
import { PAGES, rootOf } from "../paths.ts";
import { assetHref, href, monthHref, type PageContext, serverHref, t } from "./context.ts";
import { NAV, type NavKey, navItemOf, shellPage } from "./shell.ts";

interface PageSpec {
  title: string;
  body: string;
  /** Extra elements for <head> (a page's own print style). */
  head?: string;
  bodyClass?: string;
}

/**
 * The navigation item a page belongs to: a target's or a unit's page is part of the dashboard; the
 * rules and the reported items are reference pages, linked from every footer.
 */
function activeItem(path: string): NavKey | null {
  return navItemOf(path)?.key ?? (path === PAGES.rules || path === PAGES.items ? null : "overview");
}

/** The data cutoff line: as-of month, latest submission, build time, fingerprint. */
function cutoffLine(ctx: PageContext): string {
  const { input, report } = ctx.site;
  const latest = input.latestSubmissionAt
    ? formatDateTime(input.latestSubmissionAt, ctx.lang)
    : t(ctx, "暂无报送", "none yet");
  const asReported = report.asReported
    ? t(ctx, ` · 按报送时点 ${report.asReported}`, ` · as reported on ${report.asReported}`)
    : "";
  return ctx.lang === "zh"
    ? `数据截至${formatMonth(report.asOf, "zh")}${asReported} · 最新报送时间 ${latest}（北京时间） · 生成于 ${formatDateTime(input.builtAt, "zh")} · 数据指纹 <code>${escapeHtml(input.fingerprint)}</code>`
    : `As of ${formatMonth(report.asOf, "en")}${asReported} · latest submission ${latest} (Beijing time) · built ${formatDateTime(input.builtAt, "en")} · data fingerprint <code>${escapeHtml(input.fingerprint)}</code>`;
}

/**
 * The month line under the header: the month the figures are as of, a list of every month the
 * site has (a plain disclosure: it works without scripts and from disk), and on an earlier month
 * the way back to the latest.
 */
export function monthBar(ctx: PageContext): string {
  const { calendar, report } = ctx.site;
  const { lang } = ctx;
  const asOf = report.asOf;
  const months = [...calendar.months]
    .reverse()
    .map((month) => {
      const label = escapeHtml(formatMonth(month, lang));
      const latest = month === calendar.latest ? t(ctx, "（最新）", " (latest)") : "";
      return month === asOf
        ? `<li><a href="${monthHref(ctx, month)}" aria-current="page">${label}${latest}</a></li>`
        : `<li><a href="${monthHref(ctx, month)}">${label}${latest}</a></li>`;
    })
    .join("");
  const picker =
    calendar.months.length > 1
      ? `<details class="month-picker"><summary>${t(ctx, "查看其他月份", "Other months")}</summary><ul>${months}</ul></details>`
      : "";
  const past =
    asOf === calendar.latest
      ? ""
      : `<p class="past-note">${t(ctx, "这是历史月份的数据。", "These are the figures of an earlier month.")} <a href="${monthHref(ctx, calendar.latest)}">${t(ctx, `查看最新（${formatMonth(calendar.latest, "zh")}）`, `See the latest (${formatMonth(calendar.latest, "en")})`)}</a></p>`;
  const cls = asOf === calendar.latest ? "month-bar" : "month-bar past";
  return `<div class="${cls}"><div class="wrap"><p class="as-of">${t(ctx, "数据截至", "Figures as of")} <strong>${escapeHtml(formatMonth(asOf, lang))}</strong></p>${picker}${past}</div></div>
`;
}

export function layout(ctx: PageContext, spec: PageSpec): string {
  const other = ctx.lang === "zh" ? "en" : "zh";
  return shellPage({
    lang: ctx.lang,
    title: spec.title,
    active: activeItem(ctx.path),
    body: spec.body,
    user: "runtime",
    links: {
      nav: (key) => {
        const page = NAV.find((item) => item.key === key)?.page;
        return page ? href(ctx, page) : serverHref(ctx, key);
      },
      otherLang: monthHref(ctx, ctx.site.report.asOf, other),
      stylesheet: assetHref(ctx, "assets/site.css"),
      script: assetHref(ctx, "assets/app.js"),
      logout: serverHref(ctx, "logout"),
      root: rootOf(ctx.file),
    },
    banner: monthBar(ctx),
    footer: `<p>${cutoffLine(ctx)}</p><p class="footer-links"><a href="${href(ctx, PAGES.rules)}">${t(ctx, "考核规则", "How targets are judged")}</a> · <a href="${href(ctx, PAGES.items)}">${t(ctx, "统计项", "Reported items")}</a></p>`,
    head: `<link rel="alternate" hreflang="${other === "en" ? "en" : "zh-CN"}" href="${monthHref(ctx, ctx.site.report.asOf, other)}">\n${spec.head ?? ""}`,
    bodyClass: spec.bodyClass,
  });
}
