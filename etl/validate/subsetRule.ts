/**
 * The "其中" rule (docs/contract.md §3): a part may not exceed its total in the same unit-month, e.g.
 * grads_employed ≤ grads_unemployed, ui_reemployed ≤ ui_stopped, villages_staffed ≤
 * villages_total, and each *_grads ≤ its posts. The catalogue's `part_of` names the pairs.
 */
import type { Indicator } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";

/** Whether the part's value breaks the rule against the total's (blank on either side never does). */
export function exceedsTotal(part: number | null, total: number | null): boolean {
  return part !== null && total !== null && part > total;
}

/** The finding for a part above its total; `totalRow` is where the total stands, when it differs. */
export function exceedsTotalFinding(
  at: { row: number; column: string; unit: { zh: string; en: string }; month: string },
  part: { indicator: Indicator; value: number },
  total: { indicator: Indicator; value: number; row: number },
  flows = false,
): Finding {
  const where = total.row === at.row ? "" : `（合计项在第 ${total.row} 行）`;
  const whereEn = total.row === at.row ? "" : ` (the total is on row ${total.row})`;
  const kindZh = flows ? "（由累计数算出的本月数）" : "";
  const kindEn = flows ? " (monthly flows from year-to-date figures)" : "";
  return finding(
    at.row,
    at.column,
    "exceeds_total",
    `${at.unit.zh} ${at.month}${kindZh}：“${part.indicator.zh}” ${part.value} 大于其总数“${total.indicator.zh}” ${total.value}${where}。“其中”项不能超过总数。`,
    `${at.unit.en} ${at.month}${kindEn}: ${part.indicator.key} (${part.indicator.en}) ${part.value} is above its total ${total.indicator.key} (${total.indicator.en}) ${total.value}${whereEn}; a part cannot exceed its total.`,
  );
}
