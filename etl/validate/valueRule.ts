/**
 * The rules for one value cell of the monthly template (CONTRACT §3): text in a number cell,
 * negative counts, fractions of a person or post (only 亿元 amounts may have decimals), and
 * counts above anything a district could hold. The check is split from the message so that a
 * file with the same mistake on a million rows does not build a million messages.
 */
import { type Finding, finding } from "../finding.ts";
import { type Indicator, MAX_PLAUSIBLE } from "../indicators.ts";
import type { ParsedNumber } from "../normalize/number.ts";
import { excerpt } from "./findingCollector.ts";

export type ValueProblem = "not_a_number" | "negative" | "not_integer" | "implausible";

/** A module-local copy: the check runs once per cell. */
const LIMIT = MAX_PLAUSIBLE;

/** What is wrong with a parsed cell of this indicator, or null when the value may be kept. */
export function valueProblem(parsed: ParsedNumber, indicator: Indicator): ValueProblem | null {
  if ("error" in parsed) return "not_a_number";
  const value = parsed.value;
  if (value === null) return null;
  if (value < 0) return "negative";
  if (!indicator.decimals && !Number.isInteger(value)) return "not_integer";
  if (value > LIMIT) return "implausible";
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
  const indicator = known ?? { zh: "该项", en: "this item" };
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
    case "implausible":
      return finding(
        row,
        column,
        problem,
        `数值 ${shown} 超过 ${MAX_PLAUSIBLE.toLocaleString("en-US")}，对一个区而言不可能，请检查是否多填了位数。`,
        `The value ${shown} is above ${MAX_PLAUSIBLE.toLocaleString("en-US")}, more than any district could have; check for extra digits.`,
      );
  }
}
