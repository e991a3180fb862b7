// The administrator's page: access tokens created (shown once, with a copy button), listed and
// revoked in the browser through /api/tokens. The scheduler's sections are rendered by the server.
import { el, fetchJson, formatTime, pageData, show, t } from "./portal.js";

const data = pageData();
const $ = (id) => document.getElementById(id);
const form = $("token-form");
const roleSelect = $("role");
const unitRow = $("unit-row");
const unitSelect = $("unit");
const labelInput = $("label");
const createButton = $("create");
const createdBox = $("created");
const tokensBox = $("tokens");

const words = (pair) => (pair ? t(pair.zh, pair.en) : "");
const HEAD = [
  t("编号", "No."),
  t("角色", "Role"),
  t("单位", "Unit"),
  t("说明", "Label"),
  t("创建时间", "Created"),
  t("状态", "Status"),
  t("操作", "Action"),
];

function syncUnit() {
  const town = roleSelect.value === "town";
  unitRow.hidden = !town;
  unitSelect.disabled = !town;
}

function notice(kind, ...children) {
  return el("div", { class: `notice ${kind}`, role: kind === "bad" ? "alert" : "status" }, ...children);
}

function renderTokens(tokens) {
  if (!tokens.length) {
    show(tokensBox, el("p", { class: "hint" }, t("还没有令牌。", "No tokens yet.")));
    return;
  }
  const rows = [...tokens]
    .sort((a, b) => Number(Boolean(a.revoked_at)) - Number(Boolean(b.revoked_at)) || b.token_id - a.token_id)
    .map((token) =>
      el(
        "tr",
        { "data-token": token.token_id },
        el("td", { class: "num", "data-label": HEAD[0] }, `#${token.token_id}`),
        el("td", { "data-label": HEAD[1] }, words(data.roles[token.role])),
        el("td", { "data-label": HEAD[2] }, token.unit ? words(data.units[token.unit]) || token.unit : "—"),
        el(
          "td",
          { "data-label": HEAD[3] },
          token.label ?? "",
          token.token_id === data.self ? el("span", { class: "hint" }, t("（当前登录）", " (you)")) : null,
        ),
        el("td", { class: "nowrap", "data-label": HEAD[4] }, formatTime(token.created_at)),
        el(
          "td",
          { "data-label": HEAD[5] },
          token.revoked_at
            ? el(
                "span",
                { class: "badge failure" },
                t("已撤销", "Revoked"),
                " ",
                formatTime(token.revoked_at),
              )
            : el("span", { class: "badge ok" }, t("有效", "Active")),
        ),
        el(
          "td",
          { "data-label": HEAD[6] },
          token.revoked_at
            ? ""
            : el(
                "button",
                {
                  type: "button",
                  class: "secondary",
                  "data-revoke": token.token_id,
                  "aria-label": t(`撤销令牌 #${token.token_id}`, `Revoke token #${token.token_id}`),
                },
                t("撤销", "Revoke"),
              ),
        ),
      ),
    );
  show(
    tokensBox,
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "stack" },
        el("caption", { class: "sr" }, t("访问令牌", "Access tokens")),
        el("thead", {}, el("tr", {}, ...HEAD.map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows),
      ),
    ),
  );
}

async function reload() {
  const body = await fetchJson("/api/tokens");
  renderTokens(body.tokens);
}

function failure(error) {
  return notice("bad", error?.message ?? t("操作失败，请稍后再试。", "That did not work; try again later."));
}

function shownOnce(created) {
  const field = el("input", {
    type: "text",
    id: "new-token",
    readonly: true,
    value: created.token,
    "aria-label": t("新令牌", "New token"),
    spellcheck: "false",
  });
  const copied = el("span", { role: "status", "aria-live": "polite" });
  const copy = el("button", { type: "button", id: "copy-token" }, t("复制", "Copy"));
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      copied.textContent = t("已复制", "Copied");
    } catch {
      field.select();
      copied.textContent = t("已选中，请按 Ctrl+C 复制", "Selected: press Ctrl+C to copy");
    }
  });
  const who = [
    words(data.roles[created.role]),
    created.unit ? words(data.units[created.unit]) : null,
    created.label,
  ]
    .filter(Boolean)
    .join(" · ");
  return notice(
    "good",
    el(
      "p",
      {},
      el("strong", {}, t(`已创建令牌 #${created.token_id}`, `Token #${created.token_id} created`)),
      `（${who}）`,
    ),
    el(
      "p",
      {},
      t(
        "令牌只显示这一次，关闭或刷新本页后无法再次查看。请复制后妥善转交：",
        "The token is shown this once; after you leave this page it cannot be shown again. Copy it and hand it over safely:",
      ),
    ),
    el("div", { class: "row token-shown" }, field, copy, copied),
  );
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = { role: roleSelect.value, label: labelInput.value };
  if (roleSelect.value === "town") body.unit = unitSelect.value;
  createButton.disabled = true;
  try {
    const created = await fetchJson("/api/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    show(createdBox, shownOnce(created));
    labelInput.value = "";
    await reload();
  } catch (error) {
    show(createdBox, failure(error));
  } finally {
    createButton.disabled = false;
  }
});

tokensBox.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-revoke]");
  if (!button) return;
  const id = button.dataset.revoke;
  if (
    !window.confirm(
      t(
        `撤销令牌 #${id}？撤销后持有人将立即无法登录。`,
        `Revoke token #${id}? Its holder can no longer sign in.`,
      ),
    )
  )
    return;
  button.disabled = true;
  try {
    await fetchJson(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    show(createdBox, notice("good", t(`令牌 #${id} 已撤销。`, `Token #${id} is revoked.`)));
    await reload();
  } catch (error) {
    show(createdBox, failure(error));
    button.disabled = false;
  }
});

roleSelect.addEventListener("change", syncUnit);
syncUnit();
renderTokens(data.tokens ?? []);
