/**
 * An indicator as named in a header cell (wide layout) or an `indicator` cell (long layout) →
 * the catalog entry, and whether the figure is year-to-date. Accepted: the English key
 * (`reemployed`), the Chinese header of CONTRACT §3 (`失业人员实现再就业人数`) or an earlier one the
 * catalog still reads (`新增就业岗位数`, now `新增就业人数`), and for
 * year-to-date figures `<key>_ytd`, `<中文表头>(累计)` or `累计<中文表头>`. Matching is on the
 * whole normalized text (never a prefix: `其中面向高校毕业生岗位数` and
 * `其中面向高校毕业生岗位数(新城)` are different indicators).
 */
import { INDICATORS, type Indicator } from "../indicators.ts";
import { toHalfWidth } from "./halfWidth.ts";

export interface IndicatorName {
  indicator: Indicator;
  ytd: boolean;
  /** The indicator's position in INDICATORS, for array-indexed lookups in hot loops. */
  ordinal: number;
}

const SPACES = /\s+/g;
const MARKS = /^\*+|\*+$/g;
const COHORT = /^\d{4}届/;

/**
 * The comparable form of a header: half-width (so `（累计）` is `(累计)`), no whitespace at all
 * (Excel headers often hold line breaks), no `*` required-field marks, lower case. The cohort
 * year of 2022届离校未就业高校毕业生人数 is generalized, so next year's template reads the same.
 */
export function headerKey(text: string): string {
  return toHalfWidth(text).replace(SPACES, "").replace(MARKS, "").toLowerCase().replace(COHORT, "yyyy届");
}

function catalogByName(): Map<string, IndicatorName> {
  const names = new Map<string, IndicatorName>();
  INDICATORS.forEach((indicator, ordinal) => {
    const key = indicator.key.toLowerCase();
    const month = { indicator, ytd: false, ordinal };
    const ytd = { indicator, ytd: true, ordinal };
    names.set(key, month);
    names.set(`${key}_ytd`, ytd);
    for (const name of [indicator.zh, ...(indicator.aliases ?? [])]) {
      const zh = headerKey(name);
      names.set(zh, month);
      names.set(`${zh}(累计)`, ytd);
      names.set(`累计${zh}`, ytd);
    }
  });
  return names;
}

/** Derived once from the catalog; read-only afterwards. */
const BY_NAME: ReadonlyMap<string, IndicatorName> = catalogByName();

/** The indicator a header or indicator cell names, or null. */
export function indicatorByName(text: string): IndicatorName | null {
  return BY_NAME.get(headerKey(text)) ?? null;
}

const ORDINALS: ReadonlyMap<Indicator, number> = new Map(INDICATORS.map((indicator, i) => [indicator, i]));

/** The indicator's position in the catalog (INDICATORS order), for array-indexed lookups. */
export function indicatorOrdinal(indicator: Indicator): number {
  return ORDINALS.get(indicator)!;
}
