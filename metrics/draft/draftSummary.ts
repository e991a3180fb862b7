/**
 * The human output of `plan draft` and `plan check`: a short summary in Chinese or English, one
 * entry per commitment with its figure, kind and how it is judged, and the unsure guesses named
 * with their reason (⚠). The plan file holds the rest.
 */
import { type Lang, sayText } from "../../core/lang.ts";
import { formatMonth, formatValue, groupThousands, trimmed } from "../formatValue.ts";
import type { PlanCheck } from "./checkPlan.ts";
import type { Commitment, Draft } from "./draftTypes.ts";

const KIND: Record<string, { zh: string; en: string }> = {
  cumulative: { zh: "累计", en: "cumulative" },
  level: { zh: "期末水平", en: "level" },
  cap: { zh: "上限", en: "cap" },
  ratio: { zh: "比例", en: "ratio" },
  deadline: { zh: "时限", en: "deadline" },
};
const JUDGED: Record<string, { zh: string; en: string }> = {
  pace: { zh: "按序时进度", en: "judged by pace" },
  by_due: { zh: "期末达标", en: "judged by the due month" },
  always: { zh: "持续达标", en: "judged every month" },
};
const FIELD: Record<string, { zh: string; en: string }> = {
  target: { zh: "目标", en: "target" },
  direction: { zh: "方向", en: "direction" },
  kind: { zh: "类型", en: "kind" },
  judged: { zh: "考核方式", en: "judged" },
  tolerance: { zh: "容差", en: "tolerance" },
  items: { zh: "统计项", en: "reported items" },
  due: { zh: "考核时点", en: "due" },
  starts: { zh: "起始月", en: "starts" },
  responsible: { zh: "责任单位", en: "responsible bodies" },
  unit_of_count: { zh: "计数单位", en: "unit of count" },
  section: { zh: "章节", en: "section" },
  name: { zh: "名称", en: "name" },
};

export function draftSummary(draft: Draft, lang: Lang, written: string | null): string {
  const { plan } = draft;
  const unsure = draft.commitments.filter((c) => c.confidence !== "high").length;
  const period =
    plan.period.first.slice(0, 4) === plan.period.last.slice(0, 4)
      ? lang === "zh"
        ? `${plan.period.first.slice(0, 4)}年`
        : plan.period.first.slice(0, 4)
      : `${formatMonth(plan.period.first, lang)}–${formatMonth(plan.period.last, lang)}`;
  const lines: string[] = [
    lang === "zh"
      ? `${plan.name.zh} · 草稿（${[plan.document, period].filter(Boolean).join("，")}）`
      : `${plan.name.en} · draft (${[plan.document, period].filter(Boolean).join(", ")})`,
    lang === "zh"
      ? `找到 ${draft.commitments.length} 项量化承诺，其中 ${unsure} 项待核实（⚠）；资金 ${draft.funds.length} 条；里程碑 ${draft.milestones.length} 个。`
      : `${draft.commitments.length} quantified commitments, ${unsure} of them unsure (⚠); ${draft.funds.length} fund sentences; ${draft.milestones.length} milestones.`,
  ];
  if (plan.converted) {
    lines.push(
      lang === "zh"
        ? "原文为繁体字，已转为简体识别，引文保留原文。"
        : "The policy is in traditional characters: read in simplified form, quoted as written.",
    );
  }
  lines.push("");
  draft.commitments.forEach((c, i) => {
    lines.push(...commitmentLines(c, i + 1, lang));
  });
  if (draft.proposedItems.length) {
    lines.push(
      "",
      lang === "zh" ? "提议新增的统计项（目录中尚无）：" : "Proposed reported items (not in the catalogue):",
      ...draft.proposedItems.map((p) => `  · ${p.key}: ${p.zh}`),
    );
  }
  if (draft.milestones.length) {
    lines.push(
      "",
      lang === "zh" ? "里程碑（无数字的交付事项）：" : "Milestones (deliverables without a number):",
      ...draft.milestones.map(
        (m) =>
          `  · ${m.what}${m.confidence === "low" ? (lang === "zh" ? "（研究或鼓励类）" : " (a study or an encouragement)") : ""}`,
      ),
    );
  }
  if (draft.funds.length) {
    lines.push(
      "",
      lang === "zh"
        ? `资金（只跟踪，不设目标）${draft.funds.length} 条，列在草稿文件末尾。`
        : `${draft.funds.length} fund sentences (tracked without a target) are listed at the end of the draft file.`,
    );
  }
  if (written) lines.push("", lang === "zh" ? `已写出草稿：${written}` : `Draft written: ${written}`);
  return `${lines.join("\n")}\n`;
}

