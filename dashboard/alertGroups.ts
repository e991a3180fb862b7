/**
 * Alerts as a reader takes them in: the list in the order metrics gives it (metrics/alerts.ts
 * ranks; nothing here re-ranks), with the data anomalies of one month from many units drawn
 * together into one entry where the first of them stood. When a month's figures fall out of line
 * in half the towns at once (April 2022's closures), that is one event to look into, not thirty
 * separate ones; a unit's own odd month stays an alert of its own.
 */
import type { Alert } from "../metrics/reportTypes.ts";

/** Anomalies of one month are drawn together once they come from this many units. */
export const GROUP_FROM_UNITS = 3;

export interface AlertGroup {
  kind: "group";
  type: "anomaly";
  month: string;
  /** The group's alerts, in the order given. */
  alerts: Alert[];
  /** The units named, in the order they first appear. */
  units: string[];
}

export type AlertEntry = { kind: "alert"; alert: Alert } | AlertGroup;

export function alertEntries(alerts: readonly Alert[]): AlertEntry[] {
  const byMonth = new Map<string, Alert[]>();
  for (const a of alerts) {
    if (a.type !== "anomaly" || a.month === null) continue;
    const list = byMonth.get(a.month) ?? [];
    list.push(a);
    byMonth.set(a.month, list);
  }
  const grouped = new Map<string, AlertGroup>();
  for (const [month, list] of byMonth) {
    const units = [...new Set(list.map((a) => a.unit).filter((u): u is string => u !== null))];
    if (units.length >= GROUP_FROM_UNITS)
      grouped.set(month, { kind: "group", type: "anomaly", month, alerts: list, units });
  }
  const entries: AlertEntry[] = [];
  const placed = new Set<string>();
  for (const a of alerts) {
    const group = a.type === "anomaly" && a.month !== null ? grouped.get(a.month) : undefined;
    if (!group) {
      entries.push({ kind: "alert", alert: a });
    } else if (!placed.has(group.month)) {
      placed.add(group.month);
      entries.push(group);
    }
  }
  return entries;
}
