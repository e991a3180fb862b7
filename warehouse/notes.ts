/**
 * The units' explanations (情况说明) of a metric's status in a month, kept with author and time.
 * A later note of the same unit, metric and month is the one shown; earlier ones stay as history
 * (the newest is the one with the highest note_id, the order the writes committed in, never a
 * clock that could step back). A note with no metric explains the unit's month as a whole: the
 * 备注 column of a monthly report, stored in the file's own transaction. Checking what may be
 * written (role, plan, length, privacy) is the caller's; this module only stores and reads.
 */

import { districtIso } from "../core/districtTime.ts";
import { type Tx, Warehouse } from "./db.ts";
import type { Snapshot } from "./snapshot.ts";

interface NoteInput {
  unit: string;
  metric: string;
  month: string;
  text: string;
  /** The writer's name: token label, else role and unit. */
  author: string;
  role: string | null;
  tokenId: number | null;
  at: Date;
}

/** A note as the API and the report show it; `at` in district time (+08:00); `metric` null for the month as a whole. */
interface Note {
  unit: string;
  metric: string | null;
  month: string;
  text: string;
  author: string;
  at: string;
}

interface NoteEntry extends Note {
  note_id: number;
  /** Whether this is the note shown for its unit, metric and month (false: replaced, history). */
  current: boolean;
}

interface NoteRow {
  note_id: number;
  unit: string;
  metric: string | null;
  month: string;
  text: string;
  author: string;
  at: string;
  current: boolean;
}

const SELECT = `SELECT note_id, unit, metric, month, text, author, "at",
  note_id = max(note_id) OVER (PARTITION BY unit, metric, month) AS current
FROM notes`;

function entryOf(row: NoteRow): NoteEntry {
  return {
    note_id: row.note_id,
    unit: row.unit,
    metric: row.metric,
    month: row.month,
    text: row.text,
    author: row.author,
    at: districtIso(new Date(row.at)),
    current: row.current,
  };
}

/** Stores a note (it becomes the shown one for its unit, metric and month). */
export async function recordNote(db: Warehouse, input: NoteInput): Promise<NoteEntry> {
  const id = await db.write(async (tx) => {
    const [row] = await tx.query<{ id: number }>("SELECT coalesce(max(note_id), 0) + 1 AS id FROM notes");
    await tx.run(
      `INSERT INTO notes VALUES ($id, $unit, $metric, $month, $text, $author, $role, $tokenId, $at::TIMESTAMPTZ)`,
      {
        id: row.id,
        unit: input.unit,
        metric: input.metric,
        month: input.month,
        text: input.text,
        author: input.author,
        role: input.role,
        tokenId: input.tokenId,
        at: input.at.toISOString(),
      },
    );
    return row.id;
  });
  return {
    note_id: id,
    unit: input.unit,
    metric: input.metric,
    month: input.month,
    text: input.text,
    author: input.author,
    at: districtIso(input.at),
    current: true,
  };
}

/** A monthly report's 备注 for one unit-month. */
interface FileNoteInput {
  unit: string;
  month: string;
  text: string;
}

/**
 * Stores, inside the transaction of the file that carried them, the explanations of a monthly
 * report's 备注 column: each the unit's note for its month as a whole (metric null), written by
 * the file's sender at the time it was received. A text equal to the one already shown for that
 * unit-month is not stored again, so a revision sent with the same 备注 leaves the history as it
 * was. Returns how many were stored.
 */
export async function recordFileNotes(
  tx: Tx,
  notes: readonly FileNoteInput[],
  by: { author: string; at: string },
): Promise<number> {
  if (notes.length === 0) return 0;
  const shown = await tx.query<{ unit: string; month: string; text: string }>(
    `SELECT unit, month, text FROM (${SELECT} WHERE metric IS NULL) WHERE current`,
  );
  const same = new Set(shown.map((n) => `${n.unit}\u0000${n.month}\u0000${n.text}`));
  const fresh = notes.filter((n) => !same.has(`${n.unit}\u0000${n.month}\u0000${n.text}`));
  if (fresh.length === 0) return 0;
  const [row] = await tx.query<{ id: number }>("SELECT coalesce(max(note_id), 0) AS id FROM notes");
  let id = row.id;
  for (const note of fresh) {
    id++;
    await tx.run(
      `INSERT INTO notes VALUES ($id, $unit, NULL, $month, $text, $author, NULL, NULL, $at::TIMESTAMPTZ)`,
      { id, unit: note.unit, month: note.month, text: note.text, author: by.author, at: by.at },
    );
  }
  return fresh.length;
}

