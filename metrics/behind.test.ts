import { describe, expect, it } from "vitest";
import { gapText, unitsBehind } from "./behind.ts";
import type { UnitProgress } from "./reportTypes.ts";

function unit(code: string, status: UnitProgress["status"], fields: Partial<UnitProgress>): UnitProgress {
  return {
    unit: code,
    name: code,
    actual: null,
    target: null,
    expected: null,
    progress: null,
    note: null,
    status,
    target_source: null,
    gap: null,
    ...fields,
  };
}

describe("unitsBehind", () => {
  it("puts red before yellow, then the larger shortfall against what each is judged by", () => {
    const metric = {
      judged: "pace" as const,
      final: false,
      direction: "at_least" as const,
      units: [
        // 40 short of 400 expected (10%), red
        unit("A", "red", { actual: 360, expected: 400, target: 600, gap: 40 }),
        // 30 short of 100 expected (30%), red: worse, though fewer persons
        unit("B", "red", { actual: 70, expected: 100, target: 150, gap: 30 }),
        unit("C", "yellow", { actual: 95, expected: 100, target: 150, gap: 5 }),
        unit("D", "green", { actual: 120, expected: 100, target: 150, gap: -20 }),
      ],
    };
    expect(unitsBehind(metric).map((u) => u.unit)).toEqual(["B", "A", "C"]);
  });

  it("judges a level's shortfall against its own expected increase", () => {
    const metric = {
      judged: "pace" as const,
      final: false,
      direction: "at_least" as const,
      units: [
        // 388 short of an increase of 464 expected: 84%
        unit("白鹤", "red", { actual: 47380, expected: 47768, target: 48000, baseline: 47304, gap: 388 }),
        // 111 short of 575: 19%
        unit("香花桥", "red", { actual: 35601, expected: 35712, target: 36000, baseline: 35137, gap: 111 }),
      ],
    };
    expect(unitsBehind(metric).map((u) => u.unit)).toEqual(["白鹤", "香花桥"]);
  });
});

describe("gapText", () => {
  it("says a gap in the target's unit", () => {
    expect(gapText({ direction: "at_least", unit_of_count: "persons" }, 224, "zh")).toBe("差224人");
    expect(gapText({ direction: "at_least", unit_of_count: "share" }, 0.444, "en")).toBe("44.4 points short");
    expect(gapText({ direction: "at_most", unit_of_count: "persons" }, 120, "zh")).toBe("超出120人");
    expect(gapText({ direction: "at_most", unit_of_count: "persons" }, -554, "en")).toBe("554 below the cap");
  });
});
