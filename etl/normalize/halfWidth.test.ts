import { describe, expect, it } from "vitest";
import { hasFullWidth, toHalfWidth } from "./halfWidth.ts";

describe("toHalfWidth", () => {
  it("toHalfWidth('２０２２／８') is 2022/8", () => {
    expect(toHalfWidth("２０２２／８")).toBe("2022/8");
  });

  it("toHalfWidth('（累计）') is (累计)", () => {
    expect(toHalfWidth("（累计）")).toBe("(累计)");
  });

  it("toHalfWidth('\\u3000Ａｂ，') folds the ideographic space, letters and comma", () => {
    expect(toHalfWidth("\u3000Ａｂ，")).toBe(" Ab,");
  });

  it("toHalfWidth('盈浦街道') returns the same text", () => {
    expect(toHalfWidth("盈浦街道")).toBe("盈浦街道");
  });

  it("hasFullWidth('123') is false and hasFullWidth('１23') is true", () => {
    expect(hasFullWidth("123")).toBe(false);
    expect(hasFullWidth("１23")).toBe(true);
  });
});