interface NoteQuery {
  month?: string | null;
  unit?: string | null;
  metric?: string | null;
  /** Replaced notes too (history); defaults to the shown ones only. */
  history?: boolean;
  limit: number;
  offset: number;
}

/** Notes newest first, filtered; the shown ones only unless `history`. */
export async function listNotes(
  db: Warehouse,
  query: NoteQuery,
): Promise<{ notes: NoteEntry[]; total: number }> {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  for (const key of ["month", "unit", "metric"] as const) {
    const value = query[key];
    if (value) {
      where.push(`${key} = $${key}`);
      params[key] = value;
    }
  }
  if (!query.history) where.push("current");
  const filtered = `SELECT * FROM (${SELECT}) ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  const rows = await db.query<NoteRow>(`${filtered} ORDER BY note_id DESC LIMIT $limit OFFSET $offset`, {
    ...params,
    limit: query.limit,
    offset: query.offset,
  });
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${filtered})`, params);
  return { notes: rows.map(entryOf), total: count.n };
}

/**
 * The shown note of every unit and metric (and of each unit's month as a whole) for a month, as
 * the report's `units[].note` takes it: `noteLookup(notes)(metric, unit)` gives `{ text, author,
 * at }` or null. Read from the warehouse, or inside a report's snapshot so the notes and the
 * figures are of one moment; with `by` (an instant), only the notes written by then, as a report
 * "as reported on" a day sees them.
 */
export async function currentNotes(
  source: Warehouse | Snapshot,
  options: { month: string; by?: string | null },
): Promise<Note[]> {
  const by = options.by ?? null;
  const sql = `SELECT * FROM (${SELECT} WHERE month = $month${by ? ` AND "at" <= $by::TIMESTAMPTZ` : ""})
    WHERE current ORDER BY metric NULLS FIRST, unit`;
  const params: Record<string, string> = by ? { month: options.month, by } : { month: options.month };
  const rows =
    source instanceof Warehouse
      ? await source.query<NoteRow>(sql, params)
      : await source.rows<NoteRow>(sql, params);
  return rows.map((row) => {
    const { note_id: _id, current: _current, ...note } = entryOf(row);
    return note;
  });
}

/** What docs/contract.md §6 puts in `units[].note`. */
export type UnitNote = { text: string; author: string; at: string };

/** A unit's note for a metric: its own, else (where `behind`) the unit's note for the month as a whole. */
export type NoteOf = (metric: string, unit: string, behind?: boolean) => UnitNote | null;

const NO_NOTES: NoteOf = () => null;

/**
 * A lookup of the shown notes by metric and unit, made once per report: `lookup(metric, unit)`
 * gives the unit's `units[].note` — the note it wrote for that metric, or when it wrote none and
 * the metric is behind there (`behind`, the default: yellow or red), its note for the month as a
 * whole; null when there is neither. A month's note is an explanation of what lags, so a green
 * row does not carry it.
 */
export function noteLookup(notes: readonly Note[]): NoteOf {
  if (notes.length === 0) return NO_NOTES;
  const byMetric = new Map<string, Map<string, UnitNote>>();
  const whole = new Map<string, UnitNote>();
  for (const n of notes) {
    const note = { text: n.text, author: n.author, at: n.at };
    if (n.metric === null) {
      whole.set(n.unit, note);
      continue;
    }
    let units = byMetric.get(n.metric);
    if (!units) {
      units = new Map();
      byMetric.set(n.metric, units);
    }
    units.set(n.unit, note);
  }
  return (metric, unit, behind = true) =>
    byMetric.get(metric)?.get(unit) ?? (behind ? (whole.get(unit) ?? null) : null);
}
