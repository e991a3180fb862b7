/**
 * A unit as named in a file → the registry entry. A unit may be written by its code
 * (`310118002`, `D-HRSS`), its full Chinese name (`盈浦街道`), the Chinese name without its
 * 街道/镇 suffix (`盈浦`), or its English name in any letter case (`yingpu subdistrict`).
 * Spaces around and inside the name and full-width letters and digits do not matter. The
 * registry is data (CONTRACT §2), so the names come from it, never from code.
 */
import { toHalfWidth } from "./halfWidth.ts";

export interface Unit {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

const SUFFIXES = ["街道", "镇", "乡"];
const SPACES = /\s+/g;

/** The lookup form of a name: half-width, no spaces, lower case. */
function keyOf(text: string): string {
  return toHalfWidth(text).replace(SPACES, "").toLowerCase();
}

function shortName(nameZh: string): string | null {
  for (const suffix of SUFFIXES) {
    if (nameZh.length > suffix.length + 1 && nameZh.endsWith(suffix)) return nameZh.slice(0, -suffix.length);
  }
  return null;
}

/** The lookup by normalized names: codes and full names win over short names; a shared short name names neither. */
function normalizedNames(units: readonly Unit[]): Map<string, Unit> {
  const byKey = new Map<string, Unit>();
  const ambiguous = new Set<string>();
  for (const unit of units) {
    const short = shortName(unit.name_zh);
    if (short === null) continue;
    const key = keyOf(short);
    const seen = byKey.get(key);
    if (seen && seen !== unit) ambiguous.add(key);
    else byKey.set(key, unit);
  }
  for (const key of ambiguous) byKey.delete(key);
  for (const unit of units) {
    for (const name of [unit.name_en, unit.name_zh, unit.code]) if (name !== "") byKey.set(keyOf(name), unit);
  }
  return byKey;
}

/**
 * A resolver over the registry. A code written exactly is found at once; the lookup by names
 * and normalized text (spaces, letter case, full-width forms, short names) is built on first
 * need, since a registry may hold tens of thousands of units and large files name them by code.
 */
export function unitResolver(units: readonly Unit[]): (text: string) => Unit | null {
  const byCode = new Map<string, Unit>();
  for (const unit of units) byCode.set(unit.code, unit);
  let byKey: Map<string, Unit> | null = null;
  return (text: string) => {
    const found = byCode.get(text);
    if (found) return found;
    byKey ??= normalizedNames(units);
    return byKey.get(keyOf(text)) ?? null;
  };
}
