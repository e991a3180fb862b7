/**
 * An .xlsx workbook → the cells of its first worksheet, every cell as the string a user reads in
 * Excel: numbers in plain digits, a formula as its cached result, rich text as its text, dates as
 * YYYY-MM-DD, error values as their code (#N/A), TRUE/FALSE. Row i of the table is Excel row
 * i + 1 (blank rows are kept) and column c is Excel column c + 1, so findings point at the cell
 * the user sees. Cells covered by a merged range, other than its top-left cell, are empty, as
 * Excel shows them.
 *
 * The workbook is read as a stream within WORKBOOK_LIMITS (workbookLimits.ts): the container's
 * parts are inflated chunk by chunk and parsed as SAX events, and each limit is checked as the
 * cells arrive, so an oversized workbook is refused at the first limit it passes, having held no
 * more than that.
 */
import type { CellTable } from "./cellTable.ts";
import { type SheetCells, StringText, sheetCells } from "./sheetCells.ts";
import { WORKBOOK_LIMITS, type WorkbookLimits, WorkbookTooLarge } from "./workbookLimits.ts";
import { readXmlPart } from "./xmlPart.ts";
import { openZipParts, type ZipParts } from "./zipParts.ts";

export { plainNumber } from "./sheetCells.ts";

const RELATIONSHIP = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
};

/** Built-in number formats that show a date: Excel's own, and the Chinese-locale ones (年/月/日). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 36, 45, 46, 47, 50, 51, 52, 53, 54, 57, 58,
]);

/** Whether a custom number format shows a date or time: a y, m, d, h or s outside quotes and []. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare.replace(/\\./g, ""));
}

/** A part's path from a relationship target, relative to the part that names it. */
function resolvePart(from: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : from.slice(0, from.lastIndexOf("/") + 1) + target;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** Where a part's relationships are: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function readRelationships(
  parts: ZipParts,
  part: string,
  limits: WorkbookLimits,
): Promise<Relationship[]> {
  const found: Relationship[] = [];
  await readXmlPart(
    parts,
    relsPath(part),
    {
      open(name, a) {
        if (name === "Relationship" && a.TargetMode !== "External")
          found.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePart(part, a.Target ?? "") });
      },
    },
    limits.cellChars,
  );
  return found;
}

/** The attribute `r:id` whatever prefix the relationships namespace has in this file. */
function relationshipId(attributes: Record<string, string>): string {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(":id")) return value;
  return "";
}

interface WorkbookParts {
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

/** Which parts hold the first worksheet, its shared strings and styles, and the date system. */
async function workbookParts(parts: ZipParts, limits: WorkbookLimits): Promise<WorkbookParts> {
  const root = await readRelationships(parts, "", limits);
  const book = root.find((r) => r.type.endsWith(RELATIONSHIP.officeDocument))?.target ?? "xl/workbook.xml";
  if (!parts.has(book)) throw new Error("the container holds no workbook");
  let firstSheet: string | null = null;
  let date1904 = false;
  await readXmlPart(
    parts,
    book,
    {
      open(name, a) {
        if (name === "sheet" && firstSheet === null) firstSheet = relationshipId(a);
        else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      },
    },
    limits.cellChars,
  );
  const rels = await readRelationships(parts, book, limits);
  const sheet = rels.find((r) => r.id === firstSheet && r.type.endsWith(RELATIONSHIP.worksheet));
  if (!sheet || !parts.has(sheet.target)) throw new Error("the workbook has no worksheet");
  const target = (type: string) => rels.find((r) => r.type.endsWith(type))?.target ?? null;
  return {
    sheet: sheet.target,
    sharedStrings: target(RELATIONSHIP.sharedStrings),
    styles: target(RELATIONSHIP.styles),
    date1904,
  };
}

/** By cell style index: whether the style's number format shows a date. */
async function dateStyles(parts: ZipParts, path: string | null, limits: WorkbookLimits): Promise<boolean[]> {
  if (path === null) return [];
  const custom = new Map<number, boolean>();
  const formats: number[] = [];
  let inCellXfs = false;
  await readXmlPart(
    parts,
    path,
    {
      open(name, a) {
        if (name === "numFmt") custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ""));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    limits.cellChars,
  );
  return formats.map((id) => custom.get(id) ?? DATE_FORMAT_IDS.has(id));
}

/** The shared strings, each the text of its runs (phonetic guides left out). */
async function sharedStrings(
  parts: ZipParts,
  path: string | null,
  limits: WorkbookLimits,
): Promise<string[]> {
  const strings: string[] = [];
  if (path === null) return strings;
  const text = new StringText(limits.cellChars);
  let phonetic = false;
  let inText = false;
  await readXmlPart(
    parts,
    path,
    {
      open(name) {
        if (name === "si") text.reset();
        else if (name === "rPh") phonetic = true;
        else if (name === "t") inText = !phonetic;
      },
      text(value) {
        if (inText) text.add(value);
      },
      close(name) {
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic = false;
        else if (name === "si") {
          if (strings.length >= limits.cells) throw new WorkbookTooLarge("cells", strings.length + 1);
          strings.push(text.value());
        }
      },
    },
    limits.cellChars,
  );
  return strings;
}

/**
 * Reads the first worksheet of an .xlsx file within the limits. Throws WorkbookTooLarge when the
 * workbook passes one of them, and another error when the bytes are not a workbook (a ZIP of
 * something else, a damaged file) or it has no worksheet; the caller turns either into a finding.
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<CellTable> {
  const parts = await openZipParts(bytes, limits);
  try {
    const book = await workbookParts(parts, limits);
    const styles = await dateStyles(parts, book.styles, limits);
    const strings = await sharedStrings(parts, book.sharedStrings, limits);
    const cells: SheetCells = sheetCells({ strings, dateStyles: styles, date1904: book.date1904, limits });
    await readXmlPart(parts, book.sheet, cells.handlers, limits.cellChars);
    return cells.table().trimmed();
  } finally {
    parts.close();
  }
}

/** The first worksheet as a grid of strings (tests, and callers that want rows of text). */
export async function readXlsxGrid(bytes: Uint8Array, limits?: WorkbookLimits): Promise<string[][]> {
  return (await readXlsxTable(bytes, limits)).toGrid();
}
