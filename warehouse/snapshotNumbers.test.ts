import { expect, test } from "vitest";
import { Warehouse } from "./db.ts";
import { withSnapshot } from "./snapshot.ts";

test("numbers: DOUBLE, INTEGER and other numeric columns with and without nulls, over several chunks", async () => {
  const db = await Warehouse.open({ path: ":memory:" });
  const seen: [number, number, number, number][] = [];
  await withSnapshot(db, (s) =>
    s.numbers(
      `SELECT i::DOUBLE AS a, CASE WHEN i % 7 = 3 OR i % 97 = 1 THEN NULL ELSE i * 2 END::DOUBLE AS b,
              (i % 5)::SMALLINT AS c,
              CASE WHEN i % 11 = 5 THEN NULL ELSE i % 13 END::INTEGER AS d FROM range(5000) t(i)`,
      undefined,
      (columns, rows) => {
        for (let r = 0; r < rows; r++)
          seen.push([columns[0][r], columns[1][r], columns[2][r], columns[3][r]]);
      },
    ),
  );
  await db.close();
  expect(seen).toHaveLength(5000);
  for (const [a, b, c, d] of seen) {
    expect(b).toBe(a % 7 === 3 || a % 97 === 1 ? Number.NaN : a * 2);
    expect(c).toBe(a % 5);
    expect(d).toBe(a % 11 === 5 ? Number.NaN : a % 13);
  }
});
