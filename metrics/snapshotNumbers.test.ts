import { expect, test } from "vitest";
import { Warehouse } from "../warehouse/db.ts";
import { withSnapshot } from "./snapshot.ts";

test("numbers: DOUBLE columns with and without nulls, other numeric columns, over several chunks", async () => {
  const db = await Warehouse.open({ path: ":memory:" });
  const seen: [number, number, number][] = [];
  await withSnapshot(db, (s) =>
    s.numbers(
      `SELECT i::DOUBLE AS a, CASE WHEN i % 7 = 3 OR i % 97 = 1 THEN NULL ELSE i * 2 END::DOUBLE AS b,
              (i % 5)::INTEGER AS c FROM range(5000) t(i)`,
      undefined,
      (columns, rows) => {
        for (let r = 0; r < rows; r++) seen.push([columns[0][r], columns[1][r], columns[2][r]]);
      },
    ),
  );
  await db.close();
  expect(seen).toHaveLength(5000);
  for (const [a, b, c] of seen) {
    expect(b).toBe(a % 7 === 3 || a % 97 === 1 ? Number.NaN : a * 2);
    expect(c).toBe(a % 5);
  }
});
