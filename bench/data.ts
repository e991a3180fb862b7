/**
 * Seeded generators of benchmark inputs: a registry of many units and a long-layout monthly file.
 */
import { writeFileSync } from "node:fs";
import { mulberry32 } from "../fixtures/demoModel.ts";

function unitCode(i: number): string {
  return `B${String(i).padStart(6, "0")}`;
}

/** A registry of `count` towns (codes B000001 …). */
export function writeRegistry(path: string, count: number): void {
  const lines = ["code,name_zh,name_en,kind"];
  for (let i = 1; i <= count; i++) lines.push(`${unitCode(i)},测试${i}镇,Test ${i} Town,town`);
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** A long-layout file: every unit × month × indicator, one value a row. Returns the row count. */
export function writeLongFile(
  path: string,
  options: { units: number; months: string[]; indicators: string[]; seed: number },
): number {
  const random = mulberry32(options.seed);
  const parts: string[] = ["unit,month,indicator,value\n"];
  let rows = 0;
  let buffer = "";
  for (let u = 1; u <= options.units; u++) {
    const code = unitCode(u);
    for (const month of options.months) {
      for (const indicator of options.indicators) {
        buffer += `${code},${month},${indicator},${Math.floor(random() * 500)}\n`;
        rows++;
      }
    }
    if (buffer.length > 1 << 20) {
      parts.push(buffer);
      buffer = "";
    }
  }
  parts.push(buffer);
  writeFileSync(path, parts.join(""));
  return rows;
}

/** A one-unit case ledger of `cases` rows (unit by code; dates in 2022; about 1 in 10 still open). */
export function writeLedgerFile(path: string, options: { unit: string; cases: number; seed: number }): void {
  const random = mulberry32(options.seed);
  const parts: string[] = ["单位,编号,类别,认定日期,就业日期,就业渠道\n"];
  let buffer = "";
  const day = (offset: number) =>
    new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 1; i <= options.cases; i++) {
    const hardship = random() < 0.8;
    const identified = Math.floor(random() * 330);
    const open = random() < 0.1;
    const employed = open
      ? ""
      : day(Math.min(363, identified + Math.floor(random() * (hardship ? 120 : 45))));
    buffer += `${options.unit},C${String(i).padStart(7, "0")},${hardship ? "就业困难人员" : "零就业家庭"},${day(identified)},${employed},${open ? "" : "单位就业"}\n`;
    if (buffer.length > 1 << 20) {
      parts.push(buffer);
      buffer = "";
    }
  }
  parts.push(buffer);
  writeFileSync(path, parts.join(""));
}
