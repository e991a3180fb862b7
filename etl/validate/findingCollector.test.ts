import { describe, expect, it } from "vitest";
import { finding } from "../../core/finding.ts";
import { excerpt, FindingCollector } from "./findingCollector.ts";

describe("FindingCollector", () => {
  it("lists findings in the order added", () => {
    const c = new FindingCollector();
    c.add(finding(2, "a", "negative", "负", "neg"));
    c.add(finding(3, "b", "not_a_number", "文", "text"));
    expect(c.list().map((f) => `${f.code}@${f.row}`)).toEqual(["negative@2", "not_a_number@3"]);
  });

  it("FindingCollector(3) lists three of a code, then one summary with the count", () => {
    const c = new FindingCollector(3);
    for (let r = 2; r < 10; r++) if (!c.over("negative")) c.add(finding(r, "x", "negative", "负", "neg"));
    c.add(finding(11, "y", "unknown_unit", "单位", "unit"));
    const list = c.list();
    expect(list.map((f) => `${f.code}@${f.row}`)).toEqual([
      "negative@2",
      "negative@3",
      "negative@4",
      "unknown_unit@11",
      "negative@null",
    ]);
    expect(list[4].en).toBe(
      "8 findings of this kind (negative); the first 3 are listed above, 5 more are not.",
    );
    expect(list[4].zh).toContain("共 8 处");
    expect(c.size).toBe(9);
  });

  it("over(code) is false until the limit is reached", () => {
    const c = new FindingCollector(1);
    expect(c.over("x")).toBe(false);
    c.add(finding(1, null, "x", "", ""));
    expect(c.over("x")).toBe(true);
  });
});

describe("excerpt", () => {
  it("excerpt trims, joins lines and cuts at 40 characters", () => {
    expect(excerpt("  约\n50 ")).toBe("约 50");
    expect(excerpt("x".repeat(50))).toBe(`${"x".repeat(40)}…`);
  });
});
