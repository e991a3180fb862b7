/**
 * The frame of the server's working pages (upload, SQL console, audit log, administration): a skip link, the site
 * name, a nav of the pages the role may open, who is signed in, the language toggle and a sign-out
 * form; then the page. Scripts are files under /assets (the CSP allows no inline script); the
 * page's data travels in a JSON block the scripts read.
 */

import { escapeHtml } from "../../core/html.ts";
import { type Lang, sayText } from "../../core/lang.ts";
import { portalAssetUrl } from "../routes/assets.ts";
import { type Principal, ROLE_NAMES, type Role } from "../tokens.ts";

export type PortalPath = "/upload" | "/sql" | "/audit" | "/admin";

interface NavItem {
  href: (lang: Lang) => string;
  zh: string;
  en: string;
  roles: Role[];
}

const NAV: NavItem[] = [
  {
    href: (lang) => (lang === "en" ? "/en/" : "/"),
    zh: "看板",
    en: "Dashboard",
    roles: ["viewer", "town", "analyst", "admin"],
  },
  { href: (lang) => withLang("/upload", lang), zh: "上传报送", en: "Upload", roles: ["town", "admin"] },
  { href: (lang) => withLang("/sql", lang), zh: "SQL 查询", en: "SQL console", roles: ["analyst", "admin"] },
  { href: (lang) => withLang("/audit", lang), zh: "审计日志", en: "Audit log", roles: ["admin"] },
  { href: (lang) => withLang("/admin", lang), zh: "系统管理", en: "Administration", roles: ["admin"] },
];

function withLang(path: string, lang: Lang): string {
  return lang === "en" ? `${path}?lang=en` : path;
}

interface PortalPageOptions {
  lang: Lang;
  path: PortalPath;
  who: Principal;
  /** The signed-in unit's name, for a town. */
  unitName?: { zh: string; en: string } | null;
  title: { zh: string; en: string };
  /** The page's content (HTML), inside <main>. */
  body: string;
  /** Scripts: classic ones first (vendor bundles), then the page's module. */
  scripts?: string[];
  module?: string;
  /** Data for the page's script. */
  data?: unknown;
  wide?: boolean;
}

/** JSON safe inside <script type="application/json">: no `<`, no line separators. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

export function portalPage(o: PortalPageOptions): string {
  const zh = o.lang === "zh";
  const nav = NAV.filter((item) => item.roles.includes(o.who.role))
    .map((item) => {
      const href = item.href(o.lang);
      const current = href.split("?")[0] === o.path ? ' aria-current="page"' : "";
      return `<li><a href="${escapeHtml(href)}"${current}>${escapeHtml(sayText(o.lang, item))}</a></li>`;
    })
    .join("");
  const role = sayText(o.lang, ROLE_NAMES[o.who.role]);
  const who = [o.who.label, role, o.unitName ? sayText(o.lang, o.unitName) : null]
    .filter(Boolean)
    .join(" · ");
  const toggle = zh ? `${o.path}?lang=en` : o.path;
  const scripts = [
    ...(o.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`),
    o.module ? `<script type="module" src="${escapeHtml(o.module)}"></script>` : "",
  ].join("\n");
  const data =
    o.data === undefined
      ? ""
      : `<script type="application/json" id="page-data">${jsonForHtml(o.data)}</script>`;
  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(sayText(o.lang, o.title))} · ${zh ? "稳就业目标跟踪" : "Employment targets"}</title>
<link rel="stylesheet" href="${portalAssetUrl("portal.css")}">
${data}
${scripts}
</head>
<body>
<a class="skip" href="#main">${zh ? "跳到正文" : "Skip to content"}</a>
<header class="top">
  <span class="site">${zh ? "青浦区稳就业目标跟踪" : "Qingpu employment targets"}</span>
  <nav aria-label="${zh ? "主导航" : "Main"}"><ul>${nav}</ul></nav>
  <span class="who">${escapeHtml(who)}</span>
  <a href="${escapeHtml(toggle)}" lang="${zh ? "en" : "zh-CN"}" hreflang="${zh ? "en" : "zh-CN"}">${zh ? "English" : "中文"}</a>
  <form method="post" action="/logout${zh ? "" : "?lang=en"}"><button type="submit" class="link">${zh ? "退出登录" : "Sign out"}</button></form>
</header>
<main id="main"${o.wide ? ' class="wide"' : ""}>
<h1>${escapeHtml(sayText(o.lang, o.title))}</h1>
${o.body}
</main>
</body>
</html>
`;
}

/** The page a signed-in browser gets for a page its role may not open (status 403). */
export function forbiddenPortalPage(lang: Lang, who: Principal, path: PortalPath): string {
  const zh = lang === "zh";
  const allowed = NAV.filter((item) => item.roles.includes(who.role))
    .map(
      (item) => `<li><a href="${escapeHtml(item.href(lang))}">${escapeHtml(zh ? item.zh : item.en)}</a></li>`,
    )
    .join("");
  const role = zh ? ROLE_NAMES[who.role].zh : ROLE_NAMES[who.role].en;
  return portalPage({
    lang,
    path,
    who,
    title: { zh: "无权访问此页面", en: "Not allowed" },
    body: `<section class="card"><p role="alert">${
      zh
        ? `当前登录的角色（${escapeHtml(role)}）无权打开此页面。如需权限，请联系系统管理员。`
        : `Your role (${escapeHtml(role)}) may not open this page. Ask the system administrator if you need access.`
    }</p><p>${zh ? "您可以打开：" : "You may open:"}</p><ul class="links">${allowed}</ul></section>`,
  });
}
