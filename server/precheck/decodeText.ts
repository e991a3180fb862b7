/**
 * An upload's bytes as text in the browser, before it is sent: UTF-8 (with or without BOM) when
 * valid, else GB18030, a superset of the GBK that Excel's "CSV (逗号分隔)" writes on Chinese
 * Windows. The browser's own decoder does it; the server reads the bytes itself (etl/read).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