function commitmentLines(c: Commitment, n: number, lang: Lang): string[] {
  const mark = c.confidence === "high" ? " " : "⚠";
  const sign = c.direction === "at_most" ? "≤" : c.direction === "above" ? ">" : "≥";
  const due = c.due
    ? lang === "zh"
      ? `考核时点${formatMonth(c.due, lang)}`
      : `due ${formatMonth(c.due, lang)}`
    : "";
  const head = [
    `${c.name[lang]} ${sign} ${figure(c, lang)}`,
    sayText(lang, KIND[c.kind]),
    sayText(lang, JUDGED[c.judged]),
    due,
  ].filter(Boolean);
  const items = c.items.map(
    (i) => `${i.key}${i.proposed ? (lang === "zh" ? "（提议）" : " (proposed)") : ""}`,
  );
  const lines = [
    `${String(n).padStart(3)} ${mark} ${head.join(" · ")}`,
    `      ${lang === "zh" ? "统计项" : "items"} ${items.join(" / ")}${c.section ? ` · ${c.section}` : ""}`,
  ];
  const doubts = c.why.filter((r) => r.confidence !== "high");
  if (doubts.length) {
    const seen = new Set<string>();
    const named = doubts.filter((r) => !seen.has(r.field) && seen.add(r.field));
    lines.push(
      `      ${lang === "zh" ? "待核实：" : "unsure: "}${named
        .map((r) => {
          const field = sayText(lang, FIELD[r.field] ?? { zh: r.field, en: r.field });
          return lang === "zh" ? `${field}（${r.zh}）` : `${field} (${r.en})`;
        })
        .join(lang === "zh" ? "；" : "; ")}`,
    );
  }
  return lines;
}

function figure(c: Commitment, lang: Lang): string {
  if (c.target === null) {
    return c.targetFrom === "previous_year"
      ? sayText(lang, { zh: "上年水平（待填）", en: "last year's level (to enter)" })
      : sayText(lang, { zh: "上级下达（待填）", en: "assigned (to enter)" });
  }
  if (c.unitOfCount === "share" || c.unitOfCount === "persons" || c.unitOfCount === "100m_cny")
    return formatValue(c.target, c.unitOfCount, lang);
  if (c.unitOfCount === "posts" || c.unitOfCount === "villages")
    return formatValue(c.target, c.unitOfCount, lang);
  return lang === "zh"
    ? `${trimmed(c.target, 2)}${c.unitWord}`
    : `${groupThousands(c.target)} ${c.unitWord}`.trim();
}

export function checkSummary(check: PlanCheck, lang: Lang, planFile: string, policyFile: string): string {
  const lines = [
    lang === "zh" ? `目标计划 ${planFile} 对照 ${policyFile}：` : `Plan ${planFile} against ${policyFile}:`,
    "",
  ];
  const missing = check.missing;
  lines.push(
    lang === "zh"
      ? `原文中计划未跟踪的承诺：${missing.length} 项`
      : `Commitments of the policy the plan does not track: ${missing.length}`,
    ...missing.map(
      (c) =>
        `  ${c.confidence === "high" ? " " : "⚠"} ${c.name[lang]} ${figure(c, lang)} — ${c.section ?? ""}「${short(c.quote)}」`,
    ),
    lang === "zh"
      ? `计划引文不在原文中：${check.quotesNotInPolicy.length} 处`
      : `Quotes of the plan not in the policy: ${check.quotesNotInPolicy.length}`,
    ...check.quotesNotInPolicy.map((q) => `    ${q.id}「${short(q.quote)}」`),
    lang === "zh"
      ? `目标与所引原文不符：${check.targetMismatch.length} 处`
      : `Targets that differ from the sentence they quote: ${check.targetMismatch.length}`,
    ...check.targetMismatch.map(
      (t) =>
        `    ${t.id}: ${lang === "zh" ? "计划" : "plan"} ${t.plan_target ?? "—"}，${lang === "zh" ? "原文" : "policy"} ${t.policy_targets.join(" / ")}`,
    ),
  );
  if (check.explained.length) {
    lines.push(
      lang === "zh"
        ? `计划已说明不跟踪：${check.explained.length} 项`
        : `Left out by the plan, with a reason: ${check.explained.length}`,
      ...check.explained.map((e) => `    ${e.commitment.name[lang]} — ${sayText(lang, e.reason)}`),
    );
  }
  const problems = missing.length + check.quotesNotInPolicy.length + check.targetMismatch.length;
  lines.push(
    "",
    problems
      ? lang === "zh"
        ? `共 ${problems} 处须处理（⚠ 为识别时把握不足的承诺，请对照原文判断）。`
        : `${problems} to fix (⚠ marks commitments the reader was unsure of: judge them against the policy).`
      : lang === "zh"
        ? "未发现问题。"
        : "Nothing to fix.",
  );
  return `${lines.join("\n")}\n`;
}

function short(text: string): string {
  return text.length > 36 ? `${text.slice(0, 36)}…` : text;
}
