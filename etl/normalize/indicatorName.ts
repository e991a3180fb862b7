/**
 * A reported item as named in a header cell (wide layout) or an `indicator` cell (long layout) →
 * the catalogue entry, and whether the figure is year-to-date. Accepted: the English key
 * (`reemployed`), the Chinese header the catalogue gives (`失业人员实现再就业人数`) or an earlier
 * one it still reads (an alias), and for year-to-date figures `<key>_ytd`, `<中文表头>(累计)` or
 * `累计<中文表头>`. Matching is on the whole normalized text (never a prefix:
 * `其中面向高校毕业生岗位数` and `其中面向高校毕业生岗位数(新城)` are different items).
 */
import type { Catalogue, IndicatorName } from "../../core/catalogue.ts";
import { toHalfWidth } from "./halfWidth.ts";

const SPACES = /\s+/g;
const MARKS = /^\*+|\*+$/g;
const COHORT = /^\d{4}届/;

/**
 * The comparable form of a header: half-width (so `（累计）` is `(累计)`), no whitespace at all
 * (Excel headers often hold line breaks), no `*` required-field marks, lower case. A leading
 * cohort year (2022届离校未就业高校毕业生人数) is generalized, so a file made from another year's
 * template still reads.
 */
export function headerKey(text: string): string {
  return toHalfWidth(text).replace(SPACES, "").replace(MARKS, "").toLowerCase().replace(COHORT, "yyyy届");
}

/** The item a header or indicator cell names in the catalogue, or null. */
export function indicatorByName(catalogue: Catalogue, text: string): IndicatorName | null {
  return catalogue.byName.get(headerKey(text)) ?? null;
}
