/**
 * Bytes of a text upload → text. Excel on a Chinese Windows saves "CSV" in the ANSI code page
 * (GBK), "CSV UTF-8" with a byte-order mark, and other tools write plain UTF-8. Valid UTF-8 is
 * tried first and strictly: GBK text is almost never valid UTF-8, so a failure means GB18030
 * (the superset of GBK and GB2312).
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "utf-8-bom" | "gb18030";

interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The text as UTF-8 bytes, which large files are read from without making one big string. */
interface Utf8Text {
  utf8: Uint8Array;
  encoding: TextEncoding;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Valid UTF-8 as it is (a leading BOM is dropped and reported), else GB18030 re-encoded as UTF-8. */
export function utf8Text(bytes: Uint8Array): Utf8Text {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { utf8: body, encoding: bom ? "utf-8-bom" : "utf-8" };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { utf8: Buffer.from(iconv.decode(buffer, "gb18030"), "utf8"), encoding: "gb18030" };
}

/** The UTF-8 bytes as a string (a BOM left in them is kept as U+FEFF). */
export function utf8String(utf8: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(utf8);
}

/** Decodes strict UTF-8 (a leading BOM is dropped and reported), else GB18030. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { utf8, encoding } = utf8Text(bytes);
  return { text: utf8String(utf8), encoding };
}
