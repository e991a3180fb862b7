// Light checks of an upload in the browser, before anything is sent: decode the bytes (UTF-8,
// else GB18030, which covers GBK), find the header, and point at the first obvious problems
// (missing unit or month column, text in a number cell, negative numbers, cells that look like an
// ID or phone number). The server's verdict is the authority; these checks only save a round trip.
// Pure functions, no DOM: the upload page and the tests both import them.

/** Bytes → text: UTF-8 (with or without BOM) when valid, else GB18030 (a superset of GBK). */
export function decodeText(bytes) {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The comparable form of a header: half-width, no spaces or `*` marks, lower case, any cohort year. */
export function headerKey(text) {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^\*+|\*+$/g, "")
    .toLowerCase()
    .replace(/^\d{4}届/, "yyyy届");
}

const ID18 = /(^|\D)[1-8]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;
const ID15 = /(^|\D)[1-8]\d{7}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}(?!\d)/;
const MOBILE = /(^|\D)(\+?86[ -]?)?1[3-9]\d([ -]?\d){8}(?!\d)/;

/** "resident_id", "mobile" or null: whether a cell looks like it holds personal numbers. */
export function looksLikePersonal(text) {
  const s = String(text ?? "").normalize("NFKC");
  if (s.length < 11) return null;
  if (ID18.test(s) || ID15.test(s)) return "resident_id";
  if (MOBILE.test(s)) return "mobile";
  return null;
}

/** A count as Excel exports it: spaces, thousands commas and full-width digits allowed. */
export function readNumber(text) {
  const s = String(text ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (s === "") return { blank: true };
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return { blank: false, number: null };
  return { blank: false, number: Number(s) };
}

const TOTAL_ROW = /^(合计|总计|小计|total)$/i;

function problem(row, col, column, code, zh, en) {
  return { row, col, column, code, zh, en };
}

function isBlankRow(cells) {
  return cells.every((c) => String(c ?? "").trim() === "");
}

/**
 * Checks a grid (rows of text cells) against the header names the server gave (`hints`: lists of
 * header keys for unit, month, indicator, value, numeric indicator headers and ledger columns).
 * Rows are numbered as Excel shows them (first row = 1).
 */
export function checkGrid(grid, hints, limit = 200) {
  const has = (list, cell) => list.includes(headerKey(cell));
  const problems = [];
  const add = (p) => {
    if (problems.length < limit) problems.push(p);
  };
  let headerRow = -1;
  let kind = null;
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const cells = grid[r] || [];
    if (cells.some((c) => has(hints.unit, c)) && cells.some((c) => has(hints.month, c))) {
      headerRow = r;
      kind = "monthly";
      break;
    }
    if (cells.some((c) => has(hints.ledger, c))) {
      headerRow = r;
      kind = "cases";
      break;
    }
  }
  if (headerRow < 0) {
    add(
      problem(
        null,
        null,
        null,
        "no_header",
        "没有找到表头：前 10 行中没有同时包含“单位”和“报告月份”两列的行。请使用模板的表头。",
        'No header found: none of the first 10 rows names both the "单位" (unit) and "报告月份" (month) columns. Use the template\'s headers.',
      ),
    );
    return { kind: null, headerRow, columns: [], problems, dataRows: 0, skipped: 0 };
  }
  const header = grid[headerRow];
  const columns = header.map((cell, index) => {
    const name = String(cell ?? "").trim();
    let role = "text";
    if (has(hints.unit, cell)) role = "unit";
    else if (kind === "monthly" && has(hints.month, cell)) role = "month";
    else if (kind === "monthly" && (has(hints.numeric, cell) || has(hints.value, cell))) role = "number";
    else if (kind === "monthly" && name !== "" && !has(hints.indicator, cell)) role = "unknown";
    return { index, name, role };
  });
  if (!columns.some((c) => c.role === "unit")) {
    add(
      problem(
        headerRow + 1,
        null,
        null,
        "missing_column",
        "缺少“单位”列。",
        'The "单位" (unit) column is missing.',
      ),
    );
  }
  for (const c of columns.filter((c) => c.role === "unknown")) {
    add(
      problem(
        headerRow + 1,
        c.index,
        c.name,
        "unknown_column",
        `无法识别的列“${c.name}”：不是模板的列名。`,
        `Unknown column "${c.name}": not a column of the template.`,
      ),
    );
  }
  let dataRows = 0;
  let skipped = 0;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const cells = grid[r] || [];
    if (isBlankRow(cells)) continue;
    if (cells.slice(0, 2).some((c) => TOTAL_ROW.test(String(c ?? "").trim()))) {
      skipped++;
      continue;
    }
    dataRows++;
    const excelRow = r + 1;
    for (const c of columns) {
      const text = String(cells[c.index] ?? "");
      const at = (code, zh, en) => add(problem(excelRow, c.index, c.name, code, zh, en));
      const personal = looksLikePersonal(text);
      if (personal) {
        at(
          "personal_number",
          personal === "mobile"
            ? "疑似手机号码：系统不接收个人号码，请删除。"
            : "疑似身份证号码：系统不接收身份证号，请删除。",
          personal === "mobile"
            ? "Looks like a mobile phone number: the system takes no personal numbers; delete it."
            : "Looks like a resident ID number: the system takes no ID numbers; delete it.",
        );
        continue;
      }
      if ((c.role === "unit" || c.role === "month") && text.trim() === "") {
        at(
          "missing_value",
          c.role === "unit" ? "单位为空。" : "报告月份为空。",
          c.role === "unit" ? "The unit is blank." : "The month is blank.",
        );
      }
      if (c.role !== "number") continue;
      const n = readNumber(text);
      if (n.blank) continue;
      if (n.number === null) at("not_number", "不是数字。", "Not a number.");
      else if (n.number < 0) at("negative", "不能为负数。", "Cannot be negative.");
    }
  }
  if (dataRows === 0) {
    add(
      problem(
        null,
        null,
        null,
        "no_rows",
        "表头下面没有数据行。",
        "There are no data rows below the header.",
      ),
    );
  }
  return { kind, headerRow, columns, problems, dataRows, skipped };
}
