import { describe, expect, it } from "vitest";
import { UNITS } from "../testdata/units.ts";
import { unitResolver } from "./unit.ts";

const resolve = unitResolver(UNITS);
const codeOf = (text: string) => resolve(text)?.code ?? null;

describe("unitResolver", () => {
  const names: [string, string][] = [
    ["310118002", "310118002"],
    ["盈浦街道", "310118002"],
    ["盈浦", "310118002"],
    ["朱家角镇", "310118102"],
    ["朱家角", "310118102"],
    ["香花桥", "310118003"],
    ["Yingpu Subdistrict", "310118002"],
    ["yingpu subdistrict", "310118002"],
    ["ZHUJIAJIAO TOWN", "310118102"],
    ["  朱家角镇 ", "310118102"],
    ["３１０１１８１０２", "310118102"],
    ["D-HRSS", "D-HRSS"],
    ["d-hrss", "D-HRSS"],
    ["区人力资源社会保障局", "D-HRSS"],
    ["区金融工作局", "D-FIN"],
    ["District SASAC", "D-SASAC"],
    ["盈浦 街道", "310118002"],
  ];
  for (const [text, code] of names) {
    it(`unitResolver(registry)('${text}') is ${code}`, () => {
      expect(codeOf(text)).toBe(code);
    });
  }

  for (const text of ["", "青浦区", "盈", "310118101", "310118108", "徐泾镇镇", "Yingpu"]) {
    it(`unitResolver(registry)('${text}') is null`, () => {
      expect(codeOf(text)).toBeNull();
    });
  }

  it("a short name two units share names neither, while their full names still resolve", () => {
    const units = [
      { code: "A", name_zh: "新桥镇", name_en: "Xinqiao Town", kind: "town" },
      { code: "B", name_zh: "新桥街道", name_en: "Xinqiao Subdistrict", kind: "subdistrict" },
    ];
    const r = unitResolver(units);
    expect(r("新桥")).toBeNull();
    expect(r("新桥镇")?.code).toBe("A");
    expect(r("新桥街道")?.code).toBe("B");
  });

  it("a unit added to the registry is resolved without code changes", () => {
    const r = unitResolver([
      ...UNITS,
      { code: "P-IND", name_zh: "工业园区", name_en: "Industrial Park", kind: "town" },
    ]);
    expect(r("工业园区")?.code).toBe("P-IND");
  });
});
