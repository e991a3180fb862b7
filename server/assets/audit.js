// The audit log page: GET /api/audit a page at a time, newest first, optionally one action only.
// The page and filter live in the address (?offset=&action=), so back and reload keep them.
// Every text from the trail is shown with its control and bidi characters escaped: rows written
// before the server escaped them itself must not reorder or hide what is around them either.
import { escapeControls } from "./escapeControls.js";
import { el, expiredNotice, fetchJson, formatNumber, formatTime, pageData, show, t } from "./portal.js";

const data = pageData();
const $ = (id) => document.getElementById(id);
const actionSelect = $("action");
const tableBox = $("audit");
const rangeBox = $("range");
const prevButton = $("prev");
const nextButton = $("next");

const params = new URLSearchParams(location.search);
const state = {
  limit: data.pageSize,
  offset: Math.max(0, Number(params.get("offset")) || 0),
  action: params.get("action") ?? "",
};
actionSelect.value = state.action;

const ROLE = {
  viewer: ["浏览", "viewer"],
  town: ["街镇报送", "town"],
  analyst: ["数据分析", "analyst"],
  admin: ["管理员", "admin"],
};

function remember() {
  const next = new URLSearchParams(location.search);
  if (state.offset) next.set("offset", String(state.offset));
  else next.delete("offset");
  if (state.action) next.set("action", state.action);
  else next.delete("action");
  const query = next.toString();
  history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}`);
}

function detailText(detail) {
  if (detail === null || detail === undefined) return "";
  if (typeof detail === "object" && Object.keys(detail).length === 0) return "";
  return escapeControls(JSON.stringify(detail));
}

const shown = (text) => (text === null || text === undefined ? "" : escapeControls(String(text)));

async function load() {
  remember();
  const query = new URLSearchParams({ limit: String(state.limit), offset: String(state.offset) });
  if (state.action) query.set("action", state.action);
  show(rangeBox, t("正在加载…", "Loading…"));
  try {
    const page = await fetchJson(`/api/audit?${query}`);
    const first = page.total === 0 ? 0 : page.offset + 1;
    const last = page.offset + page.entries.length;
    show(
      rangeBox,
      t(
        `第 ${formatNumber(first)}–${formatNumber(last)} 条，共 ${formatNumber(page.total)} 条`,
        `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(page.total)}`,
      ),
    );
    prevButton.disabled = page.offset === 0;
    nextButton.disabled = last >= page.total;
    if (!page.entries.length) {
      show(tableBox, el("p", { class: "hint" }, t("没有记录。", "No entries.")));
      return;
    }
    show(
      tableBox,
      el(
        "div",
        { class: "scroll" },
        el(
          "table",
          {},
          el("caption", { class: "sr" }, t("审计日志，最新在前", "Audit log, newest first")),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              [
                t("时间", "When"),
                t("操作人", "Who"),
                t("角色", "Role"),
                t("操作", "Action"),
                t("对象", "Target"),
                t("结果", "Result"),
                t("详情", "Detail"),
              ].map((h) => el("th", { scope: "col" }, h)),
            ),
          ),
          el(
            "tbody",
            {},
            page.entries.map((e) =>
              el(
                "tr",
                {},
                el("td", {}, formatTime(e.at)),
                el("td", {}, e.actor === null ? "—" : shown(e.actor)),
                el("td", {}, e.role ? shown(t(...(ROLE[e.role] ?? [e.role, e.role]))) : "—"),
                el("td", {}, el("code", {}, shown(e.action))),
                el("td", {}, shown(e.target)),
                el("td", {}, el("span", { class: `badge ${e.result}` }, shown(e.result))),
                el("td", {}, el("pre", { class: "detail" }, detailText(e.detail))),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    show(rangeBox);
    show(
      tableBox,
      error?.status === 401
        ? expiredNotice()
        : el(
            "div",
            { class: "notice bad" },
            el("code", {}, error?.code ?? "error"),
            " ",
            error?.message ?? String(error),
          ),
    );
  }
}

actionSelect.addEventListener("change", () => {
  state.action = actionSelect.value;
  state.offset = 0;
  load();
});
prevButton.addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - state.limit);
  load();
});
nextButton.addEventListener("click", () => {
  state.offset += state.limit;
  load();
});

load();
