/**
 * Where each page lives in the built site, and relative links between pages. Chinese pages sit at
 * the root (`index.html`, `metric/<id>.html`), English ones under `en/`; the latest month's pages
 * at the top, each earlier month's in `month/<YYYY-MM>/` with the same layout inside. Every link
 * is relative so the site works from file:// and under any server prefix.
 */
import type { Lang } from "./format.ts";

/** A page's path in the Chinese site: `index.html`, `metric/reemployed.html`, … */
export type PagePath = string;

/** Safe file name for an id or unit code (letters, digits, `-`, `_`, `.`). */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, (ch) => `_${ch.codePointAt(0)?.toString(16)}`);
}

export const PAGES = {
  overview: "index.html",
  alerts: "alerts.html",
  status: "status.html",
  brief: "brief.html",
  rules: "rules.html",
  funds: "funds.html",
  items: "items.html",
  metric: (id: string) => `metric/${slug(id)}.html`,
  unit: (code: string) => `unit/${slug(code)}.html`,
} as const;

/** The file of a page in the given language. */
export function localized(path: PagePath, lang: Lang): string {
  return lang === "zh" ? path : `en/${path}`;
}

/** The folder of a month's pages: the latest month at the root, an earlier one under `month/YYYY-MM/`. */
export function monthDir(month: string, latest: string): string {
  return month === latest ? "" : `month/${month}/`;
}

/** Relative link from the file `from` to the file `to` (both site paths). */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common])
    common++;
  const ups = fromDirs.length - common;
  return `${"../".repeat(ups)}${toParts.slice(common).join("/")}`;
}

/** The way up from a file to the site's root: `""`, `"../"`, `"../../"`, … */
export function rootOf(file: string): string {
  return "../".repeat(file.split("/").length - 1);
}
