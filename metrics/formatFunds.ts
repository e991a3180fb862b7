/**
 * The policy's money and the other items tracked without a target, for the report's table in the
 * terminal: each subsidy with who paid it, paid to date, whom it reached and the amount per
 * person (or firm) reached; each subsidy beside the targets it serves; each paying unit month by
 * month; then any other tracked item with its figure. Every figure is what the units reported;
 * the policy sets no target for any of them, and the table says so. Pure.
 */
import type { Lang } from "../core/lang.ts";
import { grid } from "./formatReport.ts";
import { formatMonth, formatPercent, formatValue, formatWan, formatYuan, trimmed } from "./formatValue.ts";
import { fundsSentence, payerText, reachText } from "./fundsWords.ts";
import type { Report } from "./reportTypes.ts";

/** `≥ 5,000` / `> 80%`: a target as a condition. */
function condition(direction: string, target: number | null, unitOfCount: string, lang: Lang): string {
  if (target === null) return "—";
  const sign = direction === "above" ? ">" : direction === "at_most" ? "≤" : "≥";
  return `${sign} ${formatValue(target, unitOfCount, lang)}`;
}

/** The funds section of the table, or nothing when the report tracks no subsidy. */
export function fundsLines(report: Report, lang: Lang): string[] {
  const funds = report.funds;
  if (!funds) return [];
  const zh = lang === "zh";
  const names = new Map(funds.units.map((u) => [u.unit, u.name]));
  const lines = [
    "",
    zh ? "政策资金（无目标）：" : "Policy funds (no target):",
    `  ${fundsSentence(funds, report.asOf, lang)}`,
    zh
      ? "  金额和人数（户数）均为各发放单位报告数，人数为各月相加（同一人多月领取计多次）；人均（户均）为报告金额÷报告人数，政策未规定补贴标准。"
      : "  Amounts and counts are what the paying units report, counts added up over the months (a person paid in two months counts twice); per head is the amount reported ÷ the count reported; the policy sets no standard.",
    "",
  ];
  const head = zh
    ? ["补贴", "发放单位", "已发放", "人数（户数）", "人均（户均）"]
    : ["Subsidy", "Paid by", "Paid", "Reached", "Per person or firm"];
  const rows = funds.subsidies.map((s) => [
    s.name,
    payerText(
      s.units.map((u) => names.get(u.unit) ?? u.unit),
      lang,
    ),
    s.paid === null ? "—" : formatWan(s.paid, lang),
    reachText(s.reached, s.count_unit, lang),
    s.per_head === null ? "—" : formatYuan(s.per_head, lang),
  ]);
  lines.push(...grid([head, ...rows], new Set([2, 3, 4])).map((l) => `  ${l}`));

  const served = funds.subsidies.filter((s) => s.serves && s.serves.targets.length > 0);
  if (served.length) {
    lines.push("", zh ? "补贴与所服务的目标：" : "Subsidies beside the targets they serve:");
    for (const s of served) {
      const money = `${reachText(s.reached, s.count_unit, lang)}${zh ? "，" : ", "}${s.paid === null ? "—" : formatWan(s.paid, lang)}`;
      const targets = (s.serves?.targets ?? []).map((t) => {
        const name = zh ? t.name_zh : t.name_en;
        const actual = formatValue(t.actual, t.unit_of_count, lang);
        const goal = condition(t.direction, t.target, t.unit_of_count, lang);
        return zh
          ? `${name} ${actual}（目标 ${goal}，${t.status_words.zh}）`
          : `${name} ${actual} (target ${goal}, ${t.status_words.en})`;
      });
      lines.push(
        zh
          ? `  ${s.name}：${money} ｜ ${targets.join("；")}`
          : `  ${s.name}: ${money} | ${targets.join("; ")}`,
      );
    }
  }

  if (funds.units.length) {
    lines.push("", zh ? "各单位各月发放金额（万元）：" : "Paid by each unit, month by month (10,000 CNY):");
    const months = funds.months.map((m) =>
      zh ? `${Number(m.slice(5))}月` : formatMonth(m, "en").slice(0, 3),
    );
    const unitHead = [zh ? "单位" : "Unit", ...months, zh ? "合计" : "Total"];
    const cell = (x: number | null) => (x === null ? "—" : trimmed(x, 2));
    const unitRows = funds.units.map((u) => [u.name, ...u.paid_monthly.map(cell), cell(u.paid)]);
    const right = new Set(unitHead.map((_, i) => i).filter((i) => i > 0));
    lines.push(...grid([unitHead, ...unitRows], right).map((l) => `  ${l}`));
  }
  return lines;
}

/** The tracked items that are not a subsidy's amount, with their figures. */
export function trackedLines(report: Report, lang: Lang): string[] {
  const subsidies = new Set((report.funds?.subsidies ?? []).map((s) => s.metric));
  const others = (report.tracked ?? []).filter((t) => !subsidies.has(t.id));
  if (!others.length) return [];
  const zh = lang === "zh";
  const head = zh
    ? ["跟踪项目（无目标）", "实际", "报送"]
    : ["Tracked without a target", "Actual", "Reported"];
  const rows = others.map((t) => [
    t.name,
    t.status === "not_started" ? "—" : formatValue(t.actual, t.unit_of_count, lang),
    t.coverage.expected === 0 ? "—" : formatPercent(t.coverage.reported / t.coverage.expected),
  ]);
  return ["", ...grid([head, ...rows], new Set([1, 2]))];
}
