/**
 * `GET /logout` in a browser (a bookmarked or typed address): signing out changes state, so it is
 * a form that posts to /logout (the same-origin check guards it) rather than a link; signed out
 * already, the page says so and offers to sign in.
 */

import { escapeHtml } from "../../core/html.ts";
import type { Lang } from "../../core/lang.ts";
import { sayIn } from "../../core/lang.ts";
import { type ShellUser, whoText } from "../../dashboard/pages/shell.ts";
import { navHref, openPage, withLang } from "./portalLayout.ts";

export function signOutPage(lang: Lang, user: ShellUser | null): string {
  const t = sayIn(lang);
  const body = user
    ? `<section class="card refusal" aria-labelledby="sign-out-h">
<h1 id="sign-out-h">${t("退出登录", "Sign out")}</h1>
<p>${t("当前登录：", "Signed in as ")}${escapeHtml(whoText(user, lang))}${t("。", ".")}</p>
<form method="post" action="${withLang("/logout", lang)}" class="ways"><button type="submit">${t("退出", "Sign out")}</button> <a href="${navHref("overview", lang)}">${t("返回看板", "Back to the dashboard")}</a></form>
</section>`
    : `<section class="card refusal" aria-labelledby="sign-out-h">
<h1 id="sign-out-h">${t("已退出登录", "Signed out")}</h1>
<p>${t("您当前没有登录。", "You are not signed in.")}</p>
<p class="ways"><a class="button" href="${withLang("/login", lang)}">${t("登录", "Sign in")}</a></p>
</section>`;
  return openPage({
    lang,
    path: "/logout",
    title: user ? t("退出登录", "Sign out") : t("已退出登录", "Signed out"),
    active: null,
    user,
    body,
  });
}
