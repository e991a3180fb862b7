/**
 * The catalogue of reported items (统计项目录): what a plan's monthly template holds, one entry
 * per column key, read from a data file beside the plan (etl/catalogue/readCatalogue.ts; docs/catalogue.md).
 * A Catalogue is a plain value: the template, the ingest's checks, the year-to-date conversion,
 * the metrics and the descriptions for analysts all receive it, so its shape is one of the words
 * every folder shares; the lookups the ingest's hot loops need (by header name, by position) are
 * derived once, when etl/catalogue/catalogueOf.ts makes it.
 */
import type { LocalText } from "./lang.ts";

type Flow = "flow" | "stock";

/** Units of count a catalogue may use, with their English words and the code formatters know. */
export const UNITS_OF_COUNT = {
  人: { en: "persons", code: "persons" },
  人次: { en: "person-times", code: "person_times" },
  户: { en: "households", code: "households" },
  个: { en: "count", code: "posts" },
  家: { en: "firms", code: "firms" },
  万元: { en: "10,000 CNY", code: "10k_cny" },
  亿元: { en: "100 million CNY", code: "100m_cny" },
} as const;

export type UnitOfCount = keyof typeof UNITS_OF_COUNT;

export interface Indicator {
  key: string;
  /** The name, which is also the template's header (with the plan's year filled in). */
  zh: string;
  en: string;
  description: LocalText | null;
  /** The unit of count as the template says it (人, 家, 万元 …). */
  unit: UnitOfCount;
  /** The same unit as a code (persons, posts, 10k_cny, 100m_cny …), for formatting figures. */
  unitOfCount: string;
  /** A flow is counted within the month (本月数), a stock is the level at month end (期末数). */
  flow: Flow;
  /** Unit kinds (subdistrict, town, department) or unit codes that report it. */
  reporters: readonly string[];
  /** The total this "其中" item may not exceed in the same unit-month. */
  subsetOf?: string;
  /** Decimal places a value may have (0: whole numbers only). */
  decimals: number;
  /** The largest value one unit may report for one month. */
  max: number;
  /** Whether a year-to-date (累计) column of it may be sent; never for a stock. */
  ytd: boolean;
  /** Earlier Chinese headers still read, so files made from an older template keep loading. */
  aliases: readonly string[];
  /** Funds: the subsidy the item counts (the persons or firms reached, and the amount paid share it). */
  subsidy: string | null;
  /** Funds: the reported item whose figures the subsidy is read beside (e.g. grads_employed). */
  serves: string | null;
}

/** An item as a header or an `indicator` cell names it, and whether the figure is year-to-date. */
export interface IndicatorName {
  indicator: Indicator;
  ytd: boolean;
  /** The item's position in the catalogue, for array-indexed lookups in hot loops. */
  ordinal: number;
}

export interface Catalogue {
  /** The file it was read from, as the plan names it. */
  file: string;
  items: readonly Indicator[];
  byKey: ReadonlyMap<string, Indicator>;
  /** headerKey of every accepted name (key, header, alias; and their year-to-date forms). */
  byName: ReadonlyMap<string, IndicatorName>;
  /** By ordinal: the ordinal of the item's total (subsetOf), or -1. */
  totalOrdinal: readonly number[];
  /** By ordinal: the ordinals of the item's parts. */
  partOrdinals: readonly (readonly number[])[];
  /** Unit codes some item names as a reporter (other units report by their kind). */
  namedReporters: ReadonlySet<string>;
}

/** Whether a unit (by its code and kind) reports an item. */
export function reports(indicator: Indicator, unit: { code: string; kind: string }): boolean {
  return indicator.reporters.includes(unit.kind) || indicator.reporters.includes(unit.code);
}

/** The items a unit reports, in catalogue order. */
export function itemsOf(catalogue: Catalogue, unit: { code: string; kind: string }): Indicator[] {
  return catalogue.items.filter((i) => reports(i, unit));
}

/** The total an item is part of, or undefined. */
export function totalOf(catalogue: Catalogue, indicator: Indicator): Indicator | undefined {
  return indicator.subsetOf === undefined ? undefined : catalogue.byKey.get(indicator.subsetOf);
}

/** Whether a name is the year-to-date form of a flow the catalogue takes as the month's figure only. */
export function ytdRefused(named: IndicatorName | null): boolean {
  return named?.ytd === true && !named.indicator.ytd && named.indicator.flow === "flow";
}
