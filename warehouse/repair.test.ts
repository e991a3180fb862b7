import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";

describe("repair at open", () => {
  it("removes rows of a submission that never committed and restores the current flags", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "jobtrack-repair-")), "db.duckdb");
    const db = await Warehouse.open({ path });
    await db.write(async (tx) => {
      await tx.run("INSERT INTO units VALUES ('A', '甲镇', 'A Town', 'town')");
      await tx.run(
        `INSERT INTO submissions VALUES (1, 'monthly', 'a.csv', 'aa', '2022-09-01 10:00:00+08', 'clerk', 'accepted', 1, ['A'], ['2022-08'], 'csv', 'utf-8', '[]')`,
      );
      await tx.run("INSERT INTO submission_unit_months VALUES (1, 'A', '2022-08', 1, 1, true)");
      await tx.run("INSERT INTO facts VALUES (1, 'A', '2022-08', 'reemployed', 120, true)");
    });
    // what a commit cut short by SIGKILL can leave: rows of submission 2 without its submissions
    // row, and submission 1's cells no longer current
    await db.write(async (tx) => {
      await tx.run("INSERT INTO submission_unit_months VALUES (2, 'A', '2022-08', 2, 1, true)");
      await tx.run("INSERT INTO facts VALUES (2, 'A', '2022-08', 'reemployed', 999, true)");
      await tx.run("UPDATE facts SET current = false WHERE submission_id = 1");
      await tx.run("UPDATE submission_unit_months SET current = false WHERE submission_id = 1");
    });
    await db.close();
    const reopened = await Warehouse.open({ path });
    expect(reopened.repaired).toEqual({ orphans: 2, reflagged: true });
    expect(await reopened.query("SELECT unit, month, indicator, value, submission_id FROM v_facts")).toEqual([
      { unit: "A", month: "2022-08", indicator: "reemployed", value: 120, submission_id: 1 },
    ]);
    expect(await reopened.query("SELECT submission_id, status, revision FROM v_submissions")).toEqual([
      { submission_id: 1, status: "accepted", revision: 1 },
    ]);
    await reopened.close();
    const again = await Warehouse.open({ path });
    expect(again.repaired).toEqual({ orphans: 0, reflagged: false });
    await again.close();
  });
});
