import { expect, test } from "vitest";
import { formatPercent, trimmed } from "./formatValue.ts";

test("formatPercent: the same text as rounding the percentage's decimal digits, at halves and past 1000%", () => {
  const byDigits = (f: number) => `${trimmed(f * 100, 1)}%`;
  const values = [
    0,
    -0,
    1,
    0.9995,
    0.00049,
    0.0005,
    9.9995,
    9.99949,
    9.99999,
    10.5,
    0.1 + 0.2,
    1e-20,
    -0.0004,
    -0.25,
  ];
  for (let i = 0; i <= 20000; i++) values.push(i / 20000, (i + 0.5) / 1000, i / 3 / 1000, i * 0.0005);
  for (let num = 0; num <= 60; num++) for (let den = 1; den <= 60; den++) values.push(num / den);
  for (const f of values) expect(formatPercent(f)).toBe(byDigits(f));
  expect(formatPercent(0.62345)).toBe("62.3%");
  expect(formatPercent(0.8)).toBe("80%");
  expect(formatPercent(12.3456)).toBe("1,234.6%");
});
