/**
 * The page shell shared by every page: language, head, skip link, site navigation, the language
 * switch, the data cutoff in the footer, and the enhancement script (deferred; pages read fully
 * without it).
 */

import { escapeHtml } from "../../core/html.ts";
import { formatDateTime, formatMonth } from "../format.ts";
import { localized, PAGES, relativeHref } from "../paths.ts";
import { assetHref, href, type PageContext, t } from "./context.ts";

interface PageSpec {
  title: string;
  body: string;
  /** Extra elements for <head> (a page's own print style). */
  head?: string;
  bodyClass?: string;
}

function nav(ctx: PageContext): string {
  const items: [string, string, string][] = [
    [PAGES.overview, "总览", "Overview"],
    [PAGES.alerts, "预警", "Alerts"],
    [PAGES.status, "报送情况", "Data status"],
    [PAGES.brief, "简报", "Brief"],
    [PAGES.funds, "政策资金", "Policy funds"],
    [PAGES.items, "统计项", "Reported items"],
    [PAGES.rules, "考核规则", "How targets are judged"],
  ];
  const links = items
    .map(([path, zh, en]) => {
      const current = path === ctx.path ? ' aria-current="page"' : "";
      return `<li><a href="${href(ctx, path)}"${current}>${t(ctx, zh, en)}</a></li>`;
    })
    .join("");
  return `<nav class="site-nav" aria-label="${t(ctx, "主导航", "Main")}"><ul>${links}</ul></nav>`;
}

function languageSwitch(ctx: PageContext): string {
  const other = ctx.lang === "zh" ? "en" : "zh";
  const target = relativeHref(ctx.file, localized(ctx.path, other));
  return other === "en"
    ? `<a class="lang-switch" href="${target}" hreflang="en" lang="en">English</a>`
    : `<a class="lang-switch" href="${target}" hreflang="zh-CN" lang="zh-CN">中文</a>`;
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

export function layout(ctx: PageContext, spec: PageSpec): string {
  const siteTitle = t(ctx, "青浦区稳就业目标跟踪", "Qingpu employment targets");
  const lang = ctx.lang === "zh" ? "zh-CN" : "en";
  const other = ctx.lang === "zh" ? "en" : "zh";
  const alternate = relativeHref(ctx.file, localized(ctx.path, other));
  const bodyClass = spec.bodyClass ? ` class="${escapeHtml(spec.bodyClass)}"` : "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)} · ${siteTitle}</title>
<link rel="stylesheet" href="${assetHref(ctx, "assets/site.css")}">
<link rel="alternate" hreflang="${other === "en" ? "en" : "zh-CN"}" href="${alternate}">
${spec.head ?? ""}</head>
<body${bodyClass}>
<a class="skip-link" href="#main">${t(ctx, "跳到正文", "Skip to content")}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="${href(ctx, PAGES.overview)}">${siteTitle}</a>
${nav(ctx)}
${languageSwitch(ctx)}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${spec.body}
</main>
<footer class="site-footer"><div class="wrap"><p>${cutoffLine(ctx)}</p></div></footer>
<script src="${assetHref(ctx, "assets/app.js")}" defer></script>
</body>
</html>
`;
}
