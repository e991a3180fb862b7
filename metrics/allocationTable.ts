/**
 * An official allocation table (分解表) → the units' targets per metric of a plan — pure. The
 * table has a unit column (单位 / 街镇 / unit, units by code or name as in the monthly template)
 * and one column per metric, headed by the metric's id or its Chinese or English name; a title row
 * above the header is allowed. Every problem is collected with its row (as Excel numbers it) and
 * column, in Chinese and English; a table whose units' targets do not add up to the district
 * target gets a warning, not a refusal (an official table may round differently).
 */
import { type Finding, finding } from "../core/finding.ts";
import { headerKey } from "../etl/normalize/indicatorName.ts";
import { isNotANumber, parseNumber } from "../etl/normalize/number.ts";
import { type Unit, unitResolver } from "../etl/normalize/unit.ts";
import { formatValue } from "./formatValue.ts";
import type { Plan } from "./plan.ts";

interface AllocationTable {
  /** metric id → unit code → target. */
  allocations: Record<string, Record<string, number>>;
  errors: Finding[];
  warnings: Finding[];
}

const UNIT_HEADERS = new Set(["unit", "单位", "街镇", "街镇代码", "单位名称", "街镇名称"].map(headerKey));
/** Rows searched for the header (a title row may come first). */
const HEADER_SEARCH = 10;

export function readAllocationTable(grid: string[][], plan: Plan, units: readonly Unit[]): AllocationTable {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const allocations: AllocationTable["allocations"] = {};
  const headerRow = grid
    .slice(0, HEADER_SEARCH)
    .findIndex((row) => row.some((cell) => UNIT_HEADERS.has(headerKey(cell ?? ""))));
  if (headerRow < 0) {
    errors.push(
      finding(
        null,
        null,
        "no_unit_column",
        "分解表前10行中没有“单位”列（单位、街镇或 unit）。",
        "No unit column (单位, 街镇 or unit) in the first 10 rows of the allocation table.",
      ),
    );
    return { allocations, errors, warnings };
  }
  const header = grid[headerRow];
  const unitColumn = header.findIndex((cell) => UNIT_HEADERS.has(headerKey(cell ?? "")));
  const byName = new Map<string, string>();
  for (const m of plan.metrics)
    for (const name of [m.id, m.name.zh, m.name.en]) byName.set(headerKey(name), m.id);
  const columns: { index: number; metric: string }[] = [];
  header.forEach((cell, index) => {
    if (index === unitColumn || (cell ?? "").trim() === "") return;
    const metric = byName.get(headerKey(cell));
    if (metric) columns.push({ index, metric });
    else
      errors.push(
        finding(
          headerRow + 1,
          cell,
          "unknown_metric",
          `目标计划 ${plan.id} 中没有指标“${cell}”（列标题应为指标编号或名称）。`,
          `Plan ${plan.id} has no target "${cell}" (a column is headed by a target's id or name).`,
        ),
      );
  });
  for (const c of columns) allocations[c.metric] = {};
  const resolve = unitResolver(units);
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    const text = (row[unitColumn] ?? "").trim();
    if (text === "" && row.every((cell) => (cell ?? "").trim() === "")) continue;
    if (/^(合计|总计|全区)$/.test(text)) continue;
    const unit = resolve(text);
    const at = r + 1;
    if (!unit) {
      errors.push(
        finding(
          at,
          header[unitColumn],
          "unknown_unit",
          `单位名录中没有“${text}”。`,
          `No unit "${text}" in the registry.`,
        ),
      );
      continue;
    }
    const before = seen.get(unit.code);
    if (before !== undefined) {
      errors.push(
        finding(
          at,
          header[unitColumn],
          "duplicate_unit",
          `${unit.name_zh}在第 ${before} 行已出现。`,
          `${unit.name_en} already appears on row ${before}.`,
        ),
      );
      continue;
    }
    seen.set(unit.code, at);
    for (const c of columns) {
      const cell = row[c.index] ?? "";
      const parsed = parseNumber(cell);
      if (isNotANumber(parsed) || (parsed.value !== null && parsed.value < 0)) {
        errors.push(
          finding(
            at,
            header[c.index],
            "bad_target",
            `“${cell.trim()}”不是有效的目标数（应为不小于0的数）。`,
            `"${cell.trim()}" is not a target (a number of at least 0).`,
          ),
        );
      } else if (parsed.value !== null) allocations[c.metric][unit.code] = parsed.value;
    }
  }
  for (const c of columns) {
    const metric = plan.metrics.find((m) => m.id === c.metric);
    if (!metric || metric.kind === "ratio" || metric.kind === "deadline") continue;
    const total = Object.values(allocations[c.metric]).reduce((a, b) => a + b, 0);
    if (Math.abs(total - metric.target) > 1e-9 * Math.max(1, metric.target)) {
      const v = (x: number, l: "zh" | "en") => formatValue(x, metric.unitOfCount, l);
      warnings.push(
        finding(
          headerRow + 1,
          header[c.index],
          "allocation_total",
          `${metric.name.zh}各单位分解目标合计${v(total, "zh")}，与全区目标${v(metric.target, "zh")}不一致。`,
          `${metric.name.en}: the units' targets add up to ${v(total, "en")}, not the district target of ${v(metric.target, "en")}.`,
        ),
      );
    }
  }
  return { allocations, errors, warnings };
}
