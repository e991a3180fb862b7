/**
 * Seeded generators of benchmark inputs: a registry of many units and a long-layout monthly file.
 */
import { writeFileSync } from "node:fs";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function unitCode(i: number): string {
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
