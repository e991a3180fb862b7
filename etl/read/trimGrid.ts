/**
 * Excel exports pad a sheet: empty rows after the data and empty columns to the right of it
 * (a cell once formatted, a stray space). Both are dropped so that every reader hands on the
 * same grid; empty rows *between* data rows stay, so row numbers keep matching Excel's.
 */

/** Blank: empty or only whitespace. */
export function isBlankCell(cell: string | undefined): boolean {
  if (cell === undefined || cell === "") return true;
  return cell.trim() === "";
}

function lastFilledIndex(row: readonly string[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlankCell(row[c])) return c;
  return -1;
}

/**
 * The grid without trailing blank rows and trailing blank columns (blank = empty or only
 * whitespace). Rows are cut in place to the width of the widest filled row; shorter rows are
 * left short, so readers of a row use `row[c] ?? ""`.
 */
export function trimGrid(grid: string[][]): string[][] {
  let width = 0;
  let lastRow = -1;
  for (let r = 0; r < grid.length; r++) {
    const last = lastFilledIndex(grid[r]);
    if (last >= 0) {
      lastRow = r;
      if (last + 1 > width) width = last + 1;
    }
  }
  grid.length = lastRow + 1;
  for (const row of grid) if (row.length > width) row.length = width;
  return grid;
}
