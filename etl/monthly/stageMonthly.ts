/**
 * What an accepted monthly report sends to DuckDB, and the sending. Cells travel as numbers: a
 * fact is its unit (registry position), month (months since 1900-01), item (catalogue ordinal)
 * and value, a unit-month its unit, month and data rows, and three small dictionaries turn the
 * numbers back into unit codes, months and indicator keys. The appender takes a million numbers
 * far faster than a million strings, and DuckDB does the joining (temp views
 * `staged_unit_months` and `staged_facts`, read by loadMonthly).
 */

import type { Catalogue } from "../../core/catalogue.ts";
import { monthAt, monthIndex } from "../../core/month.ts";
import { DOUBLE, INTEGER, type Staging, VARCHAR } from "../../warehouse/db.ts";
import type { Fact } from "./monthlyFlows.ts";
import { MONTH_BASE, type MonthlyValues } from "./monthlyValues.ts";
import type { UnitMonthRows } from "./unitMonthRows.ts";

/** Facts: the reported values (a blank cell is no fact). */
interface StagedFacts {
  count: number;
  units: Int32Array;
  months: Int32Array;
  indicators: Int32Array;
  values: Float64Array;
}

export interface StagedMonthly {
  unitMonths: UnitMonthRows;
  facts: StagedFacts;
  /** The registry, whose positions the units are. */
  units: readonly { code: string }[];
  /** The catalogue, whose positions the items are. */
  catalogue: Catalogue;
}

function stagedFacts(count: number): StagedFacts {
  return {
    count,
    units: new Int32Array(count),
    months: new Int32Array(count),
    indicators: new Int32Array(count),
    values: new Float64Array(count),
  };
}

/** The facts of values that hold no year-to-date figure: each reported value is its own fact. */
export function factsOfValues(values: MonthlyValues): StagedFacts {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values.value(i) !== null) count++;
  if (count === values.length) {
    // no blank cell: the values' own arrays are the facts', only the indicators are numbered anew
    const indicators = new Int32Array(count);
    for (let i = 0; i < count; i++) indicators[i] = values.ordinal(i);
    return { count, ...values.columns(), indicators };
  }
  const facts = stagedFacts(count);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values.value(i);
    if (value === null) continue;
    facts.units[n] = values.unit(i);
    facts.months[n] = values.month(i);
    facts.indicators[n] = values.ordinal(i);
    facts.values[n++] = value;
  }
  return facts;
}

/** The facts given as objects (monthly flows from year-to-date figures), numbered the same way. */
export function factsOfObjects(
  facts: readonly Fact[],
  units: readonly { code: string }[],
  catalogue: Catalogue,
): StagedFacts {
  const position = new Map(units.map((u, i) => [u.code, i]));
  const ordinal = new Map(catalogue.items.map((ind, i) => [ind.key, i]));
  const reported = facts.filter((f) => f.value !== null);
  const out = stagedFacts(reported.length);
  reported.forEach((f, i) => {
    out.units[i] = position.get(f.unit)!;
    out.months[i] = monthIndex(f.month) - MONTH_BASE;
    out.indicators[i] = ordinal.get(f.indicator)!;
    out.values[i] = f.value!;
  });
  return out;
}

/** The distinct numbers among the first `count` (non-negative), ascending. */
function distinct(numbers: Int32Array, count: number): Int32Array {
  let max = -1;
  for (let i = 0; i < count; i++) if (numbers[i] > max) max = numbers[i];
  const seen = new Uint8Array(max + 1);
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (seen[numbers[i]] === 0) n++;
    seen[numbers[i]] = 1;
  }
  const out = new Int32Array(n);
  for (let v = 0, k = 0; v <= max; v++) if (seen[v] === 1) out[k++] = v;
  return out;
}

/** Fills the temp tables and views loadMonthly reads. */
export async function stageMonthly(staging: Staging, data: StagedMonthly): Promise<void> {
  const { unitMonths, facts } = data;
  await staging.run(
    `CREATE OR REPLACE TEMP TABLE dict_unit (code INTEGER, text VARCHAR);
     CREATE OR REPLACE TEMP TABLE dict_month (code INTEGER, text VARCHAR);
     CREATE OR REPLACE TEMP TABLE dict_indicator (code INTEGER, text VARCHAR);
     CREATE OR REPLACE TEMP TABLE staging_um (u INTEGER, m INTEGER, rows INTEGER);
     CREATE OR REPLACE TEMP TABLE staging_facts (u INTEGER, m INTEGER, i INTEGER, value DOUBLE)`,
  );
  // every fact's unit-month is one of the unit-months, so their units and months cover the facts'
  const units = distinct(unitMonths.units, unitMonths.count);
  await staging.append(
    "dict_unit",
    [INTEGER, VARCHAR],
    [units, Array.from(units, (u) => data.units[u].code)],
  );
  const months = distinct(unitMonths.months, unitMonths.count);
  await staging.append(
    "dict_month",
    [INTEGER, VARCHAR],
    [months, Array.from(months, (m) => monthAt(m + MONTH_BASE))],
  );
  await staging.append(
    "dict_indicator",
    [INTEGER, VARCHAR],
    [Int32Array.from(data.catalogue.items, (_, i) => i), data.catalogue.items.map((ind) => ind.key)],
  );
  await staging.append(
    "staging_um",
    [INTEGER, INTEGER, INTEGER],
    [unitMonths.units, unitMonths.months, unitMonths.rows],
  );
  await staging.append(
    "staging_facts",
    [INTEGER, INTEGER, INTEGER, DOUBLE],
    [facts.units, facts.months, facts.indicators, facts.values],
  );
  await staging.run(
    `CREATE OR REPLACE TEMP VIEW staged_unit_months AS
     SELECT u.text AS unit, m.text AS month, s.rows FROM staging_um s
     JOIN dict_unit u ON u.code = s.u JOIN dict_month m ON m.code = s.m;
     CREATE OR REPLACE TEMP VIEW staged_facts AS
     SELECT u.text AS unit, m.text AS month, i.text AS indicator, s.value FROM staging_facts s
     JOIN dict_unit u ON u.code = s.u JOIN dict_month m ON m.code = s.m JOIN dict_indicator i ON i.code = s.i`,
  );
}

/** Drops what stageMonthly made. */
export async function dropStaged(staging: Staging): Promise<void> {
  await staging.run(
    `DROP VIEW staged_facts; DROP VIEW staged_unit_months; DROP TABLE staging_facts; DROP TABLE staging_um;
     DROP TABLE dict_indicator; DROP TABLE dict_month; DROP TABLE dict_unit`,
  );
}
