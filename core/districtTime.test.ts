import { describe, expect, it } from "vitest";
import { districtTimestamp, districtToday } from "./districtTime.ts";

describe("the district's calendar (Asia/Shanghai, UTC+8)", () => {
  it("turns to the next day at 16:00 UTC", () => {
    expect(districtToday(new Date("2022-08-31T15:59:59.999Z"))).toBe("2022-08-31");
    expect(districtToday(new Date("2022-08-31T16:00:00Z"))).toBe("2022-09-01");
    expect(districtToday(new Date("2022-12-31T16:30:00Z"))).toBe("2023-01-01");
    expect(districtToday(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
  });

  it("agrees with the time zone database on every hour of a year", () => {
    const zone = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
    for (let t = Date.parse("2022-01-01T00:00:00Z"); t < Date.parse("2023-01-01T00:00:00Z"); t += 3600_000) {
      expect(districtToday(new Date(t))).toBe(zone.format(new Date(t)));
    }
  });

  it("writes timestamps with the +08:00 offset", () => {
    expect(districtTimestamp(new Date("2022-09-05T06:32:00Z"))).toBe("2022-09-05T14:32:00+08:00");
  });
});
