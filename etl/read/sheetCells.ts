/**
 * A worksheet's XML events → a table of coded cells (cellTable.ts), built as the rows stream by,
 * with the workbook's limits checked on every row and cell: the highest row number holding a
 * value, the cells the grid holds (blanks to the left of a value included) and the characters of
 * a cell. Cells without a value (formatting only) take no room, so a sheet formatted down to its
 * last row costs only the time to pass over it. Merged ranges, listed after the cells, empty
 * their covered cells at the end.
 */
import { EMPTY_CODE } from "./cellDictionary.ts";
import { CellTable } from "./cellTable.ts";
import { type WorkbookLimits, WorkbookTooLarge } from "./workbookLimits.ts";
import type { XmlHandlers } from "./xmlPart.ts";

/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;

/** Plain decimal digits: no exponent, no binary float noise (0.1 + 0.2 → "0.3"). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes("e")) return text;
  return rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date serial as YYYY-MM-DD: days since 1899-12-30 (1900 system) or 1904-01-01, as Excel counts. */
function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return "";
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** A text gathered from pieces, refused past the length a cell may have. */
export class StringText {
  readonly #max: number;
  #pieces: string[] = [];
  #length = 0;
  constructor(max: number) {
    this.#max = max;
  }
  reset(): void {
    this.#pieces = [];
    this.#length = 0;
  }
  add(piece: string): void {
    this.#length += piece.length;
    if (this.#length > this.#max) throw new WorkbookTooLarge("cellChars", this.#length);
    this.#pieces.push(piece);
  }
  value(): string {
    return this.#pieces.length === 1 ? this.#pieces[0] : this.#pieces.join("");
  }
}

/** `B12` → column 1 (0-based) and row 12; -1 for a part that is absent. */
function cellRef(ref: string): { column: number; row: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  const row = i < ref.length ? Number(ref.slice(i)) : -1;
  return { column: column - 1, row: Number.isInteger(row) ? row : -1 };
}

export interface SheetCells {
  handlers: XmlHandlers;
  /** The table of the cells read, once the sheet has been read to its end. */
  table(): CellTable;
}

function grown(array: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= array.length) return array;
  const next = new Int32Array(Math.max(need, array.length * 2));
  next.set(array);
  return next;
}

