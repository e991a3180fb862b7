/**
 * The rules for one value cell of the monthly template (docs/contract.md §3), as the catalogue sets them
 * per item: text in a number cell, negative values, fractions of a person or post (an item allows
 * the decimal places its `decimals` says: amounts in 万元 or 亿元), and values above the item's
 * `max`, more than one unit could report in a month. The check is split from the message so that
 * a file with the same mistake on a million rows does not build a million messages.
 */
import type { Indicator } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import type { ParsedNumber } from "../normalize/number.ts";
import { excerpt } from "./findingCollector.ts";

type ValueProblem = "not_a_number" | "negative" | "not_integer" | "too_many_decimals" | "implausible";

/** Powers of ten by decimal places allowed, so the check multiplies rather than formats. */
const SCALE = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Whether a value has at most `places` decimal places (within the noise of binary fractions). */
function fitsPlaces(value: number, places: number): boolean {
  const scaled = value * SCALE[places];
  return Math.abs(scaled - Math.round(scaled)) < Math.max(1e-6, Math.abs(scaled) * 4 * Number.EPSILON);
}

/** What is wrong with a parsed cell of this item, or null when the value may be kept. */
export function valueProblem(parsed: ParsedNumber, indicator: Indicator): ValueProblem | null {
  if ("error" in parsed) return "not_a_number";
  const value = parsed.value;
  if (value === null) return null;
  if (value < 0) return "negative";
  if (!Number.isInteger(value)) {
    if (indicator.decimals === 0) return "not_integer";
    if (!fitsPlaces(value, indicator.decimals)) return "too_many_decimals";
  }
  if (value > indicator.max) return "implausible";
  return null;
}

/** The finding for a problem that valueProblem found in the cell `text` (indicator null: not known). */
export function valueFinding(
  problem: ValueProblem,
  row: number,
  column: string,
  text: string,
  known: Indicator | null,
): Finding {
  const shown = excerpt(text);
  const indicator: Pick<Indicator, "zh" | "en" | "max" | "decimals" | "unit"> = known ?? {
    zh: "该项",
    en: "this item",
    max: 0,
    decimals: 0,
    unit: "个",
  };
  switch (problem) {
    case "not_a_number":
      return finding(
        row,
        column,
        problem,
        `“${shown}”不是数字。数值单元格只能填写数字（如 50 或 1,234），不能带文字或单位；未报送请留空。`,
        `"${shown}" is not a number. A value cell holds only a number (e.g. 50 or 1,234), without words or units; leave it blank when not reported.`,
      );
    case "negative":
      return finding(
        row,
        column,
        problem,
        `数值 ${shown} 为负数，“${indicator.zh}”不能小于 0。`,
        `The value ${shown} is negative; ${indicator.en} cannot be below 0.`,
      );
    case "not_integer":
      return finding(
        row,
        column,
        problem,
        `数值 ${shown} 不是整数，“${indicator.zh}”是人数或个数，只能填整数。`,
        `The value ${shown} is not a whole number; ${indicator.en} is a count and takes whole numbers only.`,
      );
    case "too_many_decimals":
      return finding(
        row,
        column,
        problem,
        `数值 ${shown} 的小数位数过多，“${indicator.zh}”最多保留 ${indicator.decimals} 位小数（单位：${indicator.unit}）。`,
        `The value ${shown} has too many decimal places; ${indicator.en} takes at most ${indicator.decimals} (unit: ${indicator.unit}).`,
      );
    case "implausible": {
      const max = indicator.max.toLocaleString("en-US");
      return finding(
        row,
        column,
        problem,
        `数值 ${shown} 超过“${indicator.zh}”的合理上限 ${max}${indicator.unit}（一个单位一个月），请检查是否多填了位数。`,
        `The value ${shown} is above ${max}, the most one unit could report for ${indicator.en} in a month; check for extra digits.`,
      );
    }
  }
}
