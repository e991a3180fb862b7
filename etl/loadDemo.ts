/**
 * Loading the demo data: every file of fixtures/demo in its manifest's order, with the received
 * times and clerks the manifest gives, then the case ledgers of fixtures/demo/ledgers (if any).
 * Used by `jobtrack demo` (npm start) on a fresh database, by the benchmark and by tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Warehouse } from "../warehouse/db.ts";
import type { Unit } from "../warehouse/registry.ts";
import type { PlanSpan } from "./catalogue/planSpan.ts";
import { type IngestResult, ingestFile } from "./ingest.ts";

interface DemoLoad {
  results: IngestResult[];
}

interface ManifestEntry {
  file: string;
  received_at: string;
  received_by?: string;
}

function demoFiles(dir: string): ManifestEntry[] {
  const entries: ManifestEntry[] = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const ledgers = join(dir, "ledgers");
  if (existsSync(join(ledgers, "manifest.json"))) {
    const more: ManifestEntry[] = JSON.parse(readFileSync(join(ledgers, "manifest.json"), "utf8"));
    entries.push(...more.map((e) => ({ ...e, file: join("ledgers", e.file) })));
  } else if (existsSync(ledgers)) {
    for (const name of readdirSync(ledgers).sort()) {
      if (/\.(csv|xlsx)$/i.test(name))
        entries.push({ file: join("ledgers", name), received_at: "2023-01-05T10:00:00+08:00" });
    }
  }
  return entries;
}

export async function loadDemo(
  ctx: { db: Warehouse; units: Unit[]; periods: readonly PlanSpan[]; today: string },
  dir: string,
  onFile: (done: number, total: number, result: IngestResult) => void = () => {},
): Promise<DemoLoad> {
  const files = demoFiles(dir);
  const results: IngestResult[] = [];
  for (const entry of files) {
    const result = await ingestFile(
      { ...ctx, lang: "zh" },
      {
        fileName: basename(entry.file),
        bytes: readFileSync(join(dir, entry.file)),
        receivedAt: entry.received_at,
        receivedBy: entry.received_by ?? null,
      },
    );
    results.push(result);
    onFile(results.length, files.length, result);
  }
  return { results };
}
