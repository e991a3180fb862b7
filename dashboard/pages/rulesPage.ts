/**
 * How targets are judged (`rules.html`), one click from every status: what green, yellow and red
 * mean for each kind of target and way of judging it (docs/contract.md §6, docs/judgement.md), and for
 * every target of the plan how it is judged, from which month, by which month, with what
 * tolerance, and where its figure comes from.
 */

import { escapeHtml } from "../../core/html.ts";
import { formatMonth, formatPercent } from "../format.ts";
import { JUDGED_WORDS, KIND_WORDS, SOURCE_WORDS } from "../labels.ts";
import { PAGES } from "../paths.ts";
import { href, metricName, type PageContext, t } from "./context.ts";
import { dataTable } from "./dataTable.ts";
import { layout } from "./layout.ts";
import { statusBadge } from "./statusBadge.ts";

type Rule = [kind: string, green: string, yellow: string, red: string];

function rules(ctx: PageContext): Rule[] {
  const badge = (s: "green" | "yellow" | "red", zh: string, en: string) =>
    `${statusBadge(s, ctx.lang, { zh, en })}`;
  return ctx.lang === "zh"
    ? [
        [
          "累计数 · 按序时进度（如再就业5000人）",
          `${badge("green", "绿灯 · 进度正常", "")} 累计 ≥ 目标×已过月数÷考核月数`,
          `${badge("yellow", "黄灯 · 略有滞后", "")} 达到序时进度的90%`,
          `${badge("red", "红灯 · 明显滞后", "")} 不足序时进度的90%`,
        ],
        [
          "期末数 · 按增量、序时进度（如正规就业40万人）",
          `${badge("green", "绿灯 · 进度正常", "")} 较基期的增量 ≥ 应增（需增×已过月数÷考核月数）`,
          `${badge("yellow", "黄灯 · 略有滞后", "")} 增量达到应增的90%`,
          `${badge("red", "红灯 · 明显滞后", "")} 增量不足应增的90%；增量完成率=已增÷需增`,
        ],
        [
          "比率 · 期末达标（如“到年末”50%以上）",
          `${badge("green", "绿灯 · 已达标", "")} 当前已达到目标`,
          `${badge("yellow", "黄灯 · 尚未达标", "")} 考核时点前未达到目标，差距另列`,
          "考核时点前不亮红灯",
        ],
        [
          "比率、按期率 · 持续达标（如“确保”“每个”“全部”）",
          `${badge("green", "绿灯 · 已达标", "")} 所示月份达到目标（须每月保持；此前月份未达标不影响本月灯色）`,
          `${badge("yellow", "黄灯 · 略低于目标", "")} 低于目标但在容差以内（容差为0时无黄灯）`,
          `${badge("red", "红灯 · 未达标", "")} 超出容差；容差为0时任何差距都是红灯`,
        ],
        [
          "控制数 · 持续达标（如城镇登记失业人数）",
          `${badge("green", "绿灯 · 已达标", "")} 不超过控制数×(1−容差)`,
          `${badge("yellow", "黄灯 · 接近上限", "")} 在控制数以内，但已接近`,
          `${badge("red", "红灯 · 超出上限", "")} 超出控制数`,
        ],
        [
          "考核时点及以后（所有指标）",
          `${badge("green", "绿灯 · 已完成", "")} 目标已完成`,
          "不再有黄灯",
          `${badge("red", "红灯 · 未完成", "")} 目标未完成`,
        ],
      ]
    : [
        [
          "Cumulative, judged by pace (e.g. 5,000 reemployed)",
          `${badge("green", "", "on track")} total ≥ target × months passed ÷ months judged`,
          `${badge("yellow", "", "slightly behind")} at least 90% of that`,
          `${badge("red", "", "behind")} below 90% of that`,
        ],
        [
          "Month-end level, judged on the increase by pace (e.g. 400,000 in formal employment)",
          `${badge("green", "", "on track")} increase since the baseline ≥ the increase due to date`,
          `${badge("yellow", "", "slightly behind")} at least 90% of the increase due`,
          `${badge("red", "", "behind")} below 90%; progress = increase achieved ÷ increase needed`,
        ],
        [
          "Share, judged by the due month (e.g. 50% “by the year's end”)",
          `${badge("green", "", "meeting the target")} the target holds now`,
          `${badge("yellow", "", "not yet met")} before the due month, not holding; the gap is given`,
          "never red before the due month",
        ],
        [
          "Share or on-time share, judged every month (确保 / 每个 / 全部)",
          `${badge("green", "", "meeting the target")} the target holds in the month shown (it must hold every month; an earlier month's shortfall does not change this month's colour)`,
          `${badge("yellow", "", "slightly below the target")} below it, within the tolerance (none when it is 0)`,
          `${badge("red", "", "not met")} beyond the tolerance; with tolerance 0, any shortfall`,
        ],
        [
          "Cap, judged every month (e.g. registered unemployed)",
          `${badge("green", "", "meeting the target")} at most cap × (1 − tolerance)`,
          `${badge("yellow", "", "near the cap")} within the cap, but close to it`,
          `${badge("red", "", "over the cap")} above the cap`,
        ],
        [
          "At and after the due month (every target)",
          `${badge("green", "", "achieved")} the target is met`,
          "no yellow any more",
          `${badge("red", "", "missed")} the target is not met`,
        ],
      ];
}

