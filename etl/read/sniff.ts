/**
 * Which reader an upload needs, judged from its first bytes (never from the file name alone,
 * since users rename files). The name only sharpens the message when a file is refused.
 */
import { type Finding, finding } from "../../core/finding.ts";

export type UploadFormat = "xlsx" | "csv";

/** How many leading bytes are inspected for binary content. */
const PROBE = 8192;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF16_LE = [0xff, 0xfe];
const UTF16_BE = [0xfe, 0xff];
/** PDF, PNG, JPEG, GIF, gzip, RAR and 7-Zip: binary files whose first bytes may still look textual. */
const BINARY_MAGICS = [
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
];

function refused(zh: string, en: string): { unsupported: Finding } {
  return { unsupported: finding(null, null, "unsupported_format", zh, en) };
}

/** Whether the bytes are only whitespace and byte-order marks: nothing to read. */
function isBlank(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** An HTML page or SpreadsheetML XML, which some systems export under an .xls name. */
function looksMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1")
    .decode(bytes.subarray(0, 256))
    .replace(/^[\s\ufeff\u00ef\u00bb\u00bf]+/, "");
  return /^<(?:!doctype|html|\?xml|table|head|body)\b/i.test(head);
}

/** NUL or other C0 control bytes (tab, CR, LF, form feed and ESC aside) mean a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PROBE);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > 0 && controls * 100 > end;
}

/**
 * `"xlsx"` for a ZIP container, `"csv"` for text, otherwise the finding that refuses the file:
 * empty, an old binary Excel workbook (.xls, or an encrypted .xlsx, which Excel also stores in
 * that container), UTF-16 text, or any other binary such as a PDF or an image.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): UploadFormat | { unsupported: Finding } {
  if (isBlank(bytes)) {
    return {
      unsupported: finding(null, null, "empty_file", "文件为空，没有任何内容。", "The file is empty."),
    };
  }
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, OLE)) {
    if (/\.xlsx$/i.test(fileName)) {
      return refused(
        "该 .xlsx 文件已加密或设置了打开密码，无法读取。请取消密码后另存为 .xlsx 或 CSV 再上传。",
        "This .xlsx file is encrypted or password-protected and cannot be read. Remove the password, save it as .xlsx or CSV and upload again.",
      );
    }
    return refused(
      "这是旧版 Excel 97-2003 工作簿（.xls），不能直接读取。请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV 后再上传。",
      "This is an old Excel 97-2003 workbook (.xls), which cannot be read. In Excel, use Save As to save it as an Excel workbook (.xlsx) or CSV and upload again.",
    );
  }
  if (startsWith(bytes, UTF16_LE) || startsWith(bytes, UTF16_BE)) {
    return refused(
      "文件是 UTF-16 编码的“Unicode 文本”，不能读取。请另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再上传。",
      'The file is UTF-16 "Unicode text", which cannot be read. Save it as "CSV UTF-8 (comma delimited)" or .xlsx and upload again.',
    );
  }
  if (looksMarkup(bytes)) {
    return refused(
      "文件是网页（HTML）或 XML 格式，只是扩展名像表格，不能读取。请在 Excel 中打开后另存为 Excel 工作簿（.xlsx）或 CSV 再上传。",
      "The file is a web page (HTML) or XML with a spreadsheet-like name and cannot be read. Open it in Excel, save it as an Excel workbook (.xlsx) or CSV and upload again.",
    );
  }
  if (BINARY_MAGICS.some((magic) => startsWith(bytes, magic)) || looksBinary(bytes)) {
    return refused(
      "文件不是文本（CSV）或 Excel 工作簿（.xlsx），可能是 PDF、图片或其他格式，不能读取。请上传按模板填写的 .xlsx 或 CSV 文件。",
      "The file is neither text (CSV) nor an Excel workbook (.xlsx); it may be a PDF, an image or another format. Upload the template filled in as .xlsx or CSV.",
    );
  }
  return "csv";
}
