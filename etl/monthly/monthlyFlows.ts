/**
 * Parsed values → the facts to store: one value per unit, month and indicator, each flow being
 * the month's own figure, each item as the file's catalogue defines it (a flow or a stock).
 * Town offices often keep year-to-date totals (累计); such a value
 * becomes the month's flow by subtracting the previous month's year-to-date total, taken from
 * the same file when it holds that month, else from the database through `priorYtd` (January's
 * flow is the year-to-date value itself). Pure: the database answers come in as a function.
 */
import { type Catalogue, type Indicator, totalOf } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import { previousMonth } from "../../core/month.ts";
import { FindingCollector } from "../validate/findingCollector.ts";
import { exceedsTotal, exceedsTotalFinding } from "../validate/subsetRule.ts";
import type { ParsedValue } from "./parseMonthly.ts";

export interface Fact {
  unit: string;
  month: string;
  indicator: string;
  value: number | null;
}

interface MonthlyFlows {
  facts: Fact[];
  errors: Finding[];
}

/**
 * A unit's year-to-date total of an indicator at the end of a month, from the database: undefined
 * when that unit-month has no submission, null when it has one without this indicator.
 */
export type PriorYtd = (unit: string, indicator: string, month: string) => number | null | undefined;

interface YtdLookup {
  unit: string;
  indicator: string;
  month: string;
}

const SEP = "\u0000";

function keyOf(unit: string, indicator: string, month: string): string {
  return unit + SEP + indicator + SEP + month;
}

/** Year-to-date values of flow items, by unit, item and month. */
function ytdIndex(catalogue: Catalogue, values: readonly ParsedValue[]): Map<string, ParsedValue> {
  const index = new Map<string, ParsedValue>();
  for (const v of values) {
    if (v.ytd && catalogue.byKey.get(v.indicator)?.flow === "flow")
      index.set(keyOf(v.unit, v.indicator, v.month), v);
  }
  return index;
}

/** The previous-month totals the file itself cannot supply, to be read from the database at once. */
export function ytdLookupsNeeded(catalogue: Catalogue, values: readonly ParsedValue[]): YtdLookup[] {
  const index = ytdIndex(catalogue, values);
  const needed = new Map<string, YtdLookup>();
  for (const v of index.values()) {
    if (v.value === null || v.month.endsWith("-01")) continue;
    const month = previousMonth(v.month);
    const key = keyOf(v.unit, v.indicator, month);
    if (!index.has(key) && !needed.has(key)) needed.set(key, { unit: v.unit, indicator: v.indicator, month });
  }
  return [...needed.values()];
}

function hasYtd(values: readonly ParsedValue[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i].ytd) return true;
  return false;
}

/** Flow arithmetic on amounts with decimals leaves binary noise (12.3 − 10.1); nine places are plenty. */
function cleanDifference(a: number, b: number): number {
  const d = a - b;
  return Number.isInteger(d) ? d : Math.round(d * 1e9) / 1e9;
}

interface Located {
  value: number | null;
  row: number;
  column: string;
  derived: boolean;
  fact: Fact;
}

/** Converts year-to-date values to monthly flows and checks what the conversion can break. */
export function monthlyFlows(
  catalogue: Catalogue,
  values: readonly ParsedValue[],
  priorYtd: PriorYtd,
): MonthlyFlows {
  // without year-to-date values each value is its own fact: no copy of a million objects
  if (!hasYtd(values)) return { facts: values.slice(), errors: [] };
  const errors = new FindingCollector();
  const ytd = ytdIndex(catalogue, values);
  const facts: Fact[] = [];
  const located = new Map<string, Located>();
  const stockColumns = new Set<string>();

  for (const v of values) {
    if (v.ytd) continue;
    const fact = { unit: v.unit, month: v.month, indicator: v.indicator, value: v.value };
    located.set(keyOf(v.unit, v.indicator, v.month), { ...v, derived: false, fact });
  }

  for (const v of values) {
    const indicator = catalogue.byKey.get(v.indicator)!;
    if (!v.ytd) {
      facts.push(located.get(keyOf(v.unit, v.indicator, v.month))!.fact);
      continue;
    }
    if (indicator.flow === "stock") {
      if (!stockColumns.has(v.column + SEP + v.indicator)) {
        stockColumns.add(v.column + SEP + v.indicator);
        errors.add(ytdOfStock(v, indicator));
      }
      continue;
    }
    const flow = flowOf(v, indicator, ytd, priorYtd, errors);
    if (flow === undefined) continue;
    const key = keyOf(v.unit, v.indicator, v.month);
    const direct = located.get(key);
    if (direct) {
      // the same cell given twice, as the month's figure and as year-to-date: a blank yields
      if (flow === null || direct.value === flow) continue;
      if (direct.value !== null) {
        errors.add(ytdMismatch(v, indicator, flow, direct));
        continue;
      }
      direct.value = flow;
      direct.fact.value = flow;
      direct.derived = true;
      continue;
    }
    const fact = { unit: v.unit, month: v.month, indicator: v.indicator, value: flow };
    located.set(key, { value: flow, row: v.row, column: v.column, derived: true, fact });
    facts.push(fact);
  }

  for (const [key, part] of located) {
    if (part.value === null) continue;
    const [unit, indicatorKey, month] = key.split(SEP);
    const indicator = catalogue.byKey.get(indicatorKey)!;
    const totalIndicator = totalOf(catalogue, indicator);
    if (!totalIndicator) continue;
    const total = located.get(keyOf(unit, totalIndicator.key, month));
    if (!total || !(part.derived || total.derived) || !exceedsTotal(part.value, total.value)) continue;
    errors.add(
      exceedsTotalFinding(
        { row: part.row, column: part.column, unit: { zh: unit, en: unit }, month },
        { indicator, value: part.value },
        { indicator: totalIndicator, value: total.value!, row: total.row },
        true,
      ),
    );
  }
  return { facts, errors: errors.list() };
}

