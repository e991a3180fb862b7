/**
 * The login page: a plain HTML form (works without JavaScript) that posts the access token to
 * /login, in the site's frame. Chinese first, with a link to the English page.
 */

import { escapeHtml } from "../../core/html.ts";
import type { ShellUser } from "../../dashboard/pages/shell.ts";
import { openPage } from "./portalLayout.ts";

interface LoginPageOptions {
  lang: "zh" | "en";
  /** Where to go after signing in (a path of this site); null: the role's own page. */
  next: string | null;
  error?: { zh: string; en: string } | null;
}

/** A path of this site to return to, or "/" (never another site: no "//host" or "/\\host"). */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return "/";
  if (/[\u0000-\u001f]/.test(next) || next.length > 500) return "/";
  return next;
}

export function loginPage(options: LoginPageOptions): string {
  const zh = options.lang === "zh";
  const next = options.next === null ? "" : safeNext(options.next);
  const error = options.error
    ? `<div class="error" role="alert">${escapeHtml(zh ? options.error.zh : options.error.en)}</div>`
    : "";
  const body = `<section class="card sign-in" aria-labelledby="sign-in-h">
<h1 id="sign-in-h">${zh ? "登录" : "Sign in"}</h1>
${error}<form method="post" action="/login${zh ? "" : "?lang=en"}">
  <label for="token">${zh ? "访问令牌" : "Access token"}</label>
  <input type="password" id="token" name="token" autocomplete="current-password" required autofocus>
  <input type="hidden" name="next" value="${escapeHtml(next)}">
  <button type="submit">${zh ? "登录" : "Sign in"}</button>
</form>
<p class="hint">${
    zh
      ? "访问令牌由系统管理员发放（以 jt_ 开头）。如未收到，请联系区人社局管理员。"
      : "Access tokens (beginning with jt_) are issued by the system administrator. If you have none, ask the district HRSS bureau's administrator."
  }</p>
</section>`;
  const query = next === "" ? "" : `&next=${encodeURIComponent(next)}`;
  return openPage({
    lang: options.lang,
    path: "/login",
    title: zh ? "登录" : "Sign in",
    active: null,
    user: null,
    body,
    otherLangQuery: query,
  });
}

export function notBuiltPage(lang: "zh" | "en", user: ShellUser | null): string {
  const zh = lang === "zh";
  const body = `<h1>${zh ? "看板尚未生成" : "The dashboard has not been built yet"}</h1>
<p>${
    zh
      ? "服务已在运行，但还没有生成静态看板。请在服务器上运行 <code>npx jobtrack build</code> 后刷新本页；接口（/api/report 等）已可使用。"
      : "The service is running, but the static dashboard has not been built. Run <code>npx jobtrack build</code> on the server and reload this page; the API (/api/report and others) already works."
  }</p>`;
  return openPage({
    lang,
    path: "/",
    title: zh ? "看板尚未生成" : "Dashboard not built",
    active: "overview",
    user,
    body,
  });
}
