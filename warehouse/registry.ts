/**
 * The unit registry: `fixtures/units.csv` (or another registry file) is the list of reporting
 * units. Adding a unit is a line in the file; `syncRegistry` upserts it into the warehouse.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { DataError, finding } from "../core/finding.ts";
import { type Tx, VARCHAR, type Warehouse } from "./db.ts";

export interface Unit {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

const KINDS = new Set(["subdistrict", "town", "department", "other"]);

/** Parses a registry CSV (code,name_zh,name_en,kind). */
function parseRegistry(text: string, fileName = "units.csv"): Unit[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  const problems = [];
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const [i, row] of parsed.data.entries()) {
    const unit = {
      code: (row.code ?? "").trim(),
      name_zh: (row.name_zh ?? "").trim(),
      name_en: (row.name_en ?? "").trim(),
      kind: (row.kind ?? "").trim(),
    };
    const line = i + 2;
    if (!unit.code || !unit.name_zh || !KINDS.has(unit.kind) || seen.has(unit.code)) {
      problems.push(
        finding(
          line,
          null,
          "bad_registry_row",
          `单位名录 ${fileName} 第${line}行无效（需要唯一的 code、name_zh，kind 为 subdistrict/town/department/other）。`,
          `Unit registry ${fileName} row ${line} is invalid (needs a unique code, a name_zh, and kind subdistrict/town/department/other).`,
        ),
      );
      continue;
    }
    seen.add(unit.code);
    units.push(unit);
  }
  if (problems.length) throw new DataError(problems);
  return units;
}

export function readRegistry(path = "fixtures/units.csv"): Unit[] {
  return parseRegistry(readFileSync(path, "utf8"), path);
}

/** Upserts the registry's units (units no longer listed stay, so history keeps its names). */
export async function syncRegistry(db: Warehouse, units: Unit[]): Promise<void> {
  await db.write((tx) => upsertUnits(tx, units));
}

async function upsertUnits(tx: Tx, units: Unit[]): Promise<void> {
  await tx.run(
    "CREATE OR REPLACE TEMP TABLE staging_units (code VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind VARCHAR)",
  );
  await tx.append(
    "staging_units",
    [VARCHAR, VARCHAR, VARCHAR, VARCHAR],
    [
      units.map((u) => u.code),
      units.map((u) => u.name_zh),
      units.map((u) => u.name_en),
      units.map((u) => u.kind),
    ],
  );
  await tx.run("INSERT OR REPLACE INTO units SELECT code, name_zh, name_en, kind FROM staging_units");
  await tx.run("DROP TABLE staging_units");
}
