/** Helpers of the parseMonthly tests: parse CSV text in the 2022 context, and short views of the result. */
import type { Finding } from "../../core/finding.ts";
import { type MonthlyContext, type ParsedMonthly, parseMonthly } from "../monthly/parseMonthly.ts";
import { CellTable } from "../read/cellTable.ts";
import { parseCsvGrid } from "../read/csv.ts";
import { screenUpload } from "../screenUpload.ts";
import { CONTEXT_2022 } from "./units.ts";

/** A grid screened as an upload is (screenUpload.ts), ready for either parser. */
export const screened = (grid: string[][] | CellTable) =>
  screenUpload(grid instanceof CellTable ? grid : CellTable.fromGrid(grid)).screened;

export const parse = (csv: string, ctx: MonthlyContext = CONTEXT_2022): ParsedMonthly =>
  parseMonthly(screened(parseCsvGrid(csv)), ctx);

/** Findings as `code@row:column`. */
export const at = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.row}:${f.column}`);

/** Values as `unit month indicator[+ytd]=value @row:column`. */
export const cells = (p: ParsedMonthly) =>
  p.values.map(
    (v) => `${v.unit} ${v.month} ${v.indicator}${v.ytd ? "+ytd" : ""}=${v.value} @${v.row}:${v.column}`,
  );

export const TOWN_HEADER = "单位,报告月份,正规就业人数,新增就业岗位数,失业人员实现再就业人数";
