/**
 * The schema browser's data for the SQL console (`GET /api/schema`): each analyst view with its
 * columns and what they mean (warehouse/viewDescriptions.ts), and each reported item of the
 * monthly template with its names, description, unit of count, whether it is a monthly flow
 * (本月数) or a month-end stock (期末数), and who reports it — from the catalogue of the latest
 * plan, the one the towns fill now (etl/catalogue/describeItems.ts).
 */
import { describeItems, type ItemDescription } from "../etl/catalogue/describeItems.ts";
import type { Plan } from "../metrics/plan.ts";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import { ANALYST_VIEWS } from "../warehouse/sandbox.ts";
import { describeViews, type ViewSchema } from "../warehouse/viewDescriptions.ts";

interface SchemaCatalog {
  views: ViewSchema[];
  indicators: ItemDescription[];
}

export async function schemaCatalog(
  db: Warehouse,
  units: readonly Unit[],
  plans: readonly Plan[],
): Promise<SchemaCatalog> {
  const latest = [...plans].sort((a, b) => (a.period.first < b.period.first ? 1 : -1))[0];
  return {
    views: await describeViews(db, ANALYST_VIEWS),
    indicators: latest ? describeItems(latest.catalogue, units) : [],
  };
}
