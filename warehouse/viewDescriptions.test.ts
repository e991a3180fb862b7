import { describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import { ANALYST_VIEWS, runSandboxed } from "./sandbox.ts";
import { describeViews, VIEW_DESCRIPTIONS } from "./viewDescriptions.ts";

describe("view descriptions", () => {
  it("every column of every analyst view has a description in Chinese and English", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    const views = await describeViews(db, ANALYST_VIEWS);
    expect(views.map((v) => v.name)).toEqual([...ANALYST_VIEWS]);
    for (const view of views) {
      expect(view.zh.length, view.name).toBeGreaterThan(4);
      expect(view.en.length, view.name).toBeGreaterThan(4);
      expect(view.columns.length, view.name).toBeGreaterThan(3);
      for (const column of view.columns) {
        expect(column.zh, `${view.name}.${column.name}`).not.toBe("");
        expect(column.en, `${view.name}.${column.name}`).not.toBe("");
      }
      // no description is kept for a column the view does not have
      expect(Object.keys(VIEW_DESCRIPTIONS[view.name].columns).sort()).toEqual(
        view.columns.map((c) => c.name).sort(),
      );
    }
    const submissions = views.find((v) => v.name === "v_submissions")!;
    expect(submissions.columns.find((c) => c.name === "received_at")).toMatchObject({
      type: "TIMESTAMP WITH TIME ZONE",
    });
    await db.close();
  });

  it("a TIMESTAMPTZ leaves the analysts' results in district time: 02:00 UTC is 10:00+08:00", async () => {
    const db = await Warehouse.open({ path: ":memory:" });
    await db.write((tx) =>
      tx.run(`INSERT INTO submissions VALUES (1, 'monthly', 'a.csv', 'ab', '2022-09-02T18:30:00Z'::TIMESTAMPTZ,
        'x', 'accepted', 1, ['310118002'], ['2022-08'], 'csv', 'utf-8', '[]')`),
    );
    const result = await runSandboxed(db, "SELECT received_at FROM v_submissions");
    expect(result.columns).toEqual([{ name: "received_at", type: "TIMESTAMP WITH TIME ZONE" }]);
    expect(result.rows).toEqual([["2022-09-03T02:30:00+08:00"]]);
    // the application's own reads keep the instant as it was
    expect(await db.query("SELECT received_at FROM v_submissions")).toEqual([
      { received_at: "2022-09-02T18:30:00.000Z" },
    ]);
    await db.close();
  });
});
