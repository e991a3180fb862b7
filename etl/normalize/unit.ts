/**
 * A unit as named in a file → the registry entry. A unit may be written by its code
 * (`310118002`, `D-HRSS`), its full Chinese name (`盈浦街道`), the Chinese name without its
 * 街道/镇 suffix (`盈浦`), or its English name in any letter case (`yingpu subdistrict`).
 * Spaces around and inside the name and full-width letters and digits do not matter. The
 * registry is data (docs/contract.md §2), so the names come from it, never from code.
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
function normalizedNames(units: readonly Unit[]): Map<string, number> {
  const byKey = new Map<string, number>();
  const ambiguous = new Set<string>();
  units.forEach((unit, i) => {
    const short = shortName(unit.name_zh);
    if (short === null) return;
    const key = keyOf(short);
    const seen = byKey.get(key);
    if (seen !== undefined && units[seen] !== unit) ambiguous.add(key);
    else byKey.set(key, i);
  });
  for (const key of ambiguous) byKey.delete(key);
  units.forEach((unit, i) => {
    for (const name of [unit.name_en, unit.name_zh, unit.code]) if (name !== "") byKey.set(keyOf(name), i);
  });
  return byKey;
}

/**
 * A resolver over the registry to positions in it (-1: no unit). A code written exactly is
 * found at once; the lookup by names and normalized text (spaces, letter case, full-width forms,
 * short names) is built on first need, since a registry may hold tens of thousands of units and
 * large files name them by code.
 */
export function unitPositionResolver(units: readonly Unit[]): (text: string) => number {
  const byCode = new Map<string, number>();
  units.forEach((unit, i) => {
    byCode.set(unit.code, i);
  });
  let byKey: Map<string, number> | null = null;
  return (text: string) => {
    const found = byCode.get(text);
    if (found !== undefined) return found;
    byKey ??= normalizedNames(units);
    return byKey.get(keyOf(text)) ?? -1;
  };
}

/** A resolver over the registry, as unitPositionResolver but to the unit itself (null: no unit). */
export function unitResolver(units: readonly Unit[]): (text: string) => Unit | null {
  const position = unitPositionResolver(units);
  return (text: string) => {
    const i = position(text);
    return i < 0 ? null : units[i];
  };
}
