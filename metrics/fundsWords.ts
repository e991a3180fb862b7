/**
 * The policy's money in words, as the command line's table, the 政策资金 page and the brief all say
 * it: whom a subsidy reached with its unit of count, who paid it, and the sentence of the total.
 * Counts added up over months (and over subsidies) count a person paid twice twice, so totals say
 * 人次 / 家次 (person-times, firm-times); and nothing is called a standard, since the policy sets
 * none. Pure.
 */
import { UNITS_OF_COUNT, type UnitOfCount } from "../core/catalogue.ts";
import type { Lang } from "../core/lang.ts";
import { formatMonth, formatWan, groupThousands } from "./formatValue.ts";
import type { Funds } from "./reportTypes.ts";

/** `419人` / `419 persons`; a count in 个 is bare in English (its unit says no more than "count"). */
export function reachText(count: number | null, unit: string | null, lang: Lang): string {
  if (count === null) return "—";
  const n = groupThousands(count);
  if (lang === "zh") return `${n}${unit ?? ""}`;
  const en = unit !== null && unit in UNITS_OF_COUNT ? UNITS_OF_COUNT[unit as UnitOfCount].en : "";
  return en && en !== "count" ? `${n} ${en}` : n;
}

/** The units that paid a subsidy: up to three by name, else how many. */
export function payerText(names: readonly string[], lang: Lang): string {
  if (names.length === 0) return "—";
  if (names.length <= 3) return names.join(lang === "zh" ? "、" : ", ");
  return lang === "zh" ? `${names.length}个单位` : `${names.length} units`;
}

/**
 * The reached totals of 人 and 家, as times: `17,883人次、666家次` / `17,883 payments to persons and
 * 666 to firms` (English has no person-time; each counted time is one payment to one person or firm).
 */
export function reachedTotals(funds: Pick<Funds, "reached">, lang: Lang): string {
  const parts: string[] = [];
  for (const { unit, count } of funds.reached) {
    if (count <= 0) continue;
    const n = groupThousands(count);
    const payments = parts.length ? "" : count === 1 ? " payment" : " payments";
    if (unit === "人") parts.push(lang === "zh" ? `${n}人次` : `${n}${payments} to persons`);
    else if (unit === "家") parts.push(lang === "zh" ? `${n}家次` : `${n}${payments} to firms`);
  }
  return parts.join(lang === "zh" ? "、" : " and ");
}

/**
 * One sentence on the money as of a month: `截至2022年8月，各单位报告已发放政策资金2,439.65万元，惠及17,883人次、666家次；政策未设资金目标。`
 */
export function fundsSentence(funds: Funds, asOf: string, lang: Lang): string {
  const paid = funds.paid === null ? null : formatWan(funds.paid, lang);
  const reached = reachedTotals(funds, lang);
  const count = funds.subsidies.length;
  if (lang === "zh") {
    const what =
      paid === null
        ? `${count}项政策补贴尚无单位报告发放数`
        : `各单位报告${count}项政策补贴已发放${paid}${reached ? `，惠及${reached}` : ""}`;
    return `截至${formatMonth(asOf, "zh")}，${what}；政策未设资金目标。`;
  }
  const what =
    paid === null
      ? `no unit has reported a payment of the ${count} subsidies yet`
      : `the units report ${paid} paid in ${count} subsidies${reached ? `: ${reached}` : ""}`;
  return `As of ${formatMonth(asOf, "en")}, ${what}; the policy sets no target for the money.`;
}
