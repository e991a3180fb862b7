/**
 * Total rows: Excel templates often end with a 合计 row. It is skipped with a warning and never
 * counted, since the district total is always computed from the units' own rows.
 */
import { type Finding, finding } from "../../core/finding.ts";
import { excerpt } from "./findingCollector.ts";

const TOTAL_LABELS = new Set(["合计", "总计", "小计", "全区合计", "total", "subtotal", "grandtotal"]);
const SPACES = /[\s:：]+/g;

/** Whether a unit cell labels a total row: 合计, 总计, 小计, 全区合计, or anything starting with 合计. */
export function isTotalRow(unitText: string): boolean {
  // called on every row: every label holds 计 or "otal", which names of units do not
  if (unitText.indexOf("计") < 0 && unitText.indexOf("otal") < 0 && unitText.indexOf("OTAL") < 0)
    return false;
  const label = unitText.replace(SPACES, "").toLowerCase();
  return TOTAL_LABELS.has(label) || label.startsWith("合计");
}

export function totalRowWarning(row: number, column: string, unitText: string): Finding {
  const shown = excerpt(unitText);
  return finding(
    row,
    column,
    "total_row",
    `第 ${row} 行是合计行（“${shown}”），已跳过，不计入数据；区合计由各单位数据汇总得出。`,
    `Row ${row} is a total row ("${shown}") and was skipped, not counted; the district total is summed from the units' rows.`,
  );
}
