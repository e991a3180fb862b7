/**
 * What a browser is shown when the server refuses or cannot answer a page (docs/contract.md §7: the same
 * status as HTML in the site's frame, with a way back): not signed in (sign in, coming back here),
 * not allowed (what the role is, the pages it may open, the overview), no such address (the
 * overview, the alerts), and the rarer ones with the server's own explanation. The explanation is
 * the one the API would give, in the reader's language; the status number is shown small for
 * whoever helps them.
 */
import { escapeHtml } from "../../core/html.ts";
import { type Lang, type LocalText, sayIn, sayText } from "../../core/lang.ts";
import type { ShellUser } from "../../dashboard/pages/shell.ts";
import { safeNext } from "./loginPage.ts";
import { navHref, openPage } from "./portalLayout.ts";

export interface ErrorPageOptions {
  lang: Lang;
  status: number;
  /** The refusal's kind (`forbidden` is a role refusal, whose page says so in its own words). */
  code: string;
  /** The server's explanation (the API's message), in both languages. */
  message: LocalText;
  /** Who asked, when signed in. */
  user: ShellUser | null;
  /** The address asked for, to come back to after signing in. */
  path: string;
}

const TITLES: Record<number, LocalText> = {
  400: { zh: "请求无效", en: "Bad request" },
  401: { zh: "需要登录", en: "Sign-in required" },
  403: { zh: "无权访问此页面", en: "Not allowed" },
  404: { zh: "找不到此页面", en: "Page not found" },
  405: { zh: "不支持此操作", en: "Not supported" },
  413: { zh: "内容过大", en: "Too large" },
  422: { zh: "无法处理", en: "Cannot be processed" },
  429: { zh: "请求过于频繁", en: "Too many attempts" },
  503: { zh: "服务繁忙", en: "Service busy" },
};

const SERVER_ERROR: LocalText = { zh: "服务器出错", en: "Server error" };

/** The title of a refusal page for a status. */
export function errorTitle(status: number): LocalText {
  return TITLES[status] ?? (status >= 500 ? SERVER_ERROR : TITLES[400]);
}

export function errorPage(o: ErrorPageOptions): string {
  const t = sayIn(o.lang);
  const title = sayText(o.lang, errorTitle(o.status));
  const overview = `<a class="button" href="${navHref("overview", o.lang)}">${t("返回看板", "Back to the dashboard")}</a>`;
  const signIn = `<a class="button" href="/login?next=${encodeURIComponent(safeNext(o.path))}${o.lang === "en" ? "&lang=en" : ""}">${t("登录", "Sign in")}</a>`;
  let text: string;
  let ways: string[];
  if (o.status === 401) {
    text = t(
      "请先用访问令牌登录，登录后会回到此页面。",
      "Sign in with your access token first; you will come back to this page.",
    );
    ways = [signIn];
  } else if (o.status === 403 && o.user) {
    const why =
      o.code === "forbidden"
        ? t(
            `当前登录的角色（${escapeHtml(o.user.roleWords.zh)}）无权打开此页面。`,
            `Your role (${escapeHtml(o.user.roleWords.en)}) may not open this page.`,
          )
        : escapeHtml(sayText(o.lang, o.message));
    text = `${why}${t(
      "上方导航列出了您可以使用的页面；如需更多权限，请联系系统管理员。",
      " The navigation above lists the pages you may use; ask the system administrator if you need more.",
    )}`;
    ways = [
      overview,
      `<a href="/login?next=${encodeURIComponent(safeNext(o.path))}${o.lang === "en" ? "&lang=en" : ""}">${t("用其他令牌登录", "Sign in with another token")}</a>`,
    ];
  } else if (o.status === 404) {
    text = t(
      `没有这个地址：<code>${escapeHtml(o.path)}</code>。链接可能有误，或页面已不存在。`,
      `There is no page at <code>${escapeHtml(o.path)}</code>. The link may be wrong, or the page is gone.`,
    );
    ways = [overview, `<a href="${navHref("alerts", o.lang)}">${t("预警", "Alerts")}</a>`];
  } else {
    text = escapeHtml(sayText(o.lang, o.message));
    ways = o.user ? [overview] : [signIn];
  }
  const body = `<section class="card refusal" aria-labelledby="refusal-h">
<h1 id="refusal-h">${escapeHtml(title)}</h1>
<p role="alert">${text}</p>
<p class="ways">${ways.join(" ")}</p>
<p class="status-code">${t(`HTTP 状态 ${o.status}`, `HTTP status ${o.status}`)}</p>
</section>`;
  return openPage({
    lang: o.lang,
    path: o.path.split("?")[0] || "/",
    title,
    active: null,
    user: o.user,
    body,
  });
}
