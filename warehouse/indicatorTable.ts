/**
 * The `indicators` table (migration 007): what each key of `v_facts` means, for analysts. Filled
 * from the plans' catalogues whenever the plans are loaded, like the unit registry: an item is
 * upserted with its latest plan's wording, and a key no catalogue names any more stays, so
 * stored facts stay described.
 */
import { VARCHAR, type Warehouse } from "./db.ts";

export interface IndicatorRow {
  indicator: string;
  name_zh: string;
  name_en: string;
  description_zh: string | null;
  description_en: string | null;
  unit_of_count: string;
  flow: "flow" | "stock";
  plans: string[];
}

/** Upserts the rows (one per key) into `indicators`. */
export async function syncIndicators(db: Warehouse, rows: readonly IndicatorRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.write(async (tx) => {
    await tx.run(
      `CREATE OR REPLACE TEMP TABLE staging_indicators (indicator VARCHAR, name_zh VARCHAR, name_en VARCHAR,
         description_zh VARCHAR, description_en VARCHAR, unit_of_count VARCHAR, flow VARCHAR, plans VARCHAR)`,
    );
    await tx.append(
      "staging_indicators",
      [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR],
      [
        rows.map((r) => r.indicator),
        rows.map((r) => r.name_zh),
        rows.map((r) => r.name_en),
        rows.map((r) => r.description_zh),
        rows.map((r) => r.description_en),
        rows.map((r) => r.unit_of_count),
        rows.map((r) => r.flow),
        rows.map((r) => JSON.stringify(r.plans)),
      ],
    );
    await tx.run(
      `INSERT OR REPLACE INTO indicators
       SELECT indicator, name_zh, name_en, description_zh, description_en, unit_of_count, flow,
              CAST(plans AS JSON)::VARCHAR[] FROM staging_indicators`,
    );
    await tx.run("DROP TABLE staging_indicators");
  });
}
