/**
 * A sheet's cells as codes into a dictionary of their distinct texts (see cellDictionary.ts):
 * one Int32Array for all cells, row after row, and where each row starts. This is what the
 * monthly template is read from; a million-row file is a few megabytes of codes instead of a
 * million arrays of strings. Rows keep their own lengths (a short row stays short), so the table
 * can always be shown again as the grid it came from: row i is the row Excel numbers i + 1.
 */
import { EMPTY_CODE } from "./cellDictionary.ts";
import { isBlankCell } from "./trimGrid.ts";

const UNKNOWN = 0;
const BLANK = 1;
const FILLED = 2;

export class CellTable {
  /** By code: the cell's text. */
  readonly texts: readonly string[];
  readonly rowCount: number;
  /** The longest row's length; rows are cut to it. */
  readonly width: number;
  readonly #codes: Int32Array;
  /** Row r's cells are codes[starts[r] …]; rowCount + 1 entries. */
  readonly #starts: Int32Array;
  /** By code: UNKNOWN, BLANK (empty or only whitespace) or FILLED. */
  #blank: Uint8Array | null = null;

  constructor(
    texts: readonly string[],
    codes: Int32Array,
    starts: Int32Array,
    rowCount: number,
    width: number,
  ) {
    this.texts = texts;
    this.#codes = codes;
    this.#starts = starts;
    this.rowCount = rowCount;
    this.width = width;
  }

  /** A table of the grid's cells as they are (no trimming). */
  static fromGrid(grid: readonly (readonly string[])[]): CellTable {
    const texts = [""];
    const codeOf = new Map<string, number>([["", EMPTY_CODE]]);
    let cells = 0;
    for (const row of grid) cells += row.length;
    const codes = new Int32Array(cells);
    const starts = new Int32Array(grid.length + 1);
    let at = 0;
    let width = 0;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      starts[r] = at;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c] ?? "";
        let code = codeOf.get(cell);
        if (code === undefined) {
          code = texts.push(cell) - 1;
          codeOf.set(cell, code);
        }
        codes[at++] = code;
      }
      if (row.length > width) width = row.length;
    }
    starts[grid.length] = at;
    return new CellTable(texts, codes, starts, grid.length, width);
  }

  /** The same cells with other texts for their codes (as many texts, each code's in its place). */
  withTexts(texts: readonly string[]): CellTable {
    return new CellTable(texts, this.#codes, this.#starts, this.rowCount, this.width);
  }

  rowLength(r: number): number {
    return Math.min(this.#starts[r + 1] - this.#starts[r], this.width);
  }

  /** Where row r's codes start: cell (r, c) is codeAt(rowStart(r) + c) for c < rowLength(r). */
  rowStart(r: number): number {
    return this.#starts[r];
  }

  codeAt(index: number): number {
    return this.#codes[index];
  }

  /** The code of cell (r, c); a cell past the end of its row is empty. */
  code(r: number, c: number): number {
    const start = this.#starts[r];
    return c < this.#starts[r + 1] - start && c < this.width ? this.#codes[start + c] : EMPTY_CODE;
  }

  text(r: number, c: number): string {
    return this.texts[this.code(r, c)];
  }

  row(r: number): string[] {
    const length = this.rowLength(r);
    const start = this.#starts[r];
    const out = new Array<string>(length);
    for (let c = 0; c < length; c++) out[c] = this.texts[this.#codes[start + c]];
    return out;
  }

  /** Rows [from, to) as a grid. */
  rows(from: number, to: number): string[][] {
    const out: string[][] = [];
    for (let r = from; r < to && r < this.rowCount; r++) out.push(this.row(r));
    return out;
  }

  toGrid(): string[][] {
    return this.rows(0, this.rowCount);
  }

  /** Whether the text of a code is empty or only whitespace. */
  isBlank(code: number): boolean {
    this.#blank ??= new Uint8Array(this.texts.length);
    const blank = this.#blank;
    let state = blank[code];
    if (state === UNKNOWN) {
      state = isBlankCell(this.texts[code]) ? BLANK : FILLED;
      blank[code] = state;
    }
    return state === BLANK;
  }

  /** Whether column c is blank in every row from `from` on. */
  columnIsBlank(from: number, c: number): boolean {
    for (let r = from; r < this.rowCount; r++) if (!this.isBlank(this.code(r, c))) return false;
    return true;
  }

  /**
   * The table without trailing blank rows and trailing blank columns, as trimGrid does to a grid:
   * rows are cut to the widest filled row and shorter rows are left short.
   */
  trimmed(): CellTable {
    let width = 0;
    let lastRow = -1;
    for (let r = 0; r < this.rowCount; r++) {
      const start = this.#starts[r];
      for (let c = this.rowLength(r) - 1; c >= 0; c--) {
        if (this.isBlank(this.#codes[start + c])) continue;
        lastRow = r;
        if (c + 1 > width) width = c + 1;
        break;
      }
    }
    const table = new CellTable(this.texts, this.#codes, this.#starts, lastRow + 1, width);
    table.#blank = this.#blank;
    return table;
  }
}
