/**
 * The units' explanations (情况说明) of a metric's status in a month, kept with author and time.
 * A later note of the same unit, metric and month is the one shown; earlier ones stay as history
 * (the newest is the one with the highest note_id, the order the writes committed in, never a
 * clock that could step back). Checking what may be written (role, plan, length, privacy) is the
 * caller's; this module only stores and reads.
 */

import { districtIso } from "../core/districtTime.ts";
import type { Warehouse } from "./db.ts";

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

/** A note as the API and the report show it; `at` in district time (+08:00). */
interface Note {
  unit: string;
  metric: string;
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
  metric: string;
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
 * The shown note of every unit and metric for a month, as the report's `units[].note` takes it:
 * `noteLookup(notes)(metric, unit)` gives `{ text, author, at }` or null.
 */
export async function currentNotes(db: Warehouse, options: { month: string }): Promise<Note[]> {
  const rows = await db.query<NoteRow>(
    `SELECT * FROM (${SELECT} WHERE month = $month) WHERE current ORDER BY metric, unit`,
    { month: options.month },
  );
  return rows.map((row) => {
    const { note_id: _id, current: _current, ...note } = entryOf(row);
    return note;
  });
}

/** What docs/contract.md §6 puts in `units[].note`. */
type UnitNote = { text: string; author: string; at: string };

/**
 * A lookup of the shown notes by metric and unit, made once per report: `lookup(metric, unit)`
 * gives the unit's `units[].note`, or null when the unit has written none for the month.
 */
export function noteLookup(notes: readonly Note[]): (metric: string, unit: string) => UnitNote | null {
  const byKey = new Map<string, UnitNote>();
  for (const n of notes)
    byKey.set(`${n.metric}\u0000${n.unit}`, { text: n.text, author: n.author, at: n.at });
  return (metric, unit) => byKey.get(`${metric}\u0000${unit}`) ?? null;
}
