/**
 * A town may upload for its own unit only. Before anything is loaded, the file's unit column is
 * read with the same reader and resolver the ingest uses, and every row naming another known unit
 * is listed; the upload route refuses such a file with 403. (The ingest that follows also sees
 * only the town's own unit in its registry, so any name this pre-check could not place is an
 * unknown unit there and the file is refused whole.)
 */
import { mapHeader } from "../etl/normalize/header.ts";
import { unitResolver } from "../etl/normalize/unit.ts";
import { readUpload } from "../etl/read/readUpload.ts";
import type { Unit } from "../warehouse/registry.ts";

/** The codes of other known units the file names in its unit column, sorted. */
export async function foreignUnits(
  bytes: Uint8Array,
  fileName: string,
  units: Unit[],
  own: string,
): Promise<string[]> {
  const read = await readUpload(bytes, fileName);
  if (!read.grid) return [];
  const header = mapHeader(read.grid);
  const column = header.columns.find((c) => c.role === "unit");
  if (!column) return [];
  const resolve = unitResolver(units);
  const found = new Set<string>();
  for (let r = header.headerRow + 1; r < read.grid.length; r++) {
    const text = (read.grid[r][column.index] ?? "").trim();
    if (!text) continue;
    const unit = resolve(text);
    if (unit && unit.code !== own) found.add(unit.code);
  }
  return [...found].sort();
}
