/**
 * A tiny warehouse for the metric tests: an in-memory DuckDB with the real migrations, a few
 * units, and submissions written row by row the way an accepted upload is (a later submission
 * of a unit-month becomes its current revision; the earlier cells stay in facts as history).
 */
import { Warehouse } from "../../warehouse/db.ts";

export interface FixtureUnit {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
}

export const XIAYANG: FixtureUnit = {
  code: "310118001",
  name_zh: "夏阳街道",
  name_en: "Xiayang Subdistrict",
  kind: "subdistrict",
};
export const YINGPU: FixtureUnit = {
  code: "310118002",
  name_zh: "盈浦街道",
  name_en: "Yingpu Subdistrict",
  kind: "subdistrict",
};
const ZHUJIAJIAO: FixtureUnit = {
  code: "310118102",
  name_zh: "朱家角镇",
  name_en: "Zhujiajiao Town",
  kind: "town",
};
export const FIN: FixtureUnit = {
  code: "D-FIN",
  name_zh: "区金融工作局",
  name_en: "District Finance Office",
  kind: "department",
};

export async function fixtureWarehouse(
  units: FixtureUnit[] = [XIAYANG, YINGPU, ZHUJIAJIAO, FIN],
): Promise<Warehouse> {
  const db = await Warehouse.open({ path: ":memory:" });
  await db.write(async (tx) => {
    for (const u of units) {
      await tx.run("INSERT INTO units VALUES ($code, $zh, $en, $kind)", {
        code: u.code,
        zh: u.name_zh,
        en: u.name_en,
        kind: u.kind,
      });
    }
  });
  return db;
}

/** One row of a monthly report: unit, month and the reported items (null = left blank). */
type ReportRow = { unit: string; month: string } & Record<string, string | number | null>;

/** Writes one accepted submission received at `receivedAt` (ISO with offset); returns its id. */
export async function submit(db: Warehouse, receivedAt: string, given: ReportRow[]): Promise<number> {
  // rows of the same unit-month in one file are one row
  const merged = new Map<string, ReportRow>();
  for (const row of given)
    merged.set(`${row.unit}|${row.month}`, { ...merged.get(`${row.unit}|${row.month}`), ...row });
  const rows = [...merged.values()];
  return db.write(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      "SELECT coalesce(max(submission_id), 0) + 1 AS id FROM submissions",
    );
    const units = [...new Set(rows.map((r) => r.unit))];
    const months = [...new Set(rows.map((r) => r.month))];
    await tx.run(
      `INSERT INTO submissions VALUES ($id, 'monthly', $file, $sha, $at::TIMESTAMPTZ, 'test', 'accepted', $rows,
         $units::VARCHAR[], $months::VARCHAR[], 'csv', 'utf-8', '[]'::JSON)`,
      {
        id,
        file: `test-${id}.csv`,
        sha: `sha-${id}`,
        at: receivedAt,
        rows: rows.length,
        units: JSON.stringify(units),
        months: JSON.stringify(months),
      },
    );
    for (const row of rows) {
      const key = { unit: row.unit, month: row.month };
      const [{ revision }] = await tx.query<{ revision: number }>(
        "SELECT coalesce(max(revision), 0) + 1 AS revision FROM submission_unit_months WHERE unit = $unit AND month = $month",
        key,
      );
      await tx.run(
        "UPDATE submission_unit_months SET current = false WHERE unit = $unit AND month = $month",
        key,
      );
      await tx.run("UPDATE facts SET current = false WHERE unit = $unit AND month = $month", key);
      await tx.run("INSERT INTO submission_unit_months VALUES ($id, $unit, $month, $revision, 1, true)", {
        id,
        ...key,
        revision,
      });
      for (const [indicator, value] of Object.entries(row)) {
        if (indicator === "unit" || indicator === "month" || value === null) continue;
        await tx.run("INSERT INTO facts VALUES ($id, $unit, $month, $indicator, $value, true)", {
          id,
          ...key,
          indicator,
          value: Number(value),
        });
      }
    }
    return id;
  });
}

/** The same flow reported for each month of a list: `monthly("310118001", "reemployed", {"2022-01": 50})`. */
export function monthly(unit: string, indicator: string, values: Record<string, number>): ReportRow[] {
  return Object.entries(values).map(([month, value]) => ({ unit, month, [indicator]: value }) as ReportRow);
}

export interface CaseRow {
  unit: string;
  case_id: string;
  category: "zero_family" | "hardship";
  identified_on: string;
  employed_on: string | null;
}

/** Writes a unit's case ledger as the current one (table `cases`, read through v_cases). */
export async function addCases(db: Warehouse, cases: CaseRow[]): Promise<void> {
  await db.write(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>(
      "SELECT coalesce(max(submission_id), 0) + 1 AS id FROM submissions",
    );
    await tx.run(
      `INSERT INTO submissions VALUES ($id, 'cases', 'ledger.csv', $sha, '2022-04-01T09:00:00+08:00'::TIMESTAMPTZ, 'test',
         'accepted', $rows, []::VARCHAR[], []::VARCHAR[], 'csv', 'utf-8', '[]'::JSON)`,
      { id, sha: `cases-${id}`, rows: cases.length },
    );
    for (const c of cases) {
      await tx.run(
        "INSERT INTO cases VALUES ($id, $unit, $case_id, $category, $identified::DATE, $employed::DATE, NULL, true)",
        {
          id,
          unit: c.unit,
          case_id: c.case_id,
          category: c.category,
          identified: c.identified_on,
          employed: c.employed_on,
        },
      );
    }
  });
}
