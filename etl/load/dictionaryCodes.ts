/**
 * Repeated text sent to DuckDB as integer codes with a small dictionary: a million JavaScript
 * strings cost far more to hand over than integers, and units, months, items and categories
 * repeat on every row.
 */
import { INTEGER, type Staging, VARCHAR } from "../../warehouse/db.ts";

/** Dictionary codes of a string column: distinct values and, per row, the index of its value. */
export function encode(values: readonly (string | null)[]): { dict: (string | null)[]; codes: Int32Array } {
  const index = new Map<string | null, number>();
  const dict: (string | null)[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let code = index.get(v);
    if (code === undefined) {
      code = dict.length;
      index.set(v, code);
      dict.push(v);
    }
    codes[i] = code;
  }
  return { dict, codes };
}

export async function appendDictionary(tx: Staging, table: string, dict: (string | null)[]): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${table} (code INTEGER, text VARCHAR)`);
  await tx.append(table, [INTEGER, VARCHAR], [dict.map((_, i) => i), dict]);
}