export function rulesPage(ctx: PageContext): string {
  const { lang, site } = ctx;
  const table = dataTable({
    lang: ctx.lang,
    caption: t(ctx, "各类指标的红黄绿灯含义", "What green, yellow and red mean for each kind of target"),
    head: [
      t(ctx, "指标类型 · 考核方式", "Kind · how judged"),
      t(ctx, "绿灯", "Green"),
      t(ctx, "黄灯", "Yellow"),
      t(ctx, "红灯", "Red"),
    ],
    rows: rules(ctx).map((r) => r.map((cell, i) => (i === 0 ? escapeHtml(cell) : cell))),
    rowHeaders: true,
  });
  const metrics = dataTable({
    lang: ctx.lang,
    caption: t(ctx, "本计划各项指标的考核方式", "How each target of this plan is judged"),
    head: [
      t(ctx, "指标", "Target"),
      t(ctx, "类型", "Kind"),
      t(ctx, "考核方式", "Judged"),
      t(ctx, "开始", "From"),
      t(ctx, "考核时点", "Due"),
      t(ctx, "容差", "Tolerance"),
      t(ctx, "目标来源", "Target source"),
    ],
    rows: site.report.metrics.map((m) => [
      `<a href="${href(ctx, PAGES.metric(m.id))}">${escapeHtml(metricName(m, lang))}</a>`,
      KIND_WORDS[m.kind][lang],
      JUDGED_WORDS[m.judged][lang],
      escapeHtml(formatMonth(m.starts, lang)),
      escapeHtml(formatMonth(m.due, lang)),
      m.judged === "always"
        ? m.tolerance === 0
          ? t(ctx, "0（不容差）", "0 (none)")
          : formatPercent(m.tolerance)
        : "—",
      SOURCE_WORDS[m.target_source.kind][lang],
    ]),
    rowHeaders: true,
  });
  const title = t(ctx, "考核规则：各灯含义", "How targets are judged");
  const body = `<p class="crumbs"><a href="${href(ctx, PAGES.overview)}">${t(ctx, "总览", "Overview")}</a> › ${title}</p>
<h1>${title}</h1>
<p>${t(
    ctx,
    "每项指标按目标计划写明的方式考核：开始月份之前为“未开始”，不计未报送；考核时点（一般为年末）及以后只有“已完成”或“未完成”。灯色同时用颜色、图形和文字表示。",
    "Each target is judged as the plan says: before its first month it is “not started” and nothing counts as missing; at and after its due month (usually the year's end) it is only “achieved” or “missed”. Every status is shown in colour, shape and words together.",
  )}</p>
${table}
<p>${t(
    ctx,
    "“上级下达”表示目标数值不在政策文件中（如市下达的新增就业人数），来源见该指标页；街镇分解目标的来源同样在指标页写明。",
    "“Assigned” means the figure is not in the policy text (such as the city's assignment of new jobs); each target's page says where it comes from, and where the towns' targets come from.",
  )}</p>
${metrics}`;
  return layout(ctx, { title, body });
}
