// Shared by the upload, SQL console and audit pages: the page's data, the language, DOM building,
// same-origin JSON requests and date formatting. No framework; every text comes in zh and en.

/** The data the server put in <script type="application/json" id="page-data">. */
export function pageData() {
  const node = document.getElementById("page-data");
  return node ? JSON.parse(node.textContent || "{}") : {};
}

export const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";

/** Picks the text for the page's language. */
export function t(zh, en) {
  return lang === "zh" ? zh : en;
}

/** Builds an element: el("td", { class: "num" }, "12"). Attributes starting with "on" are refused. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) throw new Error(`use addEventListener, not ${name}`);
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** The server's error text of a failed response: "code: message", or the HTTP status. */
export async function errorOf(response) {
  try {
    const body = await response.json();
    if (body?.error) return { code: body.error.code, message: body.error.message, body };
  } catch {
    // not JSON
  }
  return { code: `http_${response.status}`, message: `HTTP ${response.status}`, body: null };
}

/** The sign-in page, coming back here afterwards. */
function loginUrl() {
  const next = encodeURIComponent(location.pathname + location.search);
  return `/login?next=${next}${lang === "en" ? "&lang=en" : ""}`;
}

/** A notice that the sign-in has expired, with a link to sign in again. */
export function expiredNotice() {
  return el(
    "div",
    { class: "notice bad", role: "alert" },
    t("登录已过期，请", "Your sign-in has expired; please "),
    el("a", { href: loginUrl() }, t("重新登录", "sign in again")),
    t("。", "."),
  );
}

/** GET or POST JSON on this site (the session cookie goes along); throws { status, code, message }. */
export async function fetchJson(url, init) {
  const response = await fetch(withLang(url), { credentials: "same-origin", ...init });
  if (!response.ok) {
    const error = await errorOf(response);
    throw { status: response.status, ...error };
  }
  return response.json();
}

/** Adds ?lang= so the server answers in the page's language. */
export function withLang(url) {
  const u = new URL(url, location.origin);
  if (!u.searchParams.has("lang")) u.searchParams.set("lang", lang);
  return u.pathname + u.search;
}

const timeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * A timestamp as Beijing time, 2026-11-20 10:00:00 in both languages: as the scheduler's tables
 * write it, and with no day-month order to guess.
 */
export function formatTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const part = Object.fromEntries(timeParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

const numberFormat = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-GB");

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** "2022-08" as 2022年8月 or Aug 2022. */
export function formatMonth(month) {
  const [y, m] = String(month).split("-").map(Number);
  if (!y || !m) return String(month);
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return lang === "zh" ? `${y}年${m}月` : `${names[m - 1]} ${y}`;
}
