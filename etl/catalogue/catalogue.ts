/**
 * The catalogue of reported items (统计项目录): what a plan's monthly template holds, one entry
 * per column key, read from a data file beside the plan (readCatalogue.ts; docs/catalogue.md).
 * A Catalogue is a plain value: the template, the ingest's checks, the year-to-date conversion
 * and the descriptions for analysts all receive it, and the lookups the ingest's hot loops need
 * (by header name, by position) are derived here once, when the catalogue is made.
 */
import { type Finding, finding } from "../finding.ts";
import { headerKey } from "../normalize/indicatorName.ts";

export type Flow = "flow" | "stock";

export interface LocalText {
  zh: string;
  en: string;
}

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

/** A catalogue from its items, with every derived lookup. */
export function catalogueOf(items: readonly Indicator[], file: string): Catalogue {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const byName = new Map<string, IndicatorName>();
  items.forEach((indicator, ordinal) => {
    const month = { indicator, ytd: false, ordinal };
    const ytd = { indicator, ytd: true, ordinal };
    const key = indicator.key.toLowerCase();
    byName.set(key, month);
    byName.set(`${key}_ytd`, ytd);
    for (const name of [indicator.zh, ...indicator.aliases]) {
      const zh = headerKey(name);
      byName.set(zh, month);
      byName.set(`${zh}(累计)`, ytd);
      byName.set(`累计${zh}`, ytd);
    }
  });
  const ordinal = new Map(items.map((i, n) => [i.key, n]));
  const totalOrdinal = items.map((i) => (i.subsetOf === undefined ? -1 : (ordinal.get(i.subsetOf) ?? -1)));
  const partOrdinals = items.map((_, total) =>
    totalOrdinal.flatMap((t, part) => (t === total ? [part] : [])),
  );
  const namedReporters = new Set(items.flatMap((i) => i.reporters));
  return { file, items, byKey, byName, totalOrdinal, partOrdinals, namedReporters };
}

/** A catalogue with no items: what a plan that names none reports. */
export const EMPTY_CATALOGUE: Catalogue = catalogueOf([], "");

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

/** Every name a header cell may use for some item of the catalogue, as written (for the browser's precheck). */
export function headerNames(catalogue: Catalogue): string[] {
  return catalogue.items.flatMap((i) => [
    i.key,
    `${i.key}_ytd`,
    ...[i.zh, ...i.aliases].flatMap((zh) => [zh, `${zh}(累计)`, `累计${zh}`]),
  ]);
}

/** Whether a name is the year-to-date form of a flow the catalogue takes as the month's figure only. */
export function ytdRefused(named: IndicatorName | null): boolean {
  return named?.ytd === true && !named.indicator.ytd && named.indicator.flow === "flow";
}

/** The kinds a registry unit may have (warehouse/registry.ts), which a reporter may name. */
const UNIT_KINDS = new Set(["subdistrict", "town", "department", "other"]);

/**
 * The reporters of a catalogue's items that are neither a unit kind nor a unit of the registry: a
 * typo there would leave an item no one can report, so it is refused when both are loaded.
 */
export function unknownReporters(catalogue: Catalogue, units: readonly { code: string }[]): Finding[] {
  const codes = new Set(units.map((u) => u.code));
  const out: Finding[] = [];
  for (const item of catalogue.items) {
    for (const r of item.reporters) {
      if (UNIT_KINDS.has(r) || codes.has(r)) continue;
      out.push(
        finding(
          null,
          `${item.key}.reporters`,
          "unknown_reporter",
          `统计项目录 ${catalogue.file}：统计项 ${item.key} 的报送单位“${r}”既不是单位类型（subdistrict、town、department、other），也不在单位名录中。`,
          `Catalogue ${catalogue.file}: item ${item.key} names the reporter "${r}", which is neither a unit kind (subdistrict, town, department, other) nor a unit of the registry.`,
        ),
      );
    }
  }
  return out;
}
