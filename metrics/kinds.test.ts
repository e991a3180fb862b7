import { describe, expect, it } from "vitest";
import { capProgress } from "./cap.ts";
import { cumulativeProgress } from "./cumulative.ts";
import { deadlineProgress } from "./deadline.ts";
import { districtBaseline, levelProgress, shareOfTarget } from "./level.ts";
import { ratioProgress } from "./ratio.ts";

describe("cumulative", () => {
  it("exactly on pace is green: 1200 × 3/12 = 300 expected, 300 done", () => {
    expect(cumulativeProgress({ target: 1200, actual: 300, pace: 3 / 12 })).toEqual({
      actual: 300,
      expected: 300,
      progress: 0.25,
      met: false,
      status: "green",
    });
  });
  it("exactly 90% of pace is yellow: 270 of 300", () => {
    expect(cumulativeProgress({ target: 1200, actual: 270, pace: 3 / 12 }).status).toBe("yellow");
  });
  it("just under 90% of pace is red: 269.9 of 300", () => {
    expect(cumulativeProgress({ target: 1200, actual: 269.9, pace: 3 / 12 }).status).toBe("red");
  });
  it("exactly 90% of a fractional pace is yellow: 910 × 8/12 × 0.9 = 546", () => {
    expect(cumulativeProgress({ target: 910, actual: 546, pace: 8 / 12 }).status).toBe("yellow");
  });
  it("is met once the target is reached", () => {
    expect(cumulativeProgress({ target: 1200, actual: 1200, pace: 0.5 }).met).toBe(true);
  });
  it("without a target is no_target, without data no_data", () => {
    expect(cumulativeProgress({ target: null, actual: 30, pace: 0.25 }).status).toBe("no_target");
    expect(cumulativeProgress({ target: 100, actual: null, pace: 0.25 })).toMatchObject({
      status: "no_data",
      expected: 25,
    });
  });
});

describe("level", () => {
  it("expected = B + (T − B) × pace: 800 + 200 × 3/12 = 850; on it is green; progress is the increase's share, 50/200", () => {
    expect(levelProgress({ target: 1000, actual: 850, baseline: 800, pace: 0.25 })).toMatchObject({
      expected: 850,
      status: "green",
      progress: 0.25,
    });
    expect(shareOfTarget(850, 1000)).toBe(0.85);
  });
  it("yellow from B + 90% of the way to expected: 845 is yellow, 844.9 red", () => {
    expect(levelProgress({ target: 1000, actual: 845, baseline: 800, pace: 0.25 }).status).toBe("yellow");
    expect(levelProgress({ target: 1000, actual: 844.9, baseline: 800, pace: 0.25 }).status).toBe("red");
  });
  it("without a baseline is held against the target", () => {
    expect(levelProgress({ target: 1000, actual: 900, baseline: null, pace: 0.25 })).toMatchObject({
      expected: null,
      status: "yellow",
      progress: null,
    });
  });
  it("a baseline already at the target needs no increase: judged on the level, progress null", () => {
    expect(levelProgress({ target: 1000, actual: 1010, baseline: 1020, pace: 0.25 })).toMatchObject({
      status: "green",
      met: true,
      progress: null,
    });
    expect(levelProgress({ target: 1000, actual: 950, baseline: 1020, pace: 0.25 }).status).toBe("yellow");
  });
  it("the district baseline is the units' total when all reported it, else the plan's, else the partial total", () => {
    expect(districtBaseline([400, 300, 100], 700)).toBe(800);
    expect(districtBaseline([400, null, 100], 700)).toBe(700);
    expect(districtBaseline([400, null, 100], null)).toBe(500);
    expect(districtBaseline([null], null)).toBeNull();
  });
});

describe("cap", () => {
  const tolerance = 0.05;
  it("with a 5% tolerance: exactly 0.95·T is green, exactly T yellow, above T red", () => {
    expect(capProgress({ target: 12000, actual: 11400, tolerance })).toMatchObject({
      status: "green",
      met: true,
      expected: null,
    });
    expect(capProgress({ target: 12000, actual: 12000, tolerance })).toMatchObject({
      status: "yellow",
      met: true,
    });
    expect(capProgress({ target: 12000, actual: 12001, tolerance })).toMatchObject({
      status: "red",
      met: false,
    });
  });
  it("just above 0.95·T is yellow", () => {
    expect(capProgress({ target: 100, actual: 95.01, tolerance }).status).toBe("yellow");
  });
  it("with tolerance 0: exactly T is green, never yellow", () => {
    expect(capProgress({ target: 100, actual: 100, tolerance: 0 }).status).toBe("green");
    expect(capProgress({ target: 100, actual: 100.01, tolerance: 0 }).status).toBe("red");
  });
});

describe("ratio", () => {
  it("above T: exactly T is not met; above T is met (the judged mode makes it yellow or red: judgement.test.ts)", () => {
    expect(ratioProgress({ target: 0.8, direction: "above", numerator: 80, denominator: 100 })).toMatchObject(
      {
        actual: 0.8,
        met: false,
        status: "red",
        expected: null,
        progress: 1,
      },
    );
    expect(ratioProgress({ target: 0.8, direction: "above", numerator: 81, denominator: 100 })).toMatchObject(
      { met: true, status: "green" },
    );
  });
  it("at least T: exactly T is met", () => {
    expect(ratioProgress({ target: 0.5, direction: "at_least", numerator: 1, denominator: 2 })).toMatchObject(
      { met: true, status: "green" },
    );
  });
  it("no denominator is no_data", () => {
    expect(ratioProgress({ target: 0.5, direction: "at_least", numerator: 0, denominator: 0 }).status).toBe(
      "no_data",
    );
  });
});

describe("deadline", () => {
  it("is the share of decided cases closed on time, judged like a ratio", () => {
    expect(deadlineProgress({ target: 1, direction: "at_least", decided: 3, onTime: 3 })).toMatchObject({
      actual: 1,
      met: true,
      status: "green",
    });
    expect(deadlineProgress({ target: 1, direction: "at_least", decided: 20, onTime: 19 })).toMatchObject({
      actual: 0.95,
      met: false,
    });
    expect(deadlineProgress({ target: 1, direction: "at_least", decided: 3, onTime: 1 }).status).toBe("red");
    expect(deadlineProgress({ target: 1, direction: "at_least", decided: 0, onTime: 0 }).status).toBe(
      "no_data",
    );
  });
});
