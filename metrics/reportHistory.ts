/**
 * The history of a plan's figures: the report as of each month of the plan, from its first to a
 * given report's month, the last being that report itself. The dashboard's trends and v_progress
 * are both read from it. The earlier reports carry their alerts when asked (the dashboard shows
 * each month as it stood); v_progress has no use for them and leaves them out.
 */
import type { Warehouse } from "../warehouse/db.ts";
import type { Plan } from "./plan.ts";
import { computeReport, reportMonths } from "./report.ts";
import type { Report } from "./reportTypes.ts";

export async function reportHistory(
  db: Warehouse,
  options: { plan: Plan; latest: Report; today: string; alerts?: boolean },
): Promise<Report[]> {
  const { plan, latest, today } = options;
  const alerts = options.alerts ?? false;
  const history: Report[] = [];
  for (const asOf of reportMonths(plan, latest.asOf)) {
    history.push(
      asOf === latest.asOf ? latest : await computeReport(db, { plan, asOf, today, lang: "zh", alerts }),
    );
  }
  return history;
}
