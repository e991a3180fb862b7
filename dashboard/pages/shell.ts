/**
 * The one frame of every page, the built dashboard's and the server's working pages alike: the
 * site name, one navigation (看板 · 预警 · 报送情况 · 政策资金 · 简报 · 上传 · SQL · 管理, only what the
 * signed-in role may use), who is signed in (label, role in words, unit), the language switch and
 * 退出; then the page; then its footer. A page calls `shellPage` with its title, its nav item and
 * its body; where the links lead (relative in the static site, absolute on the server) is the
 * caller's `links`.
 *
 * The built dashboard is the same files for everyone, and may be opened from disk: it cannot know
 * who reads it. Its pages carry the server's pages in the navigation hidden, with the roles each
 * admits, and the enhancement script asks the server who is signed in (`api/whoami`) and shows
 * what that role may use; opened from disk, it says that those pages need the server instead.
 */
import { escapeHtml } from "../../core/html.ts";
import { type Lang, type LocalText, sayText } from "../../core/lang.ts";
import { PAGES } from "../paths.ts";

export type ShellRole = "viewer" | "town" | "analyst" | "admin";

export type NavKey = "overview" | "alerts" | "status" | "funds" | "brief" | "upload" | "sql" | "admin";

export interface NavItem {
  key: NavKey;
  words: LocalText;
  /** The roles that may open the page. */
  roles: readonly ShellRole[];
  /**
   * The dashboard's page (`alerts.html`), or null for a page only the server answers (at
   * `/<key>`; it needs a signed-in reader, so the static site hides it until the server says who
   * is reading).
   */
  page: string | null;
}

const EVERYONE: readonly ShellRole[] = ["viewer", "town", "analyst", "admin"];

/** The navigation, in its order; a new page of the site is a line here. */
export const NAV: readonly NavItem[] = [
  { key: "overview", words: { zh: "看板", en: "Dashboard" }, roles: EVERYONE, page: PAGES.overview },
  { key: "alerts", words: { zh: "预警", en: "Alerts" }, roles: EVERYONE, page: PAGES.alerts },
  { key: "status", words: { zh: "报送情况", en: "Data status" }, roles: EVERYONE, page: PAGES.status },
  { key: "funds", words: { zh: "政策资金", en: "Policy funds" }, roles: EVERYONE, page: PAGES.funds },
  { key: "brief", words: { zh: "简报", en: "Brief" }, roles: EVERYONE, page: PAGES.brief },
  { key: "upload", words: { zh: "上传", en: "Upload" }, roles: ["town", "admin"], page: null },
  { key: "sql", words: { zh: "SQL", en: "SQL" }, roles: ["analyst", "admin"], page: null },
  { key: "admin", words: { zh: "管理", en: "Admin" }, roles: ["admin"], page: null },
];

/** The navigation item of a dashboard page, if it has one. */
export function navItemOf(page: string): NavItem | undefined {
  return NAV.find((item) => item.page === page);
}

/** Who is signed in, as the header shows it. */
export interface ShellUser {
  label: string;
  role: ShellRole;
  /** The role in words (浏览, 街镇报送, …). */
  roleWords: LocalText;
  /** The unit a town's token belongs to. */
  unit: LocalText | null;
}

/** Where the frame's links lead, from this page. */
export interface ShellLinks {
  /** A navigation item's address in the page's language. */
  nav(key: NavKey): string;
  /** The same page in the other language. */
  otherLang: string;
  stylesheet: string;
  /** The enhancement script (the static site's runtime identity, tooltips, filters). */
  script?: string;
  /** The sign-out form's action. */
  logout: string;
  /** The site's root from this page (`../../`), where the script finds `api/whoami`. */
  root: string;
}

export interface ShellOptions {
  lang: Lang;
  /** The page's title in its language, before the site's name in <title>. */
  title: string;
  /** The navigation item this page belongs to, if any. */
  active: NavKey | null;
  /** The page's content (HTML), inside <main>. */
  body: string;
  links: ShellLinks;
  /**
   * Who reads the page: known (the server's pages), asked at run time (the built dashboard, the
   * same files for everyone), or nobody (signing in, a refusal before signing in).
   */
  user: ShellUser | "runtime" | null;
  /** A line under the header (the dashboard's month). */
  banner?: string;
  /** The footer's content (HTML). */
  footer?: string;
  /** Extra elements for <head> (a page's own print style). */
  head?: string;
  bodyClass?: string;
  /** The stylesheet inline rather than linked (pages answered before signing in, when the stylesheet is not open). */
  inlineStyle?: string;
  /** Scripts: classic ones first (vendor bundles), then the page's module. */
  scripts?: string[];
  module?: string;
  /** Data for the page's script, in a JSON block. */
  data?: unknown;
  /** A wider main column (the SQL console, the administrator's tables). */
  wide?: boolean;
}

