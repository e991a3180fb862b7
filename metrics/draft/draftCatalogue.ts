/**
 * What the drafter matches commitments against: the reported items of a catalogue (the command
 * line gives the catalogue of the plans folder's latest plan; this adapter is the only place that
 * knows the catalogue's shape) and the case categories of the ledger (docs/contract.md §4), which towns keep.
 */
import type { Indicator } from "../../core/catalogue.ts";
import type { CaseCategory, CatalogueItem } from "./catalogueMatch.ts";

/** The catalogue's items in the drafter's terms. */
export function catalogueFromIndicators(indicators: readonly Indicator[]): CatalogueItem[] {
  return indicators.map((i) => ({
    key: i.key,
    zh: i.zh,
    en: i.en,
    aliases: [],
    flow: i.flow,
    partOf: i.subsetOf ?? null,
    unitOfCount: i.unitOfCount,
  }));
}

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  {
    key: "zero_family",
    zh: "零就业家庭",
    en: "Zero-employment families",
    aliases: ["零就业家庭成员"],
    reporters: ["subdistrict", "town"],
  },
  {
    key: "hardship",
    zh: "就业困难人员",
    en: "Hardship persons",
    aliases: ["就业困难对象", "困难人员"],
    reporters: ["subdistrict", "town"],
  },
];
