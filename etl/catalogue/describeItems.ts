/**
 * The reported items in words, for analysts: the rows of the warehouse's `indicators` table
 * (v_indicators, one per key across the plans, the latest plan's wording winning), and each
 * item of a catalogue with its names, unit of count, 本月数 or 期末数 and who reports it, as the
 * SQL console's schema browser shows them.
 */

import { type Catalogue, UNITS_OF_COUNT } from "../../core/catalogue.ts";
import type { LocalText } from "../../core/lang.ts";
import type { IndicatorRow } from "../../warehouse/indicatorTable.ts";

export interface ItemDescription {
  key: string;
  zh: string;
  en: string;
  description: LocalText | null;
  unit_of_count: LocalText;
  flow: "flow" | "stock";
  flow_words: LocalText;
  /** Who reports it: unit kinds and units, in words. */
  reported_by: LocalText;
  /** The total a "其中" item may not exceed, if any. */
  subset_of: string | null;
  /** The subsidy a funds item counts, if any. */
  subsidy: string | null;
}

const FLOW_WORDS: Record<"flow" | "stock", LocalText> = {
  flow: { zh: "本月数（当月发生）", en: "this month (a flow)" },
  stock: { zh: "期末数（月末时点）", en: "month-end level (a stock)" },
};

const KIND_WORDS: Record<string, LocalText> = {
  subdistrict: { zh: "街道", en: "subdistricts" },
  town: { zh: "镇", en: "towns" },
  department: { zh: "区级部门", en: "district departments" },
};

/** Each item of a catalogue described, in catalogue order. */
export function describeItems(
  catalogue: Catalogue,
  units: readonly { code: string; name_zh: string; name_en: string }[],
): ItemDescription[] {
  return catalogue.items.map((i) => {
    const by = i.reporters.map((r) => {
      const unit = units.find((u) => u.code === r);
      return KIND_WORDS[r] ?? (unit ? { zh: unit.name_zh, en: unit.name_en } : { zh: r, en: r });
    });
    return {
      key: i.key,
      zh: i.zh,
      en: i.en,
      description: i.description,
      unit_of_count: { zh: i.unit, en: UNITS_OF_COUNT[i.unit].en },
      flow: i.flow,
      flow_words: FLOW_WORDS[i.flow],
      reported_by: { zh: by.map((b) => b.zh).join("、"), en: by.map((b) => b.en).join(", ") },
      subset_of: i.subsetOf ?? null,
      subsidy: i.subsidy,
    };
  });
}

/** One row per item key of the plans' catalogues, worded as the latest plan (by period) has it. */
export function indicatorRows(
  plans: readonly { id: string; period: { first: string }; catalogue: Catalogue }[],
): IndicatorRow[] {
  const rows = new Map<string, IndicatorRow>();
  const ordered = [...plans].sort((a, b) => (a.period.first < b.period.first ? -1 : 1));
  for (const plan of ordered) {
    for (const i of plan.catalogue.items) {
      const earlier = rows.get(i.key);
      rows.set(i.key, {
        indicator: i.key,
        name_zh: i.zh,
        name_en: i.en,
        description_zh: i.description?.zh ?? null,
        description_en: i.description?.en ?? null,
        unit_of_count: i.unit,
        flow: i.flow,
        plans: [...(earlier?.plans ?? []), plan.id],
      });
    }
  }
  return [...rows.values()];
}
