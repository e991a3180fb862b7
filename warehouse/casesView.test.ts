import { describe, expect, it } from "vitest";
import { type CaseCategory, caseDeadlineSql, deadlineOf } from "../core/caseDeadline.ts";
import { Warehouse } from "./db.ts";
import { readMigrations } from "./migrations.ts";

describe("v_cases computes the deadline by the one rule of core/caseDeadline.ts", () => {
  it("the migration that defines v_cases holds exactly the SQL caseDeadlineSql generates", () => {
    const cases = readMigrations().find((m) => /CREATE VIEW v_cases\b/.test(m.sql));
    expect(cases?.sql).toContain(`${caseDeadlineSql("category", "identified_on")} AS deadline`);
    const later = readMigrations().filter((m) => m.version > (cases?.version ?? 0) && /v_cases/.test(m.sql));
    expect(later).toEqual([]);
  });

  it("DuckDB's deadlines equal deadlineOf on month ends, leap days and year ends", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    try {
      const days = [
        "2022-01-31",
        "2022-11-30",
        "2022-08-31",
        "2022-12-15",
        "2023-12-31",
        "2024-01-31",
        "2023-11-29",
      ];
      const rows: [CaseCategory, string][] = days.flatMap((d) => [
        ["zero_family", d] as [CaseCategory, string],
        ["hardship", d] as [CaseCategory, string],
      ]);
      const values = rows.map((_, i) => `($c${i}, $d${i}::DATE)`).join(", ");
      const params = Object.fromEntries(
        rows.flatMap(([c, d], i) => [
          [`c${i}`, c],
          [`d${i}`, d],
        ]),
      );
      const got = await db.query<{ category: string; identified_on: string; deadline: string }>(
        `SELECT category, strftime(identified_on, '%Y-%m-%d') AS identified_on,
                strftime(${caseDeadlineSql("category", "identified_on")}, '%Y-%m-%d') AS deadline
         FROM (VALUES ${values}) t(category, identified_on)`,
        params,
      );
      expect(got.map((r) => r.deadline)).toEqual(rows.map(([c, d]) => deadlineOf(c, d)));
      expect(got.find((r) => r.category === "hardship" && r.identified_on === "2022-11-30")?.deadline).toBe(
        "2023-02-28",
      );
      expect(
        got.find((r) => r.category === "zero_family" && r.identified_on === "2024-01-31")?.deadline,
      ).toBe("2024-02-29");
    } finally {
      await db.close();
    }
  });
});
