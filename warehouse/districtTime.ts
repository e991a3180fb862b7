/**
 * The district's time (Asia/Shanghai, UTC+8 all year: no daylight saving since 1991) for
 * instants leaving the warehouse. DuckDB keeps TIMESTAMPTZ as UTC instants and, without its ICU
 * extension (which an offline instance with external access off cannot load), shows and casts
 * them in UTC; so a value is rewritten here, once, as ISO 8601 with the +08:00 offset: the same
 * instant, in the time every page shows.
 */
export const DISTRICT_UTC_OFFSET_HOURS = 8;

/** `2022-09-03T10:00:00+08:00` (milliseconds kept when there are any). */
export function districtIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + DISTRICT_UTC_OFFSET_HOURS * 3600_000).toISOString();
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === ".000" ? "" : ms}+08:00`;
}