export function sheetCells(book: {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: WorkbookLimits;
}): SheetCells {
  const { strings, dateStyles, date1904, limits } = book;
  const texts = [""];
  const codeOf = new Map<string, number>([["", EMPTY_CODE]]);
  let codes = new Int32Array(1024);
  let starts = new Int32Array(256);
  let cellCount = 0;
  let rowCount = 0;
  let width = 0;
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];

  /** The row being read: its Excel number and its cells' codes so far. */
  let rowNumber = 0;
  let rowCodes: number[] = [];
  /** The cell being read. */
  let column = -1;
  let type = "";
  let dateStyle = false;
  const value = new StringText(limits.cellChars);
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phonetic = false;
  let hasValue = false;

  /** Puts the row read into the table, after the blank rows above it; a row without a value is left out. */
  const flushRow = () => {
    if (rowCodes.length === 0) return;
    if (rowNumber > limits.rows) throw new WorkbookTooLarge("rows", rowNumber);
    starts = grown(starts, rowNumber + 1);
    while (rowCount < rowNumber - 1) starts[rowCount++] = cellCount;
    if (cellCount + rowCodes.length > limits.cells)
      throw new WorkbookTooLarge("cells", cellCount + rowCodes.length);
    codes = grown(codes, cellCount + rowCodes.length);
    starts[rowCount++] = cellCount;
    codes.set(rowCodes, cellCount);
    cellCount += rowCodes.length;
    if (rowCodes.length > width) width = rowCodes.length;
    rowCodes = [];
  };

  const cellText = (raw: string): string => {
    switch (type) {
      case "s":
        return strings[Number(raw)] ?? "";
      case "inlineStr":
      case "str":
      case "e":
        return raw;
      case "b":
        return raw === "1" || raw === "true" ? "TRUE" : "FALSE";
      case "d":
        return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
      default: {
        if (raw.trim() === "") return "";
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return dateStyle ? serialDate(n, date1904) : plainNumber(n);
      }
    }
  };

  const endCell = () => {
    if (!hasValue) return;
    const text = cellText(value.value());
    if (text === "") return;
    let code = codeOf.get(text);
    if (code === undefined) {
      code = texts.push(text) - 1;
      codeOf.set(text, code);
    }
    if (column >= rowCodes.length) {
      if (cellCount + column + 1 > limits.cells) throw new WorkbookTooLarge("cells", cellCount + column + 1);
      while (rowCodes.length < column) rowCodes.push(EMPTY_CODE);
      rowCodes.push(code);
    } else rowCodes[column] = code;
  };

  const handlers: XmlHandlers = {
    open(name, a) {
      switch (name) {
        case "row": {
          flushRow();
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r <= rowNumber) throw new Error("rows out of order");
          rowNumber = r;
          column = -1;
          break;
        }
        case "c": {
          const ref = a.r === undefined ? null : cellRef(a.r);
          column = ref && ref.column >= 0 ? ref.column : column + 1;
          if (column >= MAX_COLUMNS) throw new Error("a cell beyond the last column");
          type = a.t ?? "n";
          dateStyle = a.s !== undefined && dateStyles[Number(a.s)] === true;
          value.reset();
          hasValue = false;
          break;
        }
        case "v":
          inValue = true;
          hasValue = true;
          break;
        case "is":
          inInline = true;
          hasValue = true;
          break;
        case "rPh":
          phonetic = true;
          break;
        case "t":
          inText = inInline && !phonetic;
          break;
        case "mergeCell": {
          const [from, to] = (a.ref ?? "").split(":");
          const start = cellRef(from ?? "");
          const end = to === undefined ? start : cellRef(to);
          if (start.row > 0 && end.row > 0 && start.column >= 0 && end.column >= 0)
            merges.push({ r1: start.row - 1, c1: start.column, r2: end.row - 1, c2: end.column });
          break;
        }
      }
    },
    text(piece) {
      if (inValue || inText) value.add(piece);
    },
    close(name) {
      switch (name) {
        case "v":
          inValue = false;
          break;
        case "t":
          inText = false;
          break;
        case "rPh":
          phonetic = false;
          break;
        case "is":
          inInline = false;
          break;
        case "c":
          endCell();
          break;
        case "row":
          if (rowCodes.length && rowNumber > limits.rows) throw new WorkbookTooLarge("rows", rowNumber);
          break;
      }
    },
  };

  return {
    handlers,
    table() {
      flushRow();
      starts = grown(starts, rowCount + 1);
      starts[rowCount] = cellCount;
      emptyMerged(merges, codes, starts, rowCount, limits);
      return new CellTable(texts, codes, starts, rowCount, width);
    },
  };
}

/**
 * Empties the cells a merged range covers, other than its top-left one. Only rows and cells the
 * table holds are visited, and the visits are counted against the cell limit before any is made,
 * so ranges that overlap or span the whole sheet cannot make this slow.
 */
function emptyMerged(
  merges: readonly { r1: number; c1: number; r2: number; c2: number }[],
  codes: Int32Array,
  starts: Int32Array,
  rowCount: number,
  limits: WorkbookLimits,
): void {
  let visits = 0;
  const clipped = merges.map((m) => {
    const r2 = Math.min(m.r2, rowCount - 1);
    for (let r = m.r1; r <= r2; r++) {
      const c2 = Math.min(m.c2, starts[r + 1] - starts[r] - 1);
      visits += 1 + Math.max(0, c2 - m.c1 + 1);
      if (visits > limits.cells) throw new WorkbookTooLarge("cells", visits);
    }
    return { ...m, r2 };
  });
  for (const m of clipped) {
    for (let r = m.r1; r <= m.r2; r++) {
      const start = starts[r];
      const c2 = Math.min(m.c2, starts[r + 1] - start - 1);
      for (let c = m.c1; c <= c2; c++) if (r !== m.r1 || c !== m.c1) codes[start + c] = EMPTY_CODE;
    }
  }
}
