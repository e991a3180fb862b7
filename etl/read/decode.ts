/**
 * Bytes of a text upload → a string. Excel on a Chinese Windows saves "CSV" in the ANSI code
 * page (GBK), "CSV UTF-8" with a byte-order mark, and other tools write plain UTF-8. Valid UTF-8
 * is tried first and strictly: GBK text is almost never valid UTF-8, so a failure means GB18030
 * (the superset of GBK and GB2312).
 */
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes strict UTF-8 (a leading BOM is dropped and reported), else GB18030. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { text: iconv.decode(buffer, "gb18030"), encoding: "gb18030" };
  }
}
