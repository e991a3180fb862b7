/**
 * Findings about a data row as a whole: its unit, the indicators its unit reports, and the same
 * unit-month given twice in one file (identical: one is kept, with a warning; different: the file
 * is refused, naming both rows).
 */

import type { Indicator } from "../../core/catalogue.ts";
import { type Finding, finding } from "../../core/finding.ts";
import type { Unit } from "../normalize/unit.ts";
import { excerpt } from "./findingCollector.ts";

export function unknownUnitFinding(row: number, column: string, text: string): Finding {
  const shown = excerpt(text);
  if (shown === "") {
    return finding(
      row,
      column,
      "unknown_unit",
      "单位为空。请填写单位代码（如 310118002）或名称（如 盈浦街道）。",
      "The unit is blank. Give the unit's code (e.g. 310118002) or name (e.g. 盈浦街道).",
    );
  }
  return finding(
    row,
    column,
    "unknown_unit",
    `单位“${shown}”不在单位名录中。请填写单位代码（如 310118002）或名称（如 盈浦街道 或 盈浦）。`,
    `The unit "${shown}" is not in the unit registry. Give the unit's code (e.g. 310118002) or name (e.g. 盈浦街道 or Yingpu Subdistrict).`,
  );
}

export function notReportedFinding(row: number, column: string, unit: Unit, indicator: Indicator): Finding {
  return finding(
    row,
    column,
    "not_reported_by_unit",
    `${unit.name_zh}不报送“${indicator.zh}”，该单元格应留空。`,
    `${unit.name_en} does not report ${indicator.en} (${indicator.key}); leave the cell blank.`,
  );
}

export function unknownIndicatorFinding(row: number, column: string, text: string): Finding {
  const shown = excerpt(text);
  if (shown === "") {
    return finding(
      row,
      column,
      "unknown_indicator",
      "统计项为空。请填写统计项的英文键（如 reemployed）或模板表头（如 失业人员实现再就业人数）。",
      "The indicator is blank. Give its key (e.g. reemployed) or template header (e.g. 失业人员实现再就业人数).",
    );
  }
  return finding(
    row,
    column,
    "unknown_indicator",
    `无法识别的统计项“${shown}”。请填写统计项的英文键（如 reemployed）或模板表头（如 失业人员实现再就业人数）。`,
    `Unknown indicator "${shown}". Give its key (e.g. reemployed) or template header (e.g. 失业人员实现再就业人数).`,
  );
}

/** What the same unit-month (and, in the long layout, indicator) twice is called in a message. */
interface RepeatedKey {
  unit: Unit;
  month: string;
  indicator?: Indicator;
}

function keyText(key: RepeatedKey): { zh: string; en: string } {
  const zh = `${key.unit.name_zh} ${key.month}${key.indicator ? `“${key.indicator.zh}”` : ""}`;
  const en = `${key.unit.name_en} ${key.month}${key.indicator ? ` ${key.indicator.key}` : ""}`;
  return { zh, en };
}

export function duplicateRowWarning(
  row: number,
  column: string,
  firstRow: number,
  key: RepeatedKey,
): Finding {
  const k = keyText(key);
  return finding(
    row,
    column,
    "duplicate_row",
    `第 ${row} 行与第 ${firstRow} 行重复（${k.zh}，数值相同），只保留一行。`,
    `Row ${row} repeats row ${firstRow} (${k.en}, same values); only one is kept.`,
  );
}

export function conflictingRowFinding(
  row: number,
  column: string,
  firstRow: number,
  key: RepeatedKey,
): Finding {
  const k = keyText(key);
  return finding(
    row,
    column,
    "conflicting_row",
    `第 ${firstRow} 行和第 ${row} 行都是 ${k.zh}，但数值不同。同一文件中每个单位每月只能有一套数据，请删除其中一行。`,
    `Rows ${firstRow} and ${row} are both ${k.en} but their values differ. A file may hold one set of figures per unit and month; delete one of the rows.`,
  );
}
