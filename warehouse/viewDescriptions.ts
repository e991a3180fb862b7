/**
 * What each analyst view (docs/contract.md §8) and each of its columns means, in Chinese and English, for
 * the SQL console's schema browser. Kept beside the migrations that make the views;
 * warehouse/viewDescriptions.test.ts fails when a view gains a column without a description here.
 */
import type { Warehouse } from "./db.ts";

interface Described {
  zh: string;
  en: string;
}

interface ViewDescription extends Described {
  columns: Record<string, Described>;
}

const TIME_NOTE: Described = {
  zh: "北京时间（UTC+8）显示；在 SQL 中按 UTC 计算，取北京日期可写 CAST(received_at + INTERVAL 8 HOUR AS DATE)",
  en: "shown in district time (UTC+8); SQL computes in UTC: the district date is CAST(received_at + INTERVAL 8 HOUR AS DATE)",
};

export const VIEW_DESCRIPTIONS: Record<string, ViewDescription> = {
  v_units: {
    zh: "单位名录：11 个街镇与 3 个区级部门",
    en: "The unit registry: the 11 towns and the 3 district departments",
    columns: {
      unit: { zh: "单位代码（街镇为统计用区划代码）", en: "Unit code (a town's statistical division code)" },
      name_zh: { zh: "中文名称", en: "Name in Chinese" },
      name_en: { zh: "英文名称", en: "Name in English" },
      kind: {
        zh: "类别：subdistrict 街道、town 镇、department 区级部门",
        en: "Kind: subdistrict, town or department",
      },
    },
  },
  v_facts: {
    zh: "各单位各月各统计项的现行数值（同一单位月份以最新修订为准）",
    en: "The current value of each unit's reported item in each month (the newest revision wins)",
    columns: {
      unit: { zh: "单位代码", en: "Unit code" },
      month: { zh: "报告月份（YYYY-MM）", en: "Report month (YYYY-MM)" },
      indicator: {
        zh: "统计项代码（见下方统计项说明）",
        en: "Reported item's key (see the reported items below)",
      },
      value: {
        zh: "数值：本月数为当月发生数，期末数为月末时点数",
        en: "Value: a flow counts the month, a stock is the level at month end",
      },
      submission_id: { zh: "来自哪一次报送", en: "The submission it came from" },
    },
  },
  v_submissions: {
    zh: "每份报送文件（每个单位一行），含修订次数与状态",
    en: "Every submitted file (a row per unit), with its revision and status",
    columns: {
      submission_id: { zh: "报送编号", en: "Submission number" },
      unit: {
        zh: "单位代码（退回且未能识别单位时为空）",
        en: "Unit code (empty when a refused file named none)",
      },
      kind: { zh: "类别：monthly 月报、cases 台账", en: "Kind: monthly report or cases (ledger)" },
      file_name: { zh: "上传时的文件名", en: "The file's name as sent" },
      sha256: {
        zh: "文件内容的 SHA-256 摘要（小写十六进制）",
        en: "SHA-256 of the file's bytes (lowercase hex)",
      },
      received_at: { zh: `收到时间，${TIME_NOTE.zh}`, en: `When it was received, ${TIME_NOTE.en}` },
      status: {
        zh: "状态：accepted 已接收、superseded 已被新修订取代、rejected 已退回",
        en: "Status: accepted, superseded (a later revision replaced it) or rejected",
      },
      rows: { zh: "该单位的数据行数", en: "The unit's data rows in the file" },
      revision: {
        zh: "第几次修订（同一单位月份从 1 起）",
        en: "Revision number (from 1 per unit and month)",
      },
    },
  },
  v_cases: {
    zh: "对象台账（零就业家庭、就业困难人员）的现行记录与时限判断",
    en: "The current case ledgers (zero-employment families, hardship persons) with their deadlines",
    columns: {
      unit: { zh: "单位代码", en: "Unit code" },
      case_id: { zh: "对象编号（化名编号，不含个人信息）", en: "Case id (a pseudonym, no personal data)" },
      category: {
        zh: "类别：zero_family 零就业家庭、hardship 就业困难人员",
        en: "Category: zero_family (zero-employment family) or hardship (hardship person)",
      },
      identified_on: { zh: "认定日期", en: "Date identified" },
      employed_on: { zh: "就业日期（未就业为空）", en: "Date employed (empty while open)" },
      channel: { zh: "就业渠道", en: "Employment channel" },
      deadline: {
        zh: "时限：零就业家庭认定后 1 个月、就业困难人员 3 个月",
        en: "Deadline: 1 month after identification for a family, 3 months for a hardship person",
      },
      status: {
        zh: "状态：open 未就业且未超期、overdue 已超期、on_time 按时就业、late 超期就业",
        en: "Status: open, overdue, on_time or late",
      },
    },
  },
  v_progress: {
    zh: "各指标（含无目标的跟踪项目）各月的完成情况（全区及各单位），每次报送被接收后自动更新",
    en: "Every target's figures per month, district and units, and those of the items tracked without a target, refreshed after every accepted submission",
    columns: {
      metric: {
        zh: "指标代码（目标计划中的编号，含无目标的跟踪项目）",
        en: "Target's id in the plan (or a tracked item's, which has no target)",
      },
      unit: { zh: "单位代码；全区合计为空", en: "Unit code; empty for the district" },
      month: { zh: "截至月份（YYYY-MM）", en: "As-of month (YYYY-MM)" },
      actual: { zh: "实际完成值", en: "Actual" },
      target: {
        zh: "目标值（跟踪项目无目标，为空）",
        en: "Target (empty for a tracked item, which has none)",
      },
      expected: {
        zh: "序时进度应完成值（比率、时限、上限类为空）",
        en: "Expected to date (empty for ratio, deadline and cap targets)",
      },
      status: {
        zh: "状态：green 绿灯、yellow 黄灯、red 红灯、not_started 未开始、no_target 无目标、no_data 暂无数据",
        en: "Status: green, yellow, red, not_started, no_target or no_data",
      },
    },
  },
  v_indicators: {
    zh: "统计项说明：v_facts 中每个统计项代码的名称、说明、计量单位，以及是本月数还是期末数",
    en: "What each reported item key of v_facts means: names, description, unit of count, this month or month-end",
    columns: {
      indicator: { zh: "统计项代码（v_facts.indicator）", en: "Item key (v_facts.indicator)" },
      name_zh: { zh: "中文名称（模板表头）", en: "Chinese name (the template's header)" },
      name_en: { zh: "英文名称", en: "English name" },
      description_zh: { zh: "中文说明", en: "Description in Chinese" },
      description_en: { zh: "英文说明", en: "Description in English" },
      unit_of_count: {
        zh: "计量单位：人、户、个、家、万元、亿元等",
        en: "Unit of count: 人, 户, 个, 家, 万元, 亿元 …",
      },
      flow: {
        zh: "flow 本月数（当月发生）或 stock 期末数（月末时点）",
        en: "flow (this month) or stock (month-end level)",
      },
      plans: { zh: "目录中含有该统计项的目标计划", en: "The plans whose catalogue holds the item" },
    },
  },
};

export interface ViewSchema extends Described {
  name: string;
  columns: ({ name: string; type: string } & Described)[];
}

/** The views with their columns as DuckDB has them, each with its description. */
export async function describeViews(db: Warehouse, views: readonly string[]): Promise<ViewSchema[]> {
  const columns = await db.query<{ view: string; name: string; type: string }>(
    `SELECT table_name AS view, column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE schema_name = 'main' AND list_contains($views::VARCHAR[], table_name)
     ORDER BY table_name, column_index`,
    { views: JSON.stringify(views) },
  );
  return views.map((name) => {
    const described = VIEW_DESCRIPTIONS[name] ?? { zh: "", en: "", columns: {} };
    return {
      name,
      zh: described.zh,
      en: described.en,
      columns: columns
        .filter((c) => c.view === name)
        .map((c) => ({ name: c.name, type: c.type, ...(described.columns[c.name] ?? { zh: "", en: "" }) })),
    };
  });
}
