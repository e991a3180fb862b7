/**
 * Making a catalogue from its items: the lookups the ingest's hot loops need (by header name, by
 * position, totals and parts) are derived here once, so reading a file never searches the list;
 * and the checks of a catalogue against header spellings and the unit registry.
 */
import type { Catalogue, Indicator, IndicatorName } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { headerKey } from "../normalize/indicatorName.ts";

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

/** Every name a header cell may use for some item of the catalogue, as written (for the browser's precheck). */
export function headerNames(catalogue: Catalogue): string[] {
  return catalogue.items.flatMap((i) => [
    i.key,
    `${i.key}_ytd`,
    ...[i.zh, ...i.aliases].flatMap((zh) => [zh, `${zh}(累计)`, `累计${zh}`]),
  ]);
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