export const SITE_NAME: LocalText = { zh: "青浦区稳就业目标跟踪", en: "Qingpu employment targets" };

/** JSON safe inside <script type="application/json">: no `<`, no line separators. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/** `演示 · 街镇报送 · 盈浦街道`: the signed-in label, role and unit. */
export function whoText(user: ShellUser, lang: Lang): string {
  return [user.label, sayText(lang, user.roleWords), user.unit ? sayText(lang, user.unit) : null]
    .filter((part): part is string => Boolean(part))
    .join(" · ");
}

function navigation(o: ShellOptions): string {
  if (o.user === null) return "";
  const user = o.user;
  const items = NAV.filter((item) => user === "runtime" || item.roles.includes(user.role))
    .map((item) => {
      const current = item.key === o.active ? ' aria-current="page"' : "";
      // the static site shows a server page only once the server says the reader's role may open it
      const gate =
        user === "runtime" && item.page === null ? ` data-roles="${item.roles.join(" ")}" hidden` : "";
      return `<li${gate}><a href="${escapeHtml(o.links.nav(item.key))}"${current}>${escapeHtml(sayText(o.lang, item.words))}</a></li>`;
    })
    .join("");
  return `<nav class="site-nav" aria-label="${o.lang === "zh" ? "主导航" : "Main"}"><ul>${items}</ul></nav>`;
}

function session(o: ShellOptions): string {
  const zh = o.lang === "zh";
  const toggle = `<a class="lang-switch" href="${escapeHtml(o.links.otherLang)}" hreflang="${zh ? "en" : "zh-CN"}" lang="${zh ? "en" : "zh-CN"}">${zh ? "English" : "中文"}</a>`;
  const logout = (hidden: boolean) =>
    `<form class="logout" method="post" action="${escapeHtml(o.links.logout)}"${hidden ? " hidden" : ""}><button type="submit">${zh ? "退出" : "Sign out"}</button></form>`;
  if (o.user === null) return `<div class="session">${toggle}</div>`;
  if (o.user === "runtime") {
    const offline = zh
      ? "离线查看：上传等功能需登录服务器"
      : "Offline copy: upload and the rest need the server";
    return `<div class="session" data-who="runtime"><span class="who" data-who-text></span><span class="offline-note" hidden>${offline}</span>${toggle}${logout(true)}</div>`;
  }
  return `<div class="session"><span class="who">${escapeHtml(whoText(o.user, o.lang))}</span>${toggle}${logout(false)}</div>`;
}

/** The whole page: head, header with navigation and session, banner, main, footer, scripts. */
export function shellPage(o: ShellOptions): string {
  const zh = o.lang === "zh";
  const site = sayText(o.lang, SITE_NAME);
  const style =
    o.inlineStyle !== undefined
      ? `<style>${o.inlineStyle}</style>`
      : `<link rel="stylesheet" href="${escapeHtml(o.links.stylesheet)}">`;
  const data =
    o.data === undefined
      ? ""
      : `<script type="application/json" id="page-data">${jsonForHtml(o.data)}</script>\n`;
  const scripts = [...(o.links.script ? [o.links.script] : []), ...(o.scripts ?? [])].map(
    (src) => `<script src="${escapeHtml(src)}" defer></script>\n`,
  );
  if (o.module) scripts.push(`<script type="module" src="${escapeHtml(o.module)}"></script>\n`);
  const bodyClass = o.bodyClass ? ` class="${escapeHtml(o.bodyClass)}"` : "";
  // the header, the main column and the footer share one width, so their edges line up
  const wrap = o.wide ? "wrap wide" : "wrap";
  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="jobtrack-root" content="${escapeHtml(o.links.root)}">
<title>${escapeHtml(o.title)} · ${site}</title>
${style}
${o.head ?? ""}${data}${scripts.join("")}</head>
<body${bodyClass}>
<a class="skip-link" href="#main">${zh ? "跳到正文" : "Skip to content"}</a>
<header class="site-header"><div class="${wrap}">
<a class="brand" href="${escapeHtml(o.links.nav("overview"))}">${site}</a>
${navigation(o)}
${session(o)}
</div></header>
${o.banner ?? ""}<main id="main" class="${wrap}" tabindex="-1">
${o.body}
</main>
${o.footer ? `<footer class="site-footer"><div class="${wrap}">${o.footer}</div></footer>\n` : ""}</body>
</html>
`;
}
