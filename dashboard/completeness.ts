/**
 * Data completeness: how the unit-months due up to as-of were reported (on time, late, missing,
 * revised), and which are missing, from the data status the caller passes in.
 */
import type { DashboardInput } from "./build.ts";
import type { DataState } from "./labels.ts";

interface Completeness {
  /** Unit-months due by as-of. */
  due: number;
  counts: Record<DataState, number>;
  /** Missing unit-months, by month then by the registry's unit order. */
  missing: { unit: string; month: string }[];
}

export function completeness(
  input: Pick<DashboardInput, "dataStatus" | "units">,
  asOf: string,
): Completeness {
  const counts: Record<DataState, number> = { on_time: 0, late: 0, missing: 0, revised: 0, not_due: 0 };
  const order = new Map(input.units.map((u, i) => [u.code, i]));
  const missing: { unit: string; month: string }[] = [];
  for (const cell of input.dataStatus) {
    if (cell.month > asOf) continue;
    counts[cell.state] += 1;
    if (cell.state === "missing") missing.push({ unit: cell.unit, month: cell.month });
  }
  missing.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (order.get(a.unit) ?? order.size) - (order.get(b.unit) ?? order.size) ||
      a.unit.localeCompare(b.unit),
  );
  const due = counts.on_time + counts.late + counts.missing + counts.revised;
  return { due, counts, missing };
}
