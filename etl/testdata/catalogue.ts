/** The shipped qingpu-2022 catalogue, read once for the tests that need the catalogue as a value. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Catalogue } from "../../core/catalogue.ts";
import type { PlanSpan } from "../catalogue/planSpan.ts";
import { parseCatalogue } from "../catalogue/readCatalogue.ts";

const QINGPU_2022_CATALOGUE_FILE = fileURLToPath(
  new URL("../../metrics/plans/catalogues/qingpu-2022.yaml", import.meta.url),
);

export const QINGPU_2022_CATALOGUE: Catalogue = parseCatalogue(
  readFileSync(QINGPU_2022_CATALOGUE_FILE, "utf8"),
  "catalogues/qingpu-2022.yaml",
  { year: 2022 },
);

/** The 2022 plan's months, read with its catalogue: what the ingest tests pass as `periods`. */
export const PERIODS_2022: PlanSpan[] = [
  { first: "2022-01", last: "2022-12", catalogue: QINGPU_2022_CATALOGUE },
];
