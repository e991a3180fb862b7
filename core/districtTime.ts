/**
 * The district's time: Asia/Shanghai, UTC+8 all year (no daylight saving since 1991), so a fixed
 * offset is exact and no time-zone database is needed. DuckDB keeps TIMESTAMPTZ as UTC instants
 * and, without its ICU extension (which an offline instance with external access off cannot
 * load), shows and casts them in UTC; so every "today", every day's end and every time a page or
 * a record shows is reckoned here, from an instant passed in.
 */
const DISTRICT_UTC_OFFSET_HOURS = 8;

const OFFSET_MS = DISTRICT_UTC_OFFSET_HOURS * 3600_000;
const OFFSET_TEXT = "+08:00";

/** The instant moved by the offset, so its UTC fields read as the district's wall clock. */
export function districtWallClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** Today's date (YYYY-MM-DD) in the district. */
export function districtToday(now: Date): string {
  return districtWallClock(now).toISOString().slice(0, 10);
}

/** `2022-09-03T10:00:00+08:00`: the instant in district time, to the second. */
export function districtTimestamp(now: Date): string {
  return `${districtWallClock(now).toISOString().slice(0, 19)}${OFFSET_TEXT}`;
}

/** `2022-09-03T10:00:00+08:00` (milliseconds kept when there are any). */
export function districtIso(instant: Date): string {
  const shifted = districtWallClock(instant).toISOString();
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === ".000" ? "" : ms}${OFFSET_TEXT}`;
}

/** The instant a district day (YYYY-MM-DD) ends: midnight after it, with its offset. */
export function districtDayEnd(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00${OFFSET_TEXT}`;
}

/** The UTC instant of a wall-clock time in the district (month 1–12; days past the month roll over). */
export function districtInstant(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds) - OFFSET_MS);
}
