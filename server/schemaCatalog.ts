/**
 * The schema browser's data for the SQL console (`GET /api/schema`): each analyst view with its
 * columns and what they mean (warehouse/viewDescriptions.ts), and each reported item of the
 * monthly template with its names, unit of count, whether it is a monthly flow (本月数) or a
 * month-end stock (期末数), and who reports it. The items are read from etl/indicators.ts, in
 * `indicatorDescriptions` only, so the day the catalogue becomes a data file one function changes.
 */
import { INDICATORS } from "../etl/indicators.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { ANALYST_VIEWS } from "../warehouse/sandbox.ts";
import { describeViews, type ViewSchema } from "../warehouse/viewDescriptions.ts";

export interface IndicatorDescription {
  key: string;
  zh: string;
  en: string;
  unit_of_count: { zh: string; en: string };
  flow: "flow" | "stock";
  flow_words: { zh: string; en: string };
  /** Who reports it: unit kinds and units, in words. */
  reported_by: { zh: string; en: string };
  /** The total a "其中" item may not exceed, if any. */
  subset_of: string | null;
}

const COUNTS: Record<string, { zh: string; en: string }> = {
  persons: { zh: "人", en: "persons" },
  posts: { zh: "个岗位", en: "posts" },
  villages: { zh: "个村居", en: "villages and neighbourhoods" },
  "100m_cny": { zh: "亿元", en: "100 million CNY" },
};

const FLOW_WORDS = {
  flow: { zh: "本月数（当月发生）", en: "this month (a flow)" },
  stock: { zh: "期末数（月末时点）", en: "month-end level (a stock)" },
};

const KIND_WORDS: Record<string, { zh: string; en: string }> = {
  subdistrict: { zh: "街道", en: "subdistricts" },
  town: { zh: "镇", en: "towns" },
  department: { zh: "区级部门", en: "district departments" },
};

export function indicatorDescriptions(units: readonly Unit[]): IndicatorDescription[] {
  return INDICATORS.map((i) => {
    const by = i.reporters.map((r) => {
      const unit = units.find((u) => u.code === r);
      return KIND_WORDS[r] ?? (unit ? { zh: unit.name_zh, en: unit.name_en } : { zh: r, en: r });
    });
    return {
      key: i.key,
      zh: i.zh,
      en: i.en,
      unit_of_count: COUNTS[i.unitOfCount] ?? { zh: i.unitOfCount, en: i.unitOfCount },
      flow: i.flow,
      flow_words: FLOW_WORDS[i.flow],
      reported_by: { zh: by.map((b) => b.zh).join("、"), en: by.map((b) => b.en).join(", ") },
      subset_of: i.subsetOf ?? null,
    };
  });
}

export interface SchemaCatalog {
  views: ViewSchema[];
  indicators: IndicatorDescription[];
}

export async function schemaCatalog(db: Warehouse, units: readonly Unit[]): Promise<SchemaCatalog> {
  return { views: await describeViews(db, ANALYST_VIEWS), indicators: indicatorDescriptions(units) };
}