/** The month's flow of a year-to-date value, or undefined after adding the finding that prevents it. */
function flowOf(
  v: ParsedValue,
  indicator: Indicator,
  ytd: Map<string, ParsedValue>,
  priorYtd: PriorYtd,
  errors: FindingCollector,
): number | null | undefined {
  if (v.value === null) return null;
  if (v.month.endsWith("-01")) return v.value;
  const prevMonth = previousMonth(v.month);
  const inFile = ytd.get(keyOf(v.unit, v.indicator, prevMonth));
  const prev = inFile ? inFile.value : priorYtd(v.unit, v.indicator, prevMonth);
  if (prev === undefined || prev === null) {
    errors.add(
      previousMissing(v, indicator, prevMonth, inFile ? inFile.row : prev === null ? "blank" : "absent"),
    );
    return undefined;
  }
  const flow = cleanDifference(v.value, prev);
  if (flow < 0) {
    errors.add(decreasing(v, indicator, prev, prevMonth, inFile ? inFile.row : null));
    return undefined;
  }
  return flow;
}

function previousMissing(
  v: ParsedValue,
  ind: Indicator,
  prevMonth: string,
  why: number | "blank" | "absent",
): Finding {
  const zhWhy =
    typeof why === "number"
      ? `文件第 ${why} 行的 ${prevMonth} 累计数为空`
      : why === "blank"
        ? `已报送的 ${prevMonth} 数据中没有该项`
        : `文件和已报送数据中都没有 ${v.unit} ${prevMonth} 的数据`;
  const enWhy =
    typeof why === "number"
      ? `the ${prevMonth} year-to-date figure on row ${why} of the file is blank`
      : why === "blank"
        ? `the ${prevMonth} submission does not report it`
        : `neither the file nor earlier submissions hold ${v.unit} ${prevMonth}`;
  return finding(
    v.row,
    v.column,
    "ytd_previous_missing",
    `${v.unit} ${v.month}“${ind.zh}”是累计数，本月数要用上月（${prevMonth}）累计数相减得出，但${zhWhy}。请先报送 ${prevMonth}，或在同一文件中一并报送。`,
    `${v.unit} ${v.month} ${ind.key} is year-to-date; its monthly flow needs the ${prevMonth} year-to-date figure, but ${enWhy}. Submit ${prevMonth} first or in the same file.`,
  );
}

function decreasing(
  v: ParsedValue,
  ind: Indicator,
  prev: number,
  prevMonth: string,
  prevRow: number | null,
): Finding {
  const zhFrom = prevRow === null ? "已报送数据" : `文件第 ${prevRow} 行`;
  const enFrom = prevRow === null ? "earlier submissions" : `row ${prevRow} of the file`;
  return finding(
    v.row,
    v.column,
    "ytd_decreasing",
    `${v.unit} ${v.month}“${ind.zh}”累计数 ${v.value} 小于 ${prevMonth} 的累计数 ${prev}（${zhFrom}）。累计数不能减少。`,
    `${v.unit} ${v.month} ${ind.key} year-to-date ${v.value} is below the ${prevMonth} year-to-date ${prev} (${enFrom}); a year-to-date total cannot go down.`,
  );
}

function ytdOfStock(v: ParsedValue, ind: Indicator): Finding {
  return finding(
    v.row,
    v.column,
    "ytd_of_stock",
    `列“${v.column}”：“${ind.zh}”是期末数，没有累计数。请填写当月月末的数值，列名不带“累计”。`,
    `Column "${v.column}": ${ind.en} (${ind.key}) is a month-end level and has no year-to-date form; report the month-end figure under the plain header.`,
  );
}

function ytdMismatch(v: ParsedValue, ind: Indicator, flow: number | null, direct: Located): Finding {
  return finding(
    v.row,
    v.column,
    "ytd_mismatch",
    `${v.unit} ${v.month}“${ind.zh}”：由累计数算出的本月数 ${flow ?? "空"} 与第 ${direct.row} 行“${direct.column}”的本月数 ${direct.value ?? "空"} 不一致。`,
    `${v.unit} ${v.month} ${ind.key}: the monthly flow from the year-to-date figure (${flow ?? "blank"}) differs from the month's figure on row ${direct.row}, column "${direct.column}" (${direct.value ?? "blank"}).`,
  );
}
