/**
 * Reports are derived data: the same question on the same data has the same answer. The cache
 * keeps computed reports (as promises, so viewers asking at the same moment share one
 * computation) and forgets them all as soon as the warehouse commits a write.
 */
import { computeReport, type ReportOptions } from "../metrics/report.ts";
import type { Report } from "../metrics/reportTypes.ts";
import type { Warehouse } from "../warehouse/db.ts";

export class ReportCache {
  private readonly entries = new Map<string, Promise<Report>>();
  private version = -1;
  private readonly limit: number;

  constructor(limit = 64) {
    this.limit = limit;
  }

  get(db: Warehouse, options: ReportOptions): Promise<Report> {
    if (db.version !== this.version) {
      this.entries.clear();
      this.version = db.version;
    }
    const key = JSON.stringify([
      options.plan.id,
      options.plan.file,
      options.asOf ?? null,
      options.unit ?? null,
      options.asReported ?? null,
      options.today,
      options.lang,
      options.alerts ?? true,
    ]);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = computeReport(db, options);
    computed.catch(() => this.entries.delete(key));
    this.entries.set(key, computed);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return computed;
  }
}
