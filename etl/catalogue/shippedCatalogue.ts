/**
 * The shipped plan's catalogue (metrics/plans/catalogues/qingpu-2022.yaml), read once when first
 * imported, for the code that is not yet handed its plan's catalogue as a value: the metrics'
 * lookups of an item's flow and reporters, and the dashboard's. Everything that reads a file's
 * items — the template, the ingest, the upload page, the descriptions — takes the catalogue of
 * the plan in question instead (Plan.catalogue), and so must new code.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Catalogue, type Indicator, reports } from "../../core/catalogue.ts";
import { parseCatalogue } from "./readCatalogue.ts";

const FILE = fileURLToPath(new URL("../../metrics/plans/catalogues/qingpu-2022.yaml", import.meta.url));

export const SHIPPED_CATALOGUE: Catalogue = parseCatalogue(
  readFileSync(FILE, "utf8"),
  "catalogues/qingpu-2022.yaml",
  { year: 2022 },
);

export const INDICATORS: readonly Indicator[] = SHIPPED_CATALOGUE.items;
export const INDICATOR_BY_KEY: ReadonlyMap<string, Indicator> = SHIPPED_CATALOGUE.byKey;
export type { Indicator };
export { reports };
