/**
 * The server's pages in the site's one frame (dashboard/pages/shell.ts): the same header,
 * navigation, session and stylesheet as the dashboard, with the server's own addresses. A working
 * page (upload, SQL console, audit log, administration) calls `portalPage` with its title, its
 * address and its body; scripts are files under /assets (the CSP allows no inline script) and the
 * page's data travels in a JSON block the scripts read. Pages answered before anyone has signed in
 * (signing in, refusals) carry the stylesheet inline, since /assets is for signed-in readers only.
 */

import { escapeHtml } from "../../core/html.ts";
import type { Lang, LocalText } from "../../core/lang.ts";
import { SITE_CSS } from "../../dashboard/assets/siteCss.ts";
import {
  NAV,
  type NavKey,
  type ShellLinks,
  type ShellOptions,
  type ShellUser,
  shellPage,
} from "../../dashboard/pages/shell.ts";
import type { Unit } from "../../warehouse/registry.ts";
import { type Principal, ROLE_NAMES } from "../tokens.ts";

export { jsonForHtml } from "../../dashboard/pages/shell.ts";

export type PortalPath = "/upload" | "/sql" | "/audit" | "/admin";

/** The navigation item of each working page (the audit log belongs to administration). */
const ACTIVE: Record<PortalPath, NavKey> = {
  "/upload": "upload",
  "/sql": "sql",
  "/audit": "admin",
  "/admin": "admin",
};

export function withLang(path: string, lang: Lang): string {
  return lang === "en" ? `${path}?lang=en` : path;
}

/** A navigation item's address on the server, in a language: the dashboard's pages Chinese at the root, English under /en/. */
export function navHref(key: NavKey, lang: Lang): string {
  const page = NAV.find((item) => item.key === key)?.page;
  if (page) return `${lang === "en" ? "/en/" : "/"}${page === "index.html" ? "" : page}`;
  return withLang(`/${key}`, lang);
}

/** The frame's links for a page of the server at `path` (its address without a query). */
export function serverLinks(lang: Lang, path: string): ShellLinks {
  return {
    nav: (key) => navHref(key, lang),
    // the language is named both ways: the browser's own preference must not win over a click
    otherLang: `${path}?lang=${lang === "zh" ? "en" : "zh"}`,
    stylesheet: "/assets/site.css",
    logout: withLang("/logout", lang),
    root: "/",
  };
}

/** The header's words for a signed-in holder: label, role, and a town's unit. */
export function shellUser(who: Principal, unitName?: LocalText | null): ShellUser {
  return { label: who.label ?? "", role: who.role, roleWords: ROLE_NAMES[who.role], unit: unitName ?? null };
}

/** The unit of a town's token by name, from the registry. */
export function unitNameOf(who: Principal | null, units: readonly Unit[]): LocalText | null {
  const unit = who?.unit ? units.find((u) => u.code === who.unit) : undefined;
  return unit ? { zh: unit.name_zh, en: unit.name_en } : null;
}

/** A server page that may be answered before signing in: the frame with the stylesheet inline. */
export function openPage(
  o: Omit<ShellOptions, "links" | "inlineStyle"> & {
    path: string;
    /** More of the query for the other language's address (`&next=…`). */
    otherLangQuery?: string;
  },
): string {
  const { path, otherLangQuery, ...rest } = o;
  const links = serverLinks(o.lang, path);
  return shellPage({
    ...rest,
    links: { ...links, otherLang: `${links.otherLang}${otherLangQuery ?? ""}` },
    inlineStyle: SITE_CSS,
  });
}

export interface PortalPageOptions {
  lang: Lang;
  path: PortalPath;
  who: Principal;
  /** The signed-in unit's name, for a town. */
  unitName?: LocalText | null;
  title: LocalText;
  /** The page's content (HTML), inside <main>. */
  body: string;
  /** Scripts: classic ones first (vendor bundles), then the page's module. */
  scripts?: string[];
  module?: string;
  /** Data for the page's script. */
  data?: unknown;
  wide?: boolean;
}

/** The administrator's two pages, under the one navigation item 管理. */
const ADMIN_PAGES: { path: PortalPath; words: LocalText }[] = [
  { path: "/admin", words: { zh: "令牌与计划任务", en: "Tokens and scheduled jobs" } },
  { path: "/audit", words: { zh: "审计日志", en: "Audit log" } },
];

function adminTabs(lang: Lang, path: PortalPath): string {
  const links = ADMIN_PAGES.map(({ path: to, words }) => {
    const current = to === path ? ' aria-current="page"' : "";
    return `<li><a href="${withLang(to, lang)}"${current}>${escapeHtml(lang === "zh" ? words.zh : words.en)}</a></li>`;
  }).join("");
  return `<nav class="sub-nav" aria-label="${lang === "zh" ? "管理" : "Admin"}"><ul>${links}</ul></nav>\n`;
}

export function portalPage(o: PortalPageOptions): string {
  const title = o.lang === "zh" ? o.title.zh : o.title.en;
  const tabs = ACTIVE[o.path] === "admin" ? adminTabs(o.lang, o.path) : "";
  return shellPage({
    lang: o.lang,
    title,
    active: ACTIVE[o.path],
    body: `${tabs}<h1>${escapeHtml(title)}</h1>\n${o.body}`,
    links: serverLinks(o.lang, o.path),
    user: shellUser(o.who, o.unitName),
    scripts: o.scripts,
    module: o.module,
    data: o.data,
    wide: o.wide,
  });
}
