/**
 * A draft → the text of a plan file (metrics/plans/*.yaml), ready to be checked and edited by a
 * person. Every guess that is not sure is marked on its own line with `⚠ 待核实 unsure` and the
 * reason in both languages, so that editing the draft is going through those marks; the sure
 * guesses are explained in one comment line above each metric. Funds and milestones, which a plan
 * does not track as metrics, are listed as comments at the end.
 */
import { previousMonth } from "../../core/month.ts";
import type { Commitment, Draft, Reason } from "./draftTypes.ts";

/** The mark on every unsure line; tests and people search for it. */
export const UNSURE_MARK = "⚠ 待核实 unsure";

export function planYaml(draft: Draft): string {
  const { plan } = draft;
  const out: string[] = [];
  const planReason = (field: string) => plan.why.find((r) => r.field === field && r.confidence !== "high");
  const mark = (r: Reason | undefined) => (r ? `  # ${UNSURE_MARK}: ${r.zh} · ${r.en}` : "");

  out.push(
    "# 目标计划草稿 · Draft plan",
    `# 由 jobtrack plan draft 自 ${plan.policy} 生成。标有「${UNSURE_MARK}」的每一处都是猜测：`,
    "# 对照原文核对、改正后删去该标记。",
    `# Written by jobtrack plan draft from ${plan.policy}. Every line marked "${UNSURE_MARK}" is a guess:`,
    "# check it against the policy, correct it, then delete the mark.",
  );
  if (plan.converted) {
    out.push(
      "# 原文为繁体字：识别时已转为简体，引文保留原文用字。",
      "# The policy is in traditional characters: it was read in simplified form; quotes keep the original.",
    );
  }
  if (plan.title) out.push(`# ${plan.title}`);
  out.push(
    "",
    `id: ${plan.id}${mark(planReason("id"))}`,
    "name:",
    `  zh: ${str(plan.name.zh)}${mark(planReason("name"))}`,
    `  en: ${str(plan.name.en)}`,
    `district: ${str(plan.district ?? "")}${mark(planReason("district"))}`,
  );
  if (plan.document) out.push(`document: ${str(plan.document)}`);
  else out.push(`# document: ${mark(planReason("document")).replace(/^ {2}# /, "")}`);
  out.push(
    `policy: ${str(plan.policy)}`,
    "period:",
    `  first: ${str(plan.period.first)}${mark(planReason("period"))}`,
    `  last: ${str(plan.period.last)}`,
    `baseline_month: ${str(previousMonth(plan.period.first))}`,
    "due_day: 5",
    "pace: linear",
  );
  if (draft.catalogueFile) out.push(`catalogue: ${str(draft.catalogueFile)}`);

  const proposed = draft.proposedItems;
  if (proposed.length) {
    out.push(
      "",
      "# 提议新增的统计项（目录中尚无；须先加入目录，或把指标改用已有统计项）：",
      "# Proposed reported items (not in the catalogue: add them to it, or change the metric to an existing item):",
      ...proposed.map(
        (p) =>
          `#   ${p.key}: ${p.zh}（${p.flow === "flow" ? "本月数 flow" : "期末数 stock"}${p.unitWord ? `，${p.unitWord}` : ""}${p.partOf ? `，属于 ${p.partOf}` : ""}）`,
      ),
    );
  }

  out.push("", "metrics:");
  draft.commitments.forEach((c, i) => {
    out.push("", ...metricLines(c, i + 1));
  });

  if (draft.funds.length) {
    out.push(
      "",
      "# 资金（只跟踪，不设目标）· Funds (tracked without a target):",
      ...draft.funds.map(
        (f) =>
          `#   - ${f.section ?? ""}：${f.words.join("、")}${f.amounts.length ? `（${f.amounts.map((a) => `${a.value}${a.unitWord}`).join("、")}）` : ""} — ${short(f.quote)}`,
      ),
    );
  }
  if (draft.milestones.length) {
    out.push(
      "",
      "# 里程碑（无数字的交付事项）· Milestones (deliverables without a number):",
      ...draft.milestones.map(
        (m) =>
          `#   - ${m.what}${m.confidence === "high" ? "" : `（${m.confidence === "low" ? "研究或鼓励类" : "建设类"}）`} — ${m.section ?? ""}`,
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

function metricLines(c: Commitment, n: number): string[] {
  const unsure = (field: string) => c.why.find((r) => r.field === field && r.confidence !== "high");
  const mark = (...fields: string[]) => {
    const r = fields.map(unsure).find(Boolean);
    return r ? `  # ${UNSURE_MARK}: ${r.zh} · ${r.en}` : "";
  };
  const sure = c.why.filter(
    (r) => r.confidence === "high" && r.words.length && !["responsible", "due", "starts"].includes(r.field),
  );
  const words = [...new Set(sure.flatMap((r) => r.words))].slice(0, 6);
  const level = { high: "高 high", medium: "中 medium", low: "低 low" }[c.confidence];
  const lines = [
    `  # ── ${n} · ${c.name.zh} · 把握 ${level} ──`,
    ...(words.length ? [`  # 依据 why: ${words.map((w) => `「${w}」`).join("")}`] : []),
    `  - id: ${c.id}`,
    `    name: { zh: ${str(c.name.zh)}, en: ${str(c.name.en)} }${mark("name")}`,
    `    kind: ${c.kind}${mark("kind")}`,
    `    direction: ${c.direction}${mark("direction")}`,
    `    target: ${c.target === null ? "null" : String(c.target)}${mark("target")}`,
    ...(c.targetFrom ? [`    target_from: ${c.targetFrom}`] : []),
    `    target_source: ${c.targetSource.kind === "policy" ? "{ kind: policy }" : `{ kind: assigned, note: ${str(c.targetSource.note ?? "")} }`}`,
  ];
  const itemMark = mark("items");
  for (const item of c.items) {
    const note = item.proposed ? "  # 提议的新统计项 proposed item" : `  # ${item.zh}`;
    lines.push(`    ${item.role}: ${item.key}${itemMark || note}`);
  }
  if (c.reporters) lines.push(`    reporters: [${c.reporters.join(", ")}]`);
  lines.push(
    `    unit_of_count: ${c.unitOfCount}${mark("unit_of_count")}`,
    `    judged: ${c.judged}${mark("judged")}`,
  );
  if (c.tolerance !== null) lines.push(`    tolerance: ${c.tolerance}${mark("tolerance")}`);
  lines.push(
    `    starts: ${str(c.starts ?? "")}${mark("starts")}`,
    `    due: ${str(c.due ?? "")}${mark("due")}`,
    `    section: ${str(c.section ?? "")}${mark("section")}`,
    `    quote: ${str(c.quote)}`,
    `    responsible: [${c.responsible.map(str).join(", ")}]${mark("responsible")}`,
  );
  if (c.targetSource.kind === "assigned") {
    lines.push(`    note: ${str(c.targetSource.note ?? "")}`);
  }
  return lines;
}

/** A YAML scalar for any text: a JSON string is a valid double-quoted YAML scalar. */
function str(text: string): string {
  return JSON.stringify(text);
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
