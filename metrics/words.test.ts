import { describe, expect, it } from "vitest";
import { unitMetricName } from "./words.ts";

describe("unitMetricName", () => {
  it("drops the district from a name for a unit's own figure", () => {
    expect(unitMetricName({ zh: "全区正规就业人数", en: "District formal employment" })).toEqual({
      zh: "正规就业人数",
      en: "formal employment",
    });
  });
  it("keeps a name that does not say the district", () => {
    expect(unitMetricName({ zh: "失业人员实现再就业", en: "Unemployed people reemployed" })).toEqual({
      zh: "失业人员实现再就业",
      en: "Unemployed people reemployed",
    });
  });
});
