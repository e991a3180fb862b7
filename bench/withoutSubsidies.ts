/**
 * A copy of the demo folder with every subsidy column taken out, so the cost the funds add to the
 * ingest can be measured against the same files without them. Which columns are subsidies is read
 * from the catalogue of the plan that takes each file's month (its items with a `subsidy`), as the
 * ingest itself finds the header and names them; a CSV keeps its encoding, byte-order mark, delimiter and line
 * ends, an .xlsx its sheets, title row and formats. Files without such a column (ledgers, the
 * manifest, the departments that pay nothing) are copied byte for byte.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { Catalogue } from "../core/catalogue.ts";
import { spanFor } from "../etl/catalogue/planSpan.ts";
import { headerRowOf } from "../etl/normalize/header.ts";
import { indicatorByName } from "../etl/normalize/indicatorName.ts";
import { utf8String, utf8Text } from "../etl/read/decode.ts";
import { type Plan, planPeriods } from "../metrics/plan.ts";

interface Stripped {
  /** Files rewritten without their subsidy columns. */
  files: number;
  /** Subsidy columns taken out, over all files. */
  columns: number;
}

/** Positions (0-based) of the header's subsidy columns; none when no row is a header. */
function subsidyColumns(rows: readonly (readonly string[])[], catalogue: Catalogue): number[] {
  const header = headerRowOf(rows as string[][]);
  if (header === null) return [];
  return rows[header.row].flatMap((cell, i) =>
    indicatorByName(catalogue, cell)?.indicator.subsidy ? [i] : [],
  );
}

/** The CSV without its subsidy columns, in its own encoding and line ends; null when it has none. */
function csvWithout(bytes: Buffer, catalogue: Catalogue): { bytes: Buffer; columns: number } | null {
  const { utf8, encoding } = utf8Text(bytes);
  const parsed = Papa.parse<string[]>(utf8String(utf8), { skipEmptyLines: false });
  const rows = parsed.data;
  const ending = rows.length > 0 && rows.at(-1)?.length === 1 && rows.at(-1)?.[0] === "";
  if (ending) rows.pop();
  const drop = new Set(subsidyColumns(rows, catalogue));
  if (drop.size === 0) return null;
  const kept = rows.map((row) => row.filter((_, i) => !drop.has(i)));
  const newline = parsed.meta.linebreak;
  const text = Papa.unparse(kept, { delimiter: parsed.meta.delimiter, newline }) + (ending ? newline : "");
  if (encoding === "gb18030") return { bytes: iconv.encode(text, "gb18030"), columns: drop.size };
  const body = Buffer.from(text, "utf8");
  const bom = encoding === "utf-8-bom" ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  return { bytes: Buffer.concat([bom, body]), columns: drop.size };
}

/** A1-style column letters → column number (A = 1). */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * The workbook without its subsidy columns; null when it has none. Merged ranges (the title row
 * spans the header's width) are undone around the splice and made again narrower, since moving
 * columns under a merge would scatter its cells.
 */
async function xlsxWithout(
  bytes: Buffer,
  catalogue: Catalogue,
): Promise<{ bytes: Buffer; columns: number } | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let columns = 0;
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, (v) => (typeof v === "string" ? v : "")));
    });
    const drop = subsidyColumns(rows, catalogue).map((i) => i + 1);
    if (drop.length === 0) continue;
    const merges = [...sheet.model.merges];
    for (const range of merges) sheet.unMergeCells(range);
    for (const column of [...drop].reverse()) sheet.spliceColumns(column, 1);
    for (const range of merges) {
      const [, left, top, right, bottom] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
      if (left === undefined) throw new Error(`unreadable merged range ${range}`);
      const from = columnNumber(left) - drop.filter((c) => c < columnNumber(left)).length;
      const to = columnNumber(right) - drop.filter((c) => c <= columnNumber(right)).length;
      if (to > from || (to === from && Number(bottom) > Number(top)))
        sheet.mergeCells(Number(top), from, Number(bottom), to);
    }
    columns += drop.length;
  }
  if (columns === 0) return null;
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), columns };
}

/** Copies the demo folder `from` to `to`, each monthly file without the subsidy columns its month's catalogue names. */
export async function copyWithoutSubsidies(
  from: string,
  to: string,
  plans: readonly Plan[],
): Promise<Stripped> {
  const spans = planPeriods(plans);
  const months = new Map<string, string>();
  for (const entry of JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) as {
    file: string;
    month?: string;
  }[])
    if (entry.month) months.set(entry.file, entry.month);
  const done: Stripped = { files: 0, columns: 0 };
  const walk = async (dir: string, out: string, top: boolean): Promise<void> => {
    mkdirSync(out, { recursive: true });
    for (const name of readdirSync(dir)) {
      const source = join(dir, name);
      if (statSync(source).isDirectory()) {
        await walk(source, join(out, name), false);
        continue;
      }
      const month = top ? months.get(name) : undefined;
      const catalogue = month === undefined ? null : (spanFor(spans, month)?.catalogue ?? null);
      const bytes = readFileSync(source);
      const stripped =
        catalogue === null
          ? null
          : /\.csv$/i.test(name)
            ? csvWithout(bytes, catalogue)
            : /\.xlsx$/i.test(name)
              ? await xlsxWithout(bytes, catalogue)
              : null;
      if (stripped === null) {
        copyFileSync(source, join(out, name));
        continue;
      }
      writeFileSync(join(out, name), stripped.bytes);
      done.files++;
      done.columns += stripped.columns;
    }
  };
  await walk(from, to, true);
  return done;
}
