/**
 * Year-to-date totals already in the warehouse, for the year-to-date columns of a new file:
 * the sum of a unit's current monthly flows from January to the given month, or `undefined`
 * when that unit-month has no current submission at all.
 */
import { type Tx, VARCHAR } from "../../warehouse/db.ts";

type PriorYtd = (unit: string, indicator: string, month: string) => number | null | undefined;

export async function priorYtdLookup(
  tx: Tx,
  needed: { unit: string; indicator: string; month: string }[],
): Promise<PriorYtd> {
  const found = new Map<string, number | null>();
  if (needed.length) {
    await tx.run(
      "CREATE OR REPLACE TEMP TABLE staging_need (unit VARCHAR, indicator VARCHAR, month VARCHAR)",
    );
    await tx.append(
      "staging_need",
      [VARCHAR, VARCHAR, VARCHAR],
      [needed.map((n) => n.unit), needed.map((n) => n.indicator), needed.map((n) => n.month)],
    );
    const rows = await tx.query<{ unit: string; indicator: string; month: string; ytd: number }>(
      `SELECT n.unit, n.indicator, n.month,
              (SELECT coalesce(sum(f.value), 0) FROM facts f
                WHERE f.current AND f.unit = n.unit AND f.indicator = n.indicator
                  AND f.month BETWEEN substr(n.month, 1, 4) || '-01' AND n.month) AS ytd
       FROM staging_need n
       WHERE EXISTS (SELECT 1 FROM submission_unit_months m WHERE m.current AND m.unit = n.unit AND m.month = n.month)`,
    );
    await tx.run("DROP TABLE staging_need");
    for (const r of rows) found.set(`${r.unit}\u0000${r.indicator}\u0000${r.month}`, r.ytd);
  }
  return (unit, indicator, month) => found.get(`${unit}\u0000${indicator}\u0000${month}`);
}
