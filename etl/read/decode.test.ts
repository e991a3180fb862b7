import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("decodeText(utf-8 '单位,报告月份') is that text as utf-8", () => {
    expect(decodeText(utf8("单位,报告月份\n盈浦街道,2022-08"))).toEqual({
      text: "单位,报告月份\n盈浦街道,2022-08",
      encoding: "utf-8",
    });
  });

  it("decodeText(BOM + utf-8) drops the BOM and reports utf-8-bom", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("单位,month")]);
    expect(decodeText(bytes)).toEqual({ text: "单位,month", encoding: "utf-8-bom" });
  });

  it("decodeText(GBK bytes of '朱家角镇,正规就业人数') is that text as gb18030", () => {
    const bytes = new Uint8Array(
      iconv.encode("单位,报告月份,正规就业人数\r\n朱家角镇,2022年8月,39384\r\n", "gbk"),
    );
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe("单位,报告月份,正规就业人数\r\n朱家角镇,2022年8月,39384\r\n");
  });

  it("decodeText(GB18030 four-byte characters) round-trips", () => {
    const bytes = new Uint8Array(iconv.encode("𠀀街道,１２３", "gb18030"));
    expect(decodeText(bytes)).toEqual({ text: "𠀀街道,１２３", encoding: "gb18030" });
  });

  it("decodeText(plain ASCII) is utf-8", () => {
    expect(decodeText(utf8("unit,month\r\n310118002,2022-08"))).toEqual({
      text: "unit,month\r\n310118002,2022-08",
      encoding: "utf-8",
    });
  });

  it("decodeText(empty bytes) is an empty utf-8 text", () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8" });
  });

  it("decodeText(a subarray view) decodes only the viewed bytes", () => {
    const whole = new Uint8Array(iconv.encode("xx盈浦街道", "gbk"));
    expect(decodeText(whole.subarray(2)).text).toBe("盈浦街道");
  });
});
